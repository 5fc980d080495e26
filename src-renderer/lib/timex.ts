/**
 * Reading TIMEX3-style values for people: "2024-03-15/2024-03-17" is "15–17 March 2024", "2023-09" is
 * "September 2023". Sort keys put dated events in calendar order and undated ones (durations, vague past) last.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

function parts(value: string): Parts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const result: Parts = { year: Number(match[1]) };
  if (match[2]) result.month = Number(match[2]);
  if (match[3]) result.day = Number(match[3]);
  return result;
}

function single(p: Parts): string {
  const month = p.month ? MONTHS[p.month - 1] : undefined;
  if (month && p.day) return `${p.day} ${month} ${p.year}`;
  if (month) return `${month} ${p.year}`;
  return String(p.year);
}

function duration(value: string): string | null {
  const match = /^P(\d+)([YMWD])$/.exec(value);
  if (!match) return null;
  const unit = { Y: 'year', M: 'month', W: 'week', D: 'day' }[match[2] as 'Y' | 'M' | 'W' | 'D'];
  const count = Number(match[1]);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
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
  const span = duration(value);
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

/** Orders calendar values by their start (then end), and everything else after them. */
export function compareTimex(a: string, b: string): number {
  const key = (value: string) => (parts(value.split('/')[0] ?? '') || seasonOrQuarter(value) ? `0${value}` : `1${value}`);
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
