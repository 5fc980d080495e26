/** Named holidays and observances with the rule that gives their date in a given year; general calendar data. */

type HolidayRule =
  | { kind: 'fixed'; month: number; day: number }
  | { kind: 'easter'; offset: number }
  | { kind: 'nth-weekday'; month: number; weekday: number; nth: number };

// Names as written in English news. "nth" -1 means the last such weekday of the month.
const HOLIDAYS: [string, HolidayRule][] = [
  ["New Year's Day", { kind: 'fixed', month: 1, day: 1 }],
  ["New Year's Eve", { kind: 'fixed', month: 12, day: 31 }],
  ['Christmas Day', { kind: 'fixed', month: 12, day: 25 }],
  ['Christmas Eve', { kind: 'fixed', month: 12, day: 24 }],
  ['Christmas', { kind: 'fixed', month: 12, day: 25 }],
  ['Boxing Day', { kind: 'fixed', month: 12, day: 26 }],
  ["Valentine's Day", { kind: 'fixed', month: 2, day: 14 }],
  ["St Patrick's Day", { kind: 'fixed', month: 3, day: 17 }],
  ["St. Patrick's Day", { kind: 'fixed', month: 3, day: 17 }],
  ["International Women's Day", { kind: 'fixed', month: 3, day: 8 }],
  ['Earth Day', { kind: 'fixed', month: 4, day: 22 }],
  ['May Day', { kind: 'fixed', month: 5, day: 1 }],
  ['Day of the Sun', { kind: 'fixed', month: 4, day: 15 }],
  ['Victory Day', { kind: 'fixed', month: 5, day: 9 }],
  ['Juneteenth', { kind: 'fixed', month: 6, day: 19 }],
  ['Canada Day', { kind: 'fixed', month: 7, day: 1 }],
  ['Independence Day', { kind: 'fixed', month: 7, day: 4 }],
  ['Bastille Day', { kind: 'fixed', month: 7, day: 14 }],
  ['Halloween', { kind: 'fixed', month: 10, day: 31 }],
  ["All Saints' Day", { kind: 'fixed', month: 11, day: 1 }],
  ['Armistice Day', { kind: 'fixed', month: 11, day: 11 }],
  ['Remembrance Day', { kind: 'fixed', month: 11, day: 11 }],
  ['Veterans Day', { kind: 'fixed', month: 11, day: 11 }],
  ['Australia Day', { kind: 'fixed', month: 1, day: 26 }],
  ['Anzac Day', { kind: 'fixed', month: 4, day: 25 }],
  ['Easter Sunday', { kind: 'easter', offset: 0 }],
  ['Easter Monday', { kind: 'easter', offset: 1 }],
  ['Easter', { kind: 'easter', offset: 0 }],
  ['Good Friday', { kind: 'easter', offset: -2 }],
  ['Thanksgiving', { kind: 'nth-weekday', month: 11, weekday: 4, nth: 4 }],
  ['Labor Day', { kind: 'nth-weekday', month: 9, weekday: 1, nth: 1 }],
  ['Memorial Day', { kind: 'nth-weekday', month: 5, weekday: 1, nth: -1 }],
  ["Mother's Day", { kind: 'nth-weekday', month: 5, weekday: 0, nth: 2 }],
];

function norm(name: string): string {
  return name.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
}

const BY_NAME = new Map(HOLIDAYS.map(([name, rule]) => [norm(name), rule]));

// Longest names first so "Christmas Eve" wins over "Christmas"; names are literal, so the regex stays linear.
const escaped = [...HOLIDAYS.map(([n]) => n)]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.]/g, '\\.').replace(/'/g, "['’]"));
/** Matches any holiday name as written; case-sensitive so "the sun" or "may day" in prose do not count. */
export const HOLIDAY_RE = new RegExp(`\\b(?:${escaped.join('|')})(?![\\p{L}])`, 'gu');

/** True when the phrase is a holiday's name ("Day of the Sun", "Christmas"). */
export function isHolidayName(phrase: string): boolean {
  return BY_NAME.has(norm(phrase));
}

function easterSunday(year: number): [number, number] {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

/** [month, day] of the holiday in `year`, or null for an unknown name. */
export function holidayDate(name: string, year: number): [number, number] | null {
  const rule = BY_NAME.get(norm(name));
  if (!rule) return null;
  if (rule.kind === 'fixed') return [rule.month, rule.day];
  if (rule.kind === 'easter') {
    const [m, d] = easterSunday(year);
    const t = new Date(Date.UTC(year, m - 1, d + rule.offset));
    return [t.getUTCMonth() + 1, t.getUTCDate()];
  }
  return nthWeekday(year, rule.month, rule.weekday, rule.nth);
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): [number, number] {
  if (nth > 0) {
    const firstDow = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return [month, 1 + ((weekday - firstDow + 7) % 7) + (nth - 1) * 7];
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lastDow = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return [month, lastDay - ((lastDow - weekday + 7) % 7)];
}
