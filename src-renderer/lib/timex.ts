/**
 * Reading TIMEX3-style values for people: "2024-03-15/2024-03-17" is "15–17 March 2024", "2023-09" is
 * "September 2023". Sort keys put dated events in calendar order and undated ones (durations, vague past) last.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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
  for (const [, count, unit] of (match[1] ?? '').matchAll(/(\d+)([YMWD])/g)) said.push(plural(Number(count), UNITS[unit ?? ''] ?? ''));
  for (const [, count, unit] of (match[2] ?? '').matchAll(/(\d+)([HM])/g)) said.push(plural(Number(count), UNITS[unit === 'M' ? 'TM' : 'H'] ?? ''));
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

/** A readable form of a TIMEX value; unknown forms come back as given. */
export function formatTimex(value: string): string {
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
    if (a.year === b.year && a.month === b.month && a.day && b.day) return `${a.day}–${b.day} ${MONTHS[(a.month ?? 1) - 1]} ${a.year}`;
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
