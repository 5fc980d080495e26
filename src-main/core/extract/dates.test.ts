import { describe, expect, it } from 'vitest';
import { extract } from './index';

// Each case: a sentence, the reference date given to the engine, and the expected [text, value, precision] triples.
const CASES: [string, string, [string, string, string][]][] = [
  ['On the 21st, the ministry announced the results.', '2024-01-22', [['the 21st', '2024-01-21', 'day']]],
  ['They met on the 19th of this month.', '2024-01-22', [['the 19th of this month', '2024-01-19', 'day']]],
  ['He visited in September of last year.', '2024-01-22', [['September of last year', '2023-09', 'month']]],
  ['The election will be held on March 15-17.', '2024-01-22', [['March 15-17', '2024-03-15/2024-03-17', 'range']]],
  ['He first visited in July 2000.', '2024-01-22', [['July 2000', '2000-07', 'month']]],
  ['Sales rose this year.', '2024-01-22', [['this year', '2024', 'year']]],
  ['The plant closed 20 years ago.', '2024-01-22', [['20 years ago', '2004', 'year']]],
  ['It will be 24 years long.', '2024-01-22', [['24 years', 'P24Y', 'duration']]],
  ['The minister resigned on Friday.', '2024-01-24', [['Friday', '2024-01-19', 'day']]],
  ['The team will play on Friday.', '2024-01-24', [['Friday', '2024-01-26', 'day']]],
  ['Results came out on January 5, 2023.', '2024-01-22', [['January 5, 2023', '2023-01-05', 'day']]],
  ['The firm reported third-quarter revenue.', '2024-10-24', [['third-quarter', '2024-Q3', 'range']]],
  [
    'Shipping starts in the first half of next year.',
    '2024-10-24',
    [['the first half of next year', '2025-H1', 'range']],
  ],
  ['Prices fell last month.', '2024-03-10', [['last month', '2024-02', 'month']]],
  [
    'It celebrated the 75th anniversary this year.',
    '2024-01-22',
    [
      ['the 75th anniversary', '2024', 'year'],
      ['this year', '2024', 'year'],
    ],
  ],
  [
    'Messages were sent at the start of the new year.',
    '2024-01-22',
    [['the start of the new year', '2024-01', 'month']],
  ],
  ['The report is due on 3 May 2025.', '2024-01-22', [['3 May 2025', '2025-05-03', 'day']]],
  ['Trade grew in the 1990s.', '2024-01-22', [['the 1990s', '199', 'range']]],
  ['China has recently stepped up talks.', '2024-01-22', [['recently', 'PAST_REF', 'fuzzy']]],
  ['Stores open on Christmas Eve.', '2024-01-22', [['Christmas Eve', '2024-12-24', 'day']]],
  ['Easter falls early.', '2024-01-22', [['Easter', '2024-03-31', 'day']]],
];

describe('date recognition and normalisation', () => {
  it.each(CASES)('%s (ref %s)', (text, ref, expected) => {
    const got = extract(text, { referenceDate: ref }).dates.map((d) => [d.text, d.value, d.precision]);
    expect(got).toEqual(expected);
  });
});

// False friends: capitalised or date-like words that are not dates.
const NOT_DATES: [string, string[]][] = [
  ['They will meet around the Day of the Sun.', ['the Day of the Sun']],
  ['The Sun rose over the bay.', []],
  ['May I ask a question?', []],
  ['Troops march on the capital.', []],
  ['He scored in the 78th minute.', []],
  ['The company employs 2000 people.', []],
];

describe('false friends', () => {
  it.each(NOT_DATES)('%s', (text, expected) => {
    expect(extract(text, { referenceDate: '2024-01-22' }).dates.map((d) => d.text)).toEqual(expected);
  });

  it('reads "the 21st century" as a century, not as the 21st of a month', () => {
    expect(
      extract('This is the 21st century.', { referenceDate: '2024-01-22' }).dates.map((d) => [d.text, d.value]),
    ).toEqual([['the 21st century', '20']]);
  });

  it('resolves the Day of the Sun to 15 April, not to a Sunday', () => {
    const [d] = extract('Leaders may meet around the Day of the Sun.', { referenceDate: '2024-01-22' }).dates;
    expect(d?.value).toBe('2024-04-15');
  });
});

describe('anniversaries, status and events', () => {
  it('points an anniversary back to its year', () => {
    const [d] = extract('This year marks the 75th anniversary of relations.', {
      referenceDate: '2024-01-22',
    }).dates.filter((x) => x.text.includes('anniversary'));
    expect(d?.pointsTo).toBe('1949');
  });

  it('marks expected and past events', () => {
    const r = extract('The vote was held on March 3. The next vote will be held on May 9.', {
      referenceDate: '2024-04-01',
    });
    expect(r.dates.map((d) => [d.value, d.status])).toEqual([
      ['2024-03-03', 'past'],
      ['2024-05-09', 'expected'],
    ]);
  });

  it('ties a date to its clause and the actors in it', () => {
    const r = extract('On the 21st, Japan said it would talk to China.', { referenceDate: '2024-01-22' });
    expect(r.dates[0]?.event).toBe('On the 21st, Japan said it would talk to China.');
    expect(r.dates[0]?.actors).toEqual(['Japan', 'China']);
  });

  it('leaves unknown parts as X without a reference date', () => {
    const r = extract('On the 21st, the ministry spoke. Sales rose this year.');
    expect(r.referenceDate).toBeNull();
    expect(r.dates.map((d) => d.value)).toEqual(['XXXX-XX-21', 'XXXX']);
  });

  it('rejects a malformed reference date', () => {
    expect(() => extract('Text.', { referenceDate: '2024-02-30' })).toThrow(RangeError);
  });
});
