/**
 * The tense of a date without a year: subordinate clauses, second predicates, decisions and schedules that look ahead,
 * what has not ended, forecasts, quotations, and the month May against the modal "may". Names are invented or generic
 * on purpose: the rules must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { subordinateTense } from './clauses';
import { run, valueOf } from './test-extract';

describe('the tense of a subordinate clause', () => {
  // [text before the date, text after it, expected tense or null]
  const SUB: [string, string, string | null][] = [
    ['called for funding before the rainy season starts in ', '.', 'expected'],
    ['called for funding before the rainy season started in ', '.', 'past'],
    ['called for calm before the vote in ', '.', null],
    ['the quarter, which ends in late ', '.', 'expected'],
    ['the outbreak, which began in ', '.', 'past'],
    ['the vaccine arrived in ', '.', null],
  ];

  it.each(SUB)('subordinateTense(%s)', (before, after, want) => expect(subordinateTense(before, after)).toBe(want));
});

describe('tense of dates without a year', () => {
  it('a past predicate keeps its date in the past when a second predicate looks ahead', () => {
    // Reference: 7 March 2024.
    expect(
      valueOf(run('Unemployment fell to a record low in June and is expected to rise next year.').dates, 'June'),
    ).toBe('2023-06');
    expect(valueOf(run('Exports peaked in November and will slow, the ministry said.').dates, 'November')).toBe(
      '2023-11',
    );
  });

  it('what a body voted, agreed or decided to do lies ahead of the decision', () => {
    expect(valueOf(run('The board voted on Tuesday to cut fares from April.').dates, 'April')).toBe('2024-04');
    expect(
      valueOf(run('Ministers agreed on Monday to scrap the fuel levy on all imports from February.').dates, 'February'),
    ).toBe('2025-02');
  });

  it('a schedule in the present is ahead: "They fly to Lagos on Thursday"', () => {
    // 7 March 2024 is a Thursday; the next Friday is the 8th.
    expect(valueOf(run('They fly to Lagos on Friday for the final.').dates, 'Friday')).toBe('2024-03-08');
    expect(valueOf(run('They flew to Lagos on Friday for the final.').dates, 'Friday')).toBe('2024-03-01');
  });
});

describe('what has not ended, and who said it', () => {
  it('an exhibition that "runs until 3 March" has not closed yet', () => {
    // Reference: 7 March 2024, so the next 3 March is in 2025.
    expect(valueOf(run('The exhibition runs until 3 March.').dates, '3 March')).toBe('2025-03-03');
  });

  it('a reporting clause after the date does not make the event past', () => {
    expect(
      valueOf(
        run('The funeral will take place at St Mary’s Church in the old town on 1 March, the family said.').dates,
        '1 March',
      ),
    ).toBe('2025-03-01');
  });
});

describe('forecasts and quotations', () => {
  it('a forecast with "expect" looks ahead, and a quotation keeps its own tense', () => {
    // Reference: Thursday 7 March 2024.
    expect(valueOf(run('Forecasters expect the winds to ease on Saturday.').dates, 'Saturday')).toBe('2024-03-09');
    expect(valueOf(run('"The season opens in June and runs all summer," she said.').dates, 'June')).toBe('2024-06');
  });
});

describe('the month May is not the modal "may"', () => {
  const dates = (text: string) => extract(text, { referenceDate: '2025-05-20' }).dates;
  it.each([
    ['The vote is due on May 2, officials said in April.', 'April', '2025-04', 'past'],
    [
      'The ferry returned to service on May 6, and crews said in March that repairs were done.',
      'March',
      '2025-03',
      'past',
    ],
  ])('%s', (text, written, value, status) => {
    const d = dates(text).find((x) => x.text === written);
    expect(d?.value).toBe(value);
    expect(d?.status).toBe(status);
  });

  it('still reads the modal as a look ahead', () => {
    const d = dates('Officials may delay the vote until June, the council said.').find((x) => x.text === 'June');
    expect(d?.status).toBe('expected');
  });
});
