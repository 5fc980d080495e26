/**
 * TIMEX-style date values as the quiz uses them: parsed into parts (year may be unknown, "XXXX"), labelled for people
 * ("March 15–17, 2024"), ordered for timelines and shifted for distractors. Weeks, quarters, durations and fuzzy
 * references are not handled: they make poor quiz answers.
 */

import { MONTH_LABELS as MONTHS } from '../extract/calendar';

export type Grain = 'day' | 'month' | 'year';

export interface DatePoint {
  /** null when the text never pins the year ("XXXX-05-25"). */
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface DateParts {
  start: DatePoint;
  /** Set for ranges ("2024-03-15/2024-03-17"). */
  end: DatePoint | null;
  grain: Grain;
}

function parsePoint(text: string): DatePoint | null {
  const m = /^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const year = m[1] === 'XXXX' ? null : Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (year === null && month === null) return null;
  return { year, month, day };
}

function grainOf(p: DatePoint): Grain {
  if (p.day !== null) return 'day';
  return p.month !== null ? 'month' : 'year';
}

/** Parts of a TIMEX value, or null for values a quiz cannot ask about (weeks, quarters, durations, PAST_REF). */
export function parseDateValue(value: string): DateParts | null {
  const known = parsed.get(value);
  if (known !== undefined) return known;
  const parts = parseUncached(value);
  if (parsed.size >= 5_000) parsed.clear();
  parsed.set(value, parts);
  return parts;
}

// Articles repeat a handful of values hundreds of times (every distractor list re-reads them). Entries are never
// mutated by callers: shiftDate and dateLabel build new objects.
const parsed = new Map<string, DateParts | null>();

function parseUncached(value: string): DateParts | null {
  const [a, b, extra] = value.split('/');
  if (a === undefined || extra !== undefined) return null;
  const start = parsePoint(a);
  if (!start) return null;
  const end = b === undefined ? null : parsePoint(b);
  if (b !== undefined && (!end || grainOf(end) !== grainOf(start))) return null;
  return { start, end, grain: grainOf(start) };
}

function pointLabel(p: DatePoint, withYear = true): string {
  const year = withYear && p.year !== null ? String(p.year) : '';
  if (p.month === null) return year;
  const month = MONTHS[p.month - 1] ?? '';
  if (p.day === null) return `${month} ${year}`.trim();
  return year ? `${month} ${p.day}, ${year}` : `${month} ${p.day}`;
}

/** A reader-facing label: "January 21, 2024", "September 2023", "2024", "March 15–17, 2024". */
export function dateLabel(parts: DateParts): string {
  const { start, end } = parts;
  if (!end) return pointLabel(start);
  const sameYear = start.year === end.year;
  if (sameYear && start.month === end.month && start.day !== null && end.day !== null) {
    const head = `${MONTHS[(start.month ?? 1) - 1] ?? ''} ${start.day}–${end.day}`;
    return start.year === null ? head : `${head}, ${start.year}`;
  }
  if (sameYear && start.year !== null && start.month !== null) {
    const comma = start.day !== null ? ',' : '';
    return `${pointLabel(start, false)} – ${pointLabel(end, false)}${comma} ${start.year}`;
  }
  return `${pointLabel(start)} – ${pointLabel(end)}`;
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The days a value covers, [first, last], for ordering; null when the year is unknown. */
export function dayInterval(parts: DateParts): [number, number] | null {
  const first = parts.start;
  const last = parts.end ?? parts.start;
  if (first.year === null || last.year === null) return null;
  const from = dayNumber(first.year, first.month ?? 1, first.day ?? 1);
  const lastMonth = last.month ?? 12;
  const to = last.day !== null ? dayNumber(last.year, lastMonth, last.day) : dayNumber(last.year, lastMonth + 1, 0);
  return [from, to];
}

function shiftPoint(p: DatePoint, grain: Grain, delta: number): DatePoint {
  // A leap year stands in for an unknown one so February 29 survives the arithmetic.
  const year = p.year ?? 2000;
  if (grain === 'year') return { ...p, year: year + delta };
  if (grain === 'month') {
    const index = year * 12 + ((p.month ?? 1) - 1) + delta;
    return { year: p.year === null ? null : Math.floor(index / 12), month: (index % 12) + 1, day: null };
  }
  const t = new Date(Date.UTC(year, (p.month ?? 1) - 1, (p.day ?? 1) + delta));
  return { year: p.year === null ? null : t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The same value moved by `delta` units of its grain (days for day ranges); the span of a range is kept. */
export function shiftDate(parts: DateParts, delta: number): DateParts {
  const start = shiftPoint(parts.start, parts.grain, delta);
  const end = parts.end ? shiftPoint(parts.end, parts.grain, delta) : null;
  return { start, end, grain: parts.grain };
}

function pointValue(p: DatePoint): string {
  const y = p.year === null ? 'XXXX' : String(p.year).padStart(4, '0');
  if (p.month === null) return y;
  const m = String(p.month).padStart(2, '0');
  return p.day === null ? `${y}-${m}` : `${y}-${m}-${String(p.day).padStart(2, '0')}`;
}

/** Back to a TIMEX value string. */
export function formatDateValue(parts: DateParts): string {
  return parts.end ? `${pointValue(parts.start)}/${pointValue(parts.end)}` : pointValue(parts.start);
}
