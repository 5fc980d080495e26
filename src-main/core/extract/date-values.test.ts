/**
 * Date values in wire and feature styles: seasons, centuries and eras, spans, clock times, and steps counted from the
 * point the story has reached. Names are invented or generic on purpose: the rules must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { run, valueOf } from './test-extract';

// [sentence, reference date, date text, expected value]
const DATE_CASES: [string, string, string, string][] = [
  ['SANTIAGO, Nov 17 (Reuters) - Voters chose.', '2025-11-17', 'Nov 17', '2025-11-17'],
  ['The meeting is on Oct 29, 2025, in Austin.', '2025-06-01', 'Oct 29, 2025', '2025-10-29'],
  ['The winner will take office on March 11 next year.', '2025-11-17', 'March 11 next year', '2026-03-11'],
  ['He returns on 11 March next year.', '2025-11-17', '11 March next year', '2026-03-11'],
  ['The trial starts across England from next spring.', '2025-06-10', 'next spring', '2026-SP'],
  ['The charity will publish its analysis in the autumn.', '2025-06-10', 'the autumn', '2025-FA'],
  ['A factory would open in the spring of 2026.', '2025-10-29', 'the spring of 2026', '2026-SP'],
  ['Sales fell last summer.', '2025-10-29', 'last summer', '2025-SU'],
  ['Sales fell last summer.', '2025-07-01', 'last summer', '2024-SU'],
  // A bare month follows the tense of its own clause, not the main verb.
  ['The director called for funding before the rainy season starts in November.', '2023-08-08', 'November', '2023-11'],
  ['The director called for funding before the rainy season started in November.', '2023-08-08', 'November', '2022-11'],
  [
    'Plans are due before the next UN climate conference in November, the pledge said.',
    '2025-06-13',
    'November',
    '2025-11',
  ],
  [
    'He said revenue would peak in the second quarter, which ends in late December.',
    '2025-10-29',
    'December',
    '2025-12',
  ],
  ['The company said the outbreak, which began in March, had ended.', '2023-08-08', 'March', '2023-03'],
];

describe('dates in wire and feature styles', () => {
  it.each(DATE_CASES)('%s (ref %s)', (text, ref, dateText, value) => {
    const d = extract(text, { referenceDate: ref }).dates.find((x) => x.text === dateText);
    expect(d?.value).toBe(value);
  });

  const NOT_SEASONS = [
    'Prices fall in value.',
    'He wrote after the fall of Kabul.',
    'The summer house was sold.',
    'Spring Street is closed.',
  ];

  it.each(NOT_SEASONS)('no season in "%s"', (text) => {
    expect(
      extract(text, { referenceDate: '2025-06-10' })
        .dates.map((d) => d.value)
        .filter((v) => /-(SP|SU|FA|WI)$/.test(v)),
    ).toEqual([]);
  });
});

describe('date values', () => {
  // [text, reference, expression, value]
  const CASES: [string, string, string, string][] = [
    ['Payment is due by the end of the month.', '2024-10-15', 'the end of the month', '2024-10'],
    ['Talks resume at the start of next month.', '2024-10-15', 'the start of next month', '2024-11'],
    ['Sales rose in the fiscal first quarter.', '2024-03-07', 'first quarter', '2024-Q1'],
    ['Growth slowed in Q3 2024.', '2024-03-07', 'Q3 2024', '2024-Q3'],
    ['Offices will be sold in the third quarter.', '2024-03-07', 'the third quarter', '2024-Q3'],
    ['Rates may fall by mid-2025.', '2024-03-07', '2025', '2025'],
    ['Reserves run out by late 2025.', '2024-03-07', '2025', '2025'],
    ['Instruments switch on early next year.', '2024-03-07', 'early next year', '2025'],
    ['The department spoke last week.', '2024-03-07', 'last week', '2024-W09'],
    ['Figures came out two weeks ago.', '2024-03-07', 'two weeks ago', '2024-W08'],
    ['The review is next Monday.', '2024-03-07', 'next Monday', '2024-03-11'],
  ];
  it.each(CASES)('%s', (text, ref, expr, value) => {
    const d = extract(text, { referenceDate: ref }).dates.find((x) => x.text === expr);
    expect(d?.value).toBe(value);
  });
});

describe('centuries, eras and spans written with "a"', () => {
  it.each([
    ['Tolls were common in the 19th century.', 'the 19th century', '18'],
    ['The bridge dates from the first century AD.', 'the first century AD', '00'],
    ['A palace was built there in AD 794.', 'AD 794', '0794'],
    ['People farmed the valley by 3000 BC.', '3000 BC', 'BC3000'],
    ['She taught there for more than a decade.', 'a decade', 'P10Y'],
    ['The firm traded for half a century.', 'half a century', 'P50Y'],
  ])('%s', (text, date, value) => {
    expect(valueOf(run(text).dates, date)).toBe(value);
  });

  it('leaves "a decade ago" to the relative rule', () => {
    expect(run('The plant closed a decade ago.').dates.map((d) => d.value)).toEqual(['2014']);
  });
});

describe('clock times', () => {
  it('dates a lone time by the day the story has just given, or else the reference day', () => {
    const { dates } = run(
      'The order came on Tuesday. By 8.30am the road was shut, and at midnight the wind turned. Crews rested at 7 pm.',
    );
    expect(dates.map((d) => [d.text, d.value])).toEqual([
      ['Tuesday', '2024-03-05'],
      ['8.30am', '2024-03-05T08:30'],
      // Midnight after 8.30am is the next day's, and the story goes on from there.
      ['midnight', '2024-03-06T00:00'],
      ['7 pm', '2024-03-06T19:00'],
    ]);
    expect(valueOf(run('The vote closes at 10pm.').dates, '10pm')).toBe('2024-03-07T22:00');
  });

  it('leaves a time written with its day to that day ("3pm on Friday")', () => {
    expect(run('The hearing resumes at 3pm on Friday.').dates.map((d) => d.text)).toEqual(['Friday']);
  });
});

describe('steps from the point the story has reached', () => {
  it('counts "two days later", "the day after", "later that month" from the last day the story gave', () => {
    const { dates } = run(
      'The fire started on 3 May. Two days later it reached the town. The day after, rain fell. Later that month the road reopened.',
      '2024-06-10',
    );
    expect(dates.map((d) => [d.text, d.value])).toEqual([
      ['3 May', '2024-05-03'],
      ['Two days later', '2024-05-05'],
      ['The day after', '2024-05-06'],
      ['Later that month', '2024-05'],
    ]);
  });

  it('leaves "the day before the vote" to the vote, and keeps a span where the story gives no day', () => {
    expect(run('The day before the vote, he left.').dates.map((d) => d.text)).toEqual([]);
    expect(
      valueOf(run('Talks began in late September. Two weeks later the deal was signed.').dates, 'Two weeks later'),
    ).toBe('P2W');
  });
});

describe('years and months counted from where the story has reached', () => {
  it('counts "the following year" and "the previous year" from the year the story has reached', () => {
    const { dates } = run(
      'She moved to Accra in 1983. The following year she opened a studio. In 1990 sales doubled from the previous year.',
    );
    expect(valueOf(dates, 'The following year')).toBe('1984');
    expect(valueOf(dates, 'the previous year')).toBe('1989');
    // Without a year written before it, "the following year" is counted from the publication date.
    expect(valueOf(run('The plan was delayed to the following year.').dates, 'the following year')).toBe('2025');
  });

  it('counts "the same month" from the month the story has reached', () => {
    expect(
      valueOf(
        run('The statues left London in March 2019. The museum reopened the same month.').dates,
        'the same month',
      ),
    ).toBe('2019-03');
  });
});

describe('spans in two units, "consecutive" and "more than"', () => {
  it('reads a span in two units as one', () => {
    const { dates } = run(
      'He was jailed for five years and four months. The film runs two hours and 18 minutes. Talks took a fortnight.',
    );
    expect(dates.map((d) => [d.text, d.value])).toEqual([
      ['five years and four months', 'P5Y4M'],
      ['two hours and 18 minutes', 'PT2H18M'],
      ['a fortnight', 'P2W'],
    ]);
  });

  it('reads "nine consecutive days" and "more than a year" as spans', () => {
    const { dates } = run('The fire burned for nine consecutive days, after more than a year of drought.');
    expect(dates.map((d) => [d.text, d.value])).toEqual([
      ['nine consecutive days', 'P9D'],
      ['a year', 'P1Y'],
    ]);
  });
});
