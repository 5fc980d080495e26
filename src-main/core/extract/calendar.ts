/** Small calendar arithmetic on plain year/month/day numbers (UTC, no clock); TIMEX-style formatting. */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds days to a date, crossing months and years. */
export function addDays(d: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(d: Ymd): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Shifts a year/month pair by whole months. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function formatYmd(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Parses YYYY-MM-DD strictly (real calendar day); null otherwise. */
export function parseYmd(text: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return null;
  return d;
}

/** ISO week number (1-53) and its week-year. */
export function isoWeek(d: Ymd): { year: number; week: number } {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7) };
}

/** The months as a reader sees them, January first: the one list the engine, the quiz, the renderer and the bench share. */
export const MONTH_LABELS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The same months in lower case, for matching text. */
export const MONTH_NAMES: readonly string[] = MONTH_LABELS.map((m) => m.toLowerCase());

/** 1-12 from "September", "Sept.", "Sep"; null when not a month. */
export function monthNumber(text: string): number | null {
  const t = text.toLowerCase().replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex(
    (m) => m === t || (t.length >= 3 && m.startsWith(t) && (t !== 'sept' || m === 'september')),
  );
  return i >= 0 ? i + 1 : null;
}

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
