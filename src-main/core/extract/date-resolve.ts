/** Resolves a recognised date against the reference anchor into a TIMEX3-style value and precision. */
import { addDays, addMonths, daysInMonth, formatYmd, isoWeek, pad, weekdayOf, type Ymd } from './calendar';
import type { DateSpec, Fields, Season, TimeUnit } from './date-specs';
import { holidayDate } from './holidays';
import type { DatePrecision, EventStatus } from './types';

/** What is known of the reference date: a year, a year and month, or a full day. */
export interface Anchor {
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface Resolution {
  value: string;
  precision: DatePrecision;
  /** For anniversaries: the year the anniversary counts from ("1949"). */
  pointsTo?: string;
}

const X_YEAR = 'XXXX';

function full(a: Anchor): Ymd | null {
  return a.year !== null && a.month !== null && a.day !== null ? { year: a.year, month: a.month, day: a.day } : null;
}

// A month (and day) written without a year lies in the reference year, unless the tense points across it.
function yearFor(month: number, day: number | undefined, a: Anchor, tense: EventStatus): number | null {
  if (a.year === null) return null;
  if (a.month === null) return a.year;
  const later = month > a.month || (month === a.month && day !== undefined && a.day !== null && day > a.day);
  const earlier = month < a.month || (month === a.month && day !== undefined && a.day !== null && day < a.day);
  if (tense === 'past' && later) return a.year - 1;
  if (tense === 'expected' && earlier) return a.year + 1;
  return a.year;
}

/**
 * The year, of `year` and the ones either side, in which month/day falls on `weekday` ("Sunday, Oct. 6"); `year` itself
 * when none does or when it already does. Each date falls on a given weekday every five to eleven years, so at most one
 * neighbour can match.
 */
function yearByWeekday(year: number, month: number, day: number, weekday: number): number {
  for (const y of [year, year - 1, year + 1])
    if (day <= daysInMonth(y, month) && weekdayOf({ year: y, month, day }) === weekday) return y;
  return year;
}

function fieldsValue(f: Fields, a: Anchor, tense: EventStatus, yearHint?: number | null): Resolution {
  let year: number | null = f.year ?? yearHint ?? null;
  if (year === null && f.yearOffset !== undefined) year = a.year === null ? null : a.year + f.yearOffset;
  if (year === null && f.month !== undefined) {
    year = yearFor(f.month, f.day, a, tense);
    if (year !== null && f.day !== undefined && f.weekday !== undefined)
      year = yearByWeekday(year, f.month, f.day, f.weekday);
  }
  const y = year === null ? X_YEAR : pad(year, 4);
  if (f.month === undefined) return { value: y, precision: 'year' };
  if (f.day === undefined) return { value: `${y}-${pad(f.month)}`, precision: 'month' };
  return { value: `${y}-${pad(f.month)}-${pad(f.day)}`, precision: 'day' };
}

function relativeValue(unit: TimeUnit, offset: number, a: Anchor): Resolution {
  const y = a.year;
  const d = full(a);
  switch (unit) {
    case 'year':
      return { value: y === null ? X_YEAR : pad(y + offset, 4), precision: 'year' };
    case 'decade':
      return { value: y === null ? 'XXX' : String(Math.floor(y / 10) + offset), precision: 'range' };
    case 'month': {
      if (y === null || a.month === null) return { value: `${X_YEAR}-XX`, precision: 'month' };
      const m = addMonths(y, a.month, offset);
      return { value: `${pad(m.year, 4)}-${pad(m.month)}`, precision: 'month' };
    }
    case 'quarter': {
      if (y === null || a.month === null) return { value: `${X_YEAR}-QX`, precision: 'range' };
      const m = addMonths(y, a.month, offset * 3);
      return { value: `${pad(m.year, 4)}-Q${Math.ceil(m.month / 3)}`, precision: 'range' };
    }
    case 'week': {
      if (!d) return { value: `${X_YEAR}-WXX`, precision: 'range' };
      const w = isoWeek(addDays(d, offset * 7));
      return { value: `${pad(w.year, 4)}-W${pad(w.week)}`, precision: 'range' };
    }
    default:
      return { value: d ? formatYmd(addDays(d, offset)) : `${X_YEAR}-XX-XX`, precision: 'day' };
  }
}

function dayOfMonthValue(day: number, monthOffset: number | null, a: Anchor, tense: EventStatus): Resolution {
  if (a.year === null || a.month === null) {
    return { value: `${a.year === null ? X_YEAR : pad(a.year, 4)}-XX-${pad(day)}`, precision: 'day' };
  }
  let offset = monthOffset ?? 0;
  if (monthOffset === null && a.day !== null) {
    if (tense === 'past' && day > a.day) offset = -1;
    if (tense === 'expected' && day < a.day) offset = 1;
  }
  const m = addMonths(a.year, a.month, offset);
  return {
    value: `${pad(m.year, 4)}-${pad(m.month)}-${pad(Math.min(day, daysInMonth(m.year, m.month)))}`,
    precision: 'day',
  };
}

function weekdayValue(
  weekday: number,
  direction: 'last' | 'next' | 'this' | null,
  a: Anchor,
  tense: EventStatus,
): Resolution {
  const d = full(a);
  const isoDay = weekday === 0 ? 7 : weekday;
  if (!d) return { value: `${X_YEAR}-WXX-${isoDay}`, precision: 'day' };
  const forward = direction === 'next' || (direction !== 'last' && tense === 'expected');
  const delta = forward
    ? (weekday - weekdayOf(d) + 7) % 7 || (direction === 'next' ? 7 : 0)
    : -((weekdayOf(d) - weekday + 7) % 7 || (direction === 'last' ? 7 : 0));
  return { value: formatYmd(addDays(d, delta)), precision: 'day' };
}

// ISO 8601 duration parts: date units before the T, time units after it.
const DURATION_PART: Record<TimeUnit, [designator: string, factor: number, time: boolean]> = {
  year: ['Y', 1, false],
  decade: ['Y', 10, false],
  month: ['M', 1, false],
  quarter: ['M', 3, false],
  week: ['W', 1, false],
  day: ['D', 1, false],
  hour: ['H', 1, true],
  minute: ['M', 1, true],
};

function durationValue(unit: TimeUnit, n: number, and?: { unit: TimeUnit; amount: number }): Resolution {
  let date = '';
  let time = '';
  for (const [u, amount] of [[unit, n], ...(and ? [[and.unit, and.amount]] : [])] as [TimeUnit, number][]) {
    const [designator, factor, isTime] = DURATION_PART[u];
    if (isTime) time += `${amount * factor}${designator}`;
    else date += `${amount * factor}${designator}`;
  }
  return { value: `P${date}${time ? `T${time}` : ''}`, precision: 'duration' };
}

function agoValue(unit: TimeUnit, n: number, a: Anchor): Resolution {
  if (unit === 'decade') return relativeValue('year', -10 * n, a);
  if (unit === 'hour' || unit === 'minute') return relativeValue('day', 0, a);
  return relativeValue(unit, -n, a);
}

/** First and last month of each season (northern meteorological seasons; winter runs into the next year). */
export const SEASON_MONTHS: Record<Season, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

// "next spring" is the first spring that has not started; "last spring" the latest that has ended. Without such a
// word the clause's tense decides: expected -> the next one not yet over, past -> the latest one already begun.
function seasonYear(season: Season, offset: number | null, a: Anchor, tense: EventStatus): number | null {
  if (a.year === null) return null;
  if (a.month === null) return a.year + (offset ?? 0);
  const [first, last] = SEASON_MONTHS[season];
  const month = season === 'WI' && a.month <= 2 ? a.month + 12 : a.month;
  const base = season === 'WI' && a.month <= 2 ? a.year - 1 : a.year;
  if (offset === 1) return month < first ? base : base + 1;
  if (offset === -1) return month > last ? base : base - 1;
  if (offset === 0) return base;
  if (tense === 'expected') return month > last ? base + 1 : base;
  if (tense === 'past') return month < first ? base - 1 : base;
  return base;
}

/** The TIMEX3-style value for `spec`; unknown parts of the anchor show as X ("XXXX-XX-21"). */
export function resolveDate(spec: DateSpec, a: Anchor, tense: EventStatus): Resolution {
  switch (spec.kind) {
    case 'calendar':
      return fieldsValue(spec.fields, a, tense);
    case 'range': {
      const from = fieldsValue(spec.from, a, tense);
      const fromYear = /^\d{4}/.test(from.value) ? Number(from.value.slice(0, 4)) : null;
      const to = fieldsValue(spec.to, a, tense, spec.to.year ?? fromYear);
      return { value: `${from.value}/${to.value}`, precision: 'range' };
    }
    case 'relative':
      return relativeValue(spec.unit, spec.offset, a);
    case 'dayOfMonth':
      return dayOfMonthValue(spec.day, spec.monthOffset, a, tense);
    case 'weekday':
      return weekdayValue(spec.weekday, spec.direction, a, tense);
    case 'ago':
      return agoValue(spec.unit, spec.amount, a);
    case 'duration':
      return durationValue(spec.unit, spec.amount, spec.and);
    default:
      return resolveSpecial(spec, a, tense);
  }
}

function resolveSpecial(spec: DateSpec, a: Anchor, tense: EventStatus): Resolution {
  switch (spec.kind) {
    case 'anniversary': {
      const year =
        spec.baseYear !== null ? spec.baseYear + spec.nth : a.year === null ? null : a.year + spec.yearOffset;
      if (year === null) return { value: X_YEAR, precision: 'year' };
      return { value: pad(year, 4), precision: 'year', pointsTo: pad(year - spec.nth, 4) };
    }
    case 'holiday': {
      const base = a.year === null ? null : a.year + spec.yearOffset;
      const md = holidayDate(spec.name, base ?? 2000);
      if (!md) return { value: X_YEAR, precision: 'fuzzy' };
      const year = base === null ? null : spec.yearOffset !== 0 ? base : yearFor(md[0], md[1], a, tense);
      const y = year === null ? X_YEAR : pad(year, 4);
      const exact = year === null ? md : (holidayDate(spec.name, year) ?? md);
      return { value: `${y}-${pad(exact[0])}-${pad(exact[1])}`, precision: 'day' };
    }
    case 'fuzzy':
      return { value: spec.value, precision: 'fuzzy' };
    case 'yearPart': {
      const year = spec.year ?? (a.year === null ? null : a.year + spec.yearOffset);
      const y = year === null ? X_YEAR : pad(year, 4);
      const values = { start: `${y}-01`, end: `${y}-12`, firstDay: `${y}-01-01`, lastDay: `${y}-12-31` };
      return { value: values[spec.part], precision: spec.part === 'start' || spec.part === 'end' ? 'month' : 'day' };
    }
    case 'quarter': {
      let year = spec.year ?? (a.year === null ? null : a.year + spec.yearOffset);
      const firstMonth = spec.half ? (spec.quarter - 1) * 6 + 1 : (spec.quarter - 1) * 3 + 1;
      if (
        spec.year === null &&
        spec.yearOffset === 0 &&
        year !== null &&
        a.month !== null &&
        tense === 'past' &&
        firstMonth > a.month
      )
        year--;
      const y = year === null ? X_YEAR : pad(year, 4);
      return { value: `${y}-${spec.half ? 'H' : 'Q'}${spec.quarter}`, precision: 'range' };
    }
    case 'decade':
      return { value: String(spec.decade), precision: 'range' };
    // TIMEX3 writes a century as its first two digits ("18" for the 19th century) and years before Christ with "BC".
    case 'storyShift':
      return relativeValue(spec.unit, spec.amount, a);
    case 'clock': {
      const d = full(a);
      const time = `T${pad(spec.hour)}:${pad(spec.minute)}`;
      return { value: d ? `${formatYmd(d)}${time}` : `${X_YEAR}-XX-XX${time}`, precision: 'day' };
    }
    case 'century':
      return { value: `${spec.bc ? 'BC' : ''}${pad(spec.century - 1, 2)}`, precision: 'range' };
    case 'eraYear':
      return { value: spec.bc ? `BC${pad(spec.year, 4)}` : pad(spec.year, 4), precision: 'year' };
    case 'season': {
      const year = spec.year ?? seasonYear(spec.season, spec.offset, a, tense);
      return { value: `${year === null ? X_YEAR : pad(year, 4)}-${spec.season}`, precision: 'range' };
    }
    default:
      return { value: X_YEAR, precision: 'fuzzy' };
  }
}
