import { describe, expect, it } from 'vitest';
import { inferReferenceDate } from './index';

const CASES: [string, string, string | null, string | null][] = [
  [
    'year, month and day from the text',
    'At the start of the new year, the leaders exchanged messages. On the 21st, the ministry spoke. ' +
      'The election is likely to be held on March 15-17. When he visits this year, it will be 24 years since July 2000.',
    '2024-01-21',
    '2024-01-21',
  ],
  ['a dateline', 'LONDON, March 4, 2025 — The bank raised rates on Tuesday.', '2025-03-04', '2025-03-04'],
  ['year only', 'It has been 10 years since March 2014, when the war began.', null, '2024'],
  ['years ago with a year', 'In 2004, 20 years ago, the plant opened.', null, '2024'],
  ['nothing to go on', 'The minister spoke on Friday about the budget.', null, null],
];

describe('inferReferenceDate', () => {
  it.each(CASES)('%s', (_name, text, value, anchor) => {
    const r = inferReferenceDate(text);
    expect(r.value).toBe(value);
    expect(r.anchor).toBe(anchor);
    expect(r.source).toBe(anchor === null ? 'none' : 'inferred');
    if (anchor !== null) expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('explains the year arithmetic', () => {
    const r = inferReferenceDate('When he visits this year, it will be 24 years since July 2000.');
    expect(r.evidence.join(' ')).toContain('2000 + 24 = 2024');
  });
});
