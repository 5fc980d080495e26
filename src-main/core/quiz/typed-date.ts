/**
 * Grades a typed date against a question's date at the precision the text gives: a day answer needs the day, a month
 * answer the month and a written year, a range both ends. Typed text is read by chrono-node ("March 15-17",
 * "15 March 2024", "2024-03-15", "Sept 2023"), relative to the article's reference date.
 */
import * as chrono from 'chrono-node';
import type { DateParts, DatePoint } from './date-value';

interface TypedPoint {
  year: number | null;
  yearWritten: boolean;
  month: number | null;
  day: number | null;
}

interface TypedDate {
  start: TypedPoint;
  end: TypedPoint | null;
}

// Words a person may wrap around a date without changing it ("on the 21st of March", "in 2024").
const FILLER = /^[\s,.;:()]*(?:(?:on|in|at|the|of|around|about)\b[\s,.;:()]*)*$/i;

function fromComponents(c: chrono.ParsedComponents): TypedPoint {
  return {
    year: c.get('year') ?? null,
    yearWritten: c.isCertain('year'),
    month: c.isCertain('month') ? (c.get('month') ?? null) : null,
    day: c.isCertain('day') ? (c.get('day') ?? null) : null,
  };
}

function referenceInstant(referenceDate: string | undefined, expected: DateParts): Date {
  const m = referenceDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(referenceDate) : null;
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  // Without a reference, the expected year (or any year, when it is unknown) keeps chrono's guess nearby.
  return new Date(Date.UTC(expected.start.year ?? 2000, 6, 1, 12));
}

/** The date `typed` names, or null when it is not (only) a date. */
export function parseTypedDate(typed: string, expected: DateParts, referenceDate?: string): TypedDate | null {
  const bareYear = /^\D*?(\d{4})\D*$/.exec(typed);
  if (bareYear && FILLER.test(typed.replace(bareYear[1] ?? '', ''))) {
    return { start: { year: Number(bareYear[1]), yearWritten: true, month: null, day: null }, end: null };
  }
  const [result] = chrono.parse(typed, referenceInstant(referenceDate, expected));
  if (!result || !FILLER.test(typed.replace(result.text, ''))) return null;
  return { start: fromComponents(result.start), end: result.end ? fromComponents(result.end) : null };
}

function pointMatches(want: DatePoint, got: TypedPoint, grain: DateParts['grain']): boolean {
  // A day answer may leave the year to context; a month or year answer must write it (the brief's precision rule).
  if (want.year !== null) {
    if (got.year !== want.year) return false;
    if (grain !== 'day' && !got.yearWritten) return false;
  }
  if (grain === 'year') return true;
  if (got.month !== want.month) return false;
  return grain === 'month' || got.day === want.day;
}

/** True when `typed` names the expected date at its precision; false when it names another date or none. */
export function typedDateMatches(typed: string, expected: DateParts, referenceDate?: string): boolean {
  const got = parseTypedDate(typed, expected, referenceDate);
  if (!got || !pointMatches(expected.start, got.start, expected.grain)) return false;
  if (!expected.end) return got.end === null;
  if (!got.end) return false;
  // chrono leaves the end's year implied in "March 15-17, 2024"; it is the start's year.
  const end = {
    ...got.end,
    year: got.end.year ?? got.start.year,
    yearWritten: got.end.yearWritten || got.start.yearWritten,
  };
  return pointMatches(expected.end, end, expected.grain);
}
