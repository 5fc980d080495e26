import { describe, expect, it } from 'vitest';
import { extract } from './extract';

// Invented sentences: a weekday written with its date is one date, and the weekday says which year it is.
function dates(text: string, referenceDate: string): string[] {
  return extract(text, { referenceDate }).dates.map((d) => `${d.text}=${d.value}`);
}

describe('a weekday written with its date', () => {
  it.each([
    ['The outage began at 3:14 a.m. on Sunday, Oct. 6.', '2024-10-24', 'Sunday, Oct. 6=2024-10-06'],
    ['The ferry sailed on Saturday 9 May and docked two days later.', '2026-05-19', 'Saturday 9 May=2026-05-09'],
    ['He died on Tuesday, January 7, 2025.', '2026-05-19', 'Tuesday, January 7, 2025=2025-01-07'],
  ])('“%s” (published %s) gives %s as one date', (text, ref, want) => {
    expect(dates(text, ref)[0]).toBe(want);
  });

  it('takes the year in which the date falls on that weekday when the tense would point at another', () => {
    // Published in May 2026, "Sunday, Oct. 6" in the past: October 2025 would be the tense's guess, but 6 October 2025
    // is a Monday; in 2024 it is a Sunday.
    expect(dates('The outage began on Sunday, Oct. 6.', '2026-05-19')[0]).toBe('Sunday, Oct. 6=2024-10-06');
  });

  it('leaves a weekday with "last" or "next", or one not next to a date, as a weekday', () => {
    expect(dates('The board met last Friday, and on May 3 it voted.', '2025-05-14')).toEqual([
      'last Friday=2025-05-09',
      'May 3=2025-05-03',
    ]);
    expect(dates('On Monday the port closed.', '2025-05-14')).toEqual(['Monday=2025-05-12']);
  });
});
