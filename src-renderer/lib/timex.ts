/**
 * Reading TIMEX3-style values for people: "2024-03-15/2024-03-17" is "15–17 March 2024", "2023-09" is
 * "September 2023". Sort keys put dated events in calendar order and undated ones (durations, vague past) last.
 * Parts the text never pinned down are written X ("XXXX-05-25": a year unknown) and are said in words ("25 May (year
 * unknown)"); a raw value never reaches the screen.
 */

import { MONTH_LABELS as MONTHS } from '@core/extract/calendar';

interface Parts {
  year: number;
  month?: number;
  day?: number;
  /** A clock time on that day, "08:30". */
  time?: string;
}

function parts(value: string): Parts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}:\d{2}))?)?)?$/.exec(value);
  if (!match) return null;
  const result: Parts = { year: Number(match[1]) };
  if (match[2]) result.month = Number(match[2]);
  if (match[3]) result.day = Number(match[3]);
  if (match[4]) result.time = match[4];
  return result;
}

function single(p: Parts): string {
  const month = p.month ? MONTHS[p.month - 1] : undefined;
  if (month && p.day) return `${p.day} ${month} ${p.year}${p.time ? `, ${p.time}` : ''}`;
  if (month) return `${month} ${p.year}`;
  return String(p.year);
}

const UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', TM: 'minute' };

/** "P5Y4M" is "5 years 4 months", "PT2H18M" "2 hours 18 minutes". */
function duration(value: string): string | null {
  const match = /^P((?:\d+[YMWD])*)(?:T((?:\d+[HM])+))?$/.exec(value);
  if (!match || (!match[1] && !match[2])) return null;
  const said: string[] = [];
  for (const [, count, unit] of (match[1] ?? '').matchAll(/(\d+)([YMWD])/g))
    said.push(plural(Number(count), UNITS[unit ?? ''] ?? ''));
  for (const [, count, unit] of (match[2] ?? '').matchAll(/(\d+)([HM])/g))
    said.push(plural(Number(count), UNITS[unit === 'M' ? 'TM' : 'H'] ?? ''));
  return said.join(' ');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Decades ("197": the 1970s), centuries ("18": the 19th century) and years before Christ ("BC3000"). */
function era(value: string): string | null {
  let match = /^(\d{3})$/.exec(value);
  if (match) return `the ${match[1]}0s`;
  match = /^(BC)?(\d{2})$/.exec(value);
  if (match) return `the ${ordinal(Number(match[2]) + 1)} century${match[1] ? ' BC' : ''}`;
  match = /^BC(\d{4})$/.exec(value);
  return match ? `${Number(match[1])} BC` : null;
}

const SEASONS: Record<string, string> = { SP: 'Spring', SU: 'Summer', FA: 'Autumn', AU: 'Autumn', WI: 'Winter' };

/** Seasons (2026-SP) and quarters (2024-Q3), which TIMEX3 writes as a year and a code. */
function seasonOrQuarter(value: string): string | null {
  const match = /^(\d{4})-(SP|SU|FA|AU|WI|Q[1-4])$/.exec(value);
  if (!match) return null;
  const code = match[2] as string;
  return code.startsWith('Q') ? `${code} ${match[1]}` : `${SEASONS[code]} ${match[1]}`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HALVES: Record<string, string> = { H1: 'the first half', H2: 'the second half' };

/** "2024-W12" is the week of Monday 18 March 2024 (ISO weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeekStart(year: number, week: number): Parts {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - (((jan4.getUTCDay() + 6) % 7) - (week - 1) * 7) * 86_400_000);
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
}

/** Weeks ("2024-W12", "2024-W12-3") and halves of a year ("2024-H1"), which the engine writes when it knows the year. */
function weekOrHalf(value: string): string | null {
  const week = /^(\d{4})-W(\d{2})(?:-([1-7]))?$/.exec(value);
  if (week) {
    const start = isoWeekStart(Number(week[1]), Number(week[2]));
    if (!week[3]) return `the week of ${single(start)}`;
    const day = new Date(Date.UTC(start.year, (start.month ?? 1) - 1, (start.day ?? 1) + Number(week[3]) - 1));
    return single({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() });
  }
  const half = /^(\d{4})-(H[12])$/.exec(value);
  return half ? `${HALVES[half[2] as string]} of ${half[1]}` : null;
}

/**
 * A value with parts the text never pinned down ("XXXX-WXX-7", "XXXX-SU", "XXXX-05-25", "2024-XX-21"), in words: what
 * is known, and what is not ("a Sunday (date unknown)", "Summer (year unknown)"); null when nothing in it is unknown.
 */
function unknownParts(value: string): string | null {
  if (!value.includes('X')) return null;
  const range = value.split('/');
  if (range.length === 2) {
    const days = /^XXXX-(\d{2})-(\d{2})\/XXXX-(\d{2})-(\d{2})$/.exec(value);
    if (days && days[1] === days[3])
      return `${Number(days[2])}–${Number(days[4])} ${MONTHS[Number(days[1]) - 1]} (year unknown)`;
    const [from, to] = range.map((v) => formatTimex(v));
    const [a, b] = [from?.replace(/ \(year unknown\)$/, ''), to?.replace(/ \(year unknown\)$/, '')];
    return a !== from && b !== to ? `${a} – ${b} (year unknown)` : `${from} – ${to}`;
  }
  const clock = /^(.*)T(\d{2}:\d{2})$/.exec(value);
  if (clock) return `${clock[2]} (day unknown)`;
  if (value === 'XXXX') return 'Year unknown';
  if (value === 'XXX') return 'a decade (date unknown)';
  let m = /^(XXXX|\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2] as string]} (year unknown)`;
  m = /^(XXXX|\d{4})-(Q[1-4X]|H[12])$/.exec(value);
  if (m) {
    const part = m[2] === 'QX' ? 'a quarter' : (HALVES[m[2] as string] ?? (m[2] as string));
    return m[2] === 'QX' ? `${part} (date unknown)` : `${part} (year unknown)`;
  }
  m = /^XXXX-WXX(?:-([1-7]))?$/.exec(value);
  if (m) return m[1] ? `a ${WEEKDAYS[Number(m[1]) - 1]} (date unknown)` : 'a week (date unknown)';
  m = /^(XXXX|\d{4})-(XX|\d{2})(?:-(XX|\d{2}))?$/.exec(value);
  if (!m) return 'a date (unknown)';
  const [, year, month, day] = m;
  const monthName = month === 'XX' ? null : MONTHS[Number(month) - 1];
  const knownYear = year === 'XXXX' ? null : year;
  if (day === undefined) {
    if (!monthName) return knownYear ? `a month of ${knownYear} (month unknown)` : 'a month (date unknown)';
    return `${monthName} (year unknown)`;
  }
  if (day === 'XX')
    return monthName
      ? `a day in ${monthName} (day unknown)`
      : knownYear
        ? `a day in ${knownYear} (date unknown)`
        : 'a day (date unknown)';
  const dayNumber = Number(day);
  if (!monthName)
    return knownYear
      ? `the ${ordinal(dayNumber)} of a month in ${knownYear} (month unknown)`
      : `the ${ordinal(dayNumber)} (month unknown)`;
  return `${dayNumber} ${monthName} (year unknown)`;
}

/** True when the value leaves part of the date unknown, so the reader can be asked for the article's date. */
export function hasUnknownParts(value: string): boolean {
  return value.includes('X');
}

/** A readable form of a TIMEX value; forms it does not know come back as given (corrections are checked on entry). */
export function formatTimex(value: string): string {
  const unknown = unknownParts(value);
  if (unknown) return unknown;
  const calendar = weekOrHalf(value);
  if (calendar) return calendar;
  const named = seasonOrQuarter(value);
  if (named) return named;
  if (value === 'PAST_REF') return 'in the past';
  if (value === 'FUTURE_REF') return 'in the future';
  if (value === 'PRESENT_REF') return 'now';
  const span = duration(value) ?? era(value);
  if (span) return span;
  const [from, to] = value.split('/');
  const a = from ? parts(from) : null;
  const b = to ? parts(to) : null;
  if (a && b) {
    if (a.year === b.year && a.month === b.month && a.day && b.day)
      return `${a.day}–${b.day} ${MONTHS[(a.month ?? 1) - 1]} ${a.year}`;
    return `${single(a)} – ${single(b)}`;
  }
  return a ? single(a) : value;
}

/** The year a value starts in, for ordering: also for decades, centuries and years BC; null for undated values. */
function startYear(value: string): number | null {
  const start = value.split('/')[0] ?? '';
  // "2024", "2024-03-15T08:30", "2026-SP", "2024-Q3": the year they are written with.
  let match = /^(\d{4})(?![\d])/.exec(start);
  if (match) return Number(match[1]);
  match = /^(\d{3})$/.exec(start);
  if (match) return Number(match[1]) * 10;
  match = /^(BC)?(\d{2})$/.exec(start);
  if (match) return match[1] ? -(Number(match[2]) + 1) * 100 : Number(match[2]) * 100;
  match = /^BC(\d{4})$/.exec(start);
  return match ? -Number(match[1]) : null;
}

/** Orders dated values by the year they start in, then as written (day before month, time after day); the rest after. */
export function compareTimex(a: string, b: string): number {
  const [x, y] = [startYear(a), startYear(b)];
  if (x !== null && y !== null && x !== y) return x - y;
  if ((x === null) !== (y === null)) return x === null ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
