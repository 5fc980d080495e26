/**
 * The calendar days a TIMEX value covers ("2024-03" is 1 to 31 March 2024), for placing dates from many articles on
 * one timeline, filtering them by a date range and telling whether an expected date has passed. Values that are not
 * on the calendar (a duration, "in the past", a date with an unknown year) have no period.
 */

export interface Period {
  /** First day, YYYY-MM-DD. */
  first: string;
  /** Last day, YYYY-MM-DD. */
  last: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const day = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Months a season spans (northern seasons; winter runs into the next year). */
const SEASONS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], AU: [9, 11], WI: [12, 14] };

function span(y: number, fromMonth: number, toMonth: number): Period {
  const endYear = y + Math.floor((toMonth - 1) / 12);
  const endMonth = ((toMonth - 1) % 12) + 1;
  return { first: day(y, fromMonth, 1), last: day(endYear, endMonth, monthEnd(endYear, endMonth)) };
}

/** The Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayWeek1 = Date.UTC(year, 0, 4) - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(mondayWeek1 + (week - 1) * 7 * 86_400_000);
}

function single(value: string): Period | null {
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T[\d:]+)?)?)?$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    if (!m[2]) return span(y, 1, 12);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (!m[3]) return span(y, month, month);
    const d = Number(m[3]);
    return d >= 1 && d <= monthEnd(y, month) ? { first: day(y, month, d), last: day(y, month, d) } : null;
  }
  m = /^(\d{4})-(SP|SU|FA|AU|WI|Q[1-4]|H[12])$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const code = m[2] as string;
    if (code.startsWith('Q')) return span(y, Number(code[1]) * 3 - 2, Number(code[1]) * 3);
    if (code.startsWith('H')) return span(y, Number(code[1]) * 6 - 5, Number(code[1]) * 6);
    const [from, to] = SEASONS[code] as [number, number];
    return span(y, from, to);
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    return { first: monday.toISOString().slice(0, 10), last: sunday.toISOString().slice(0, 10) };
  }
  // A decade ("202" is the 2020s).
  m = /^(\d{3})$/.exec(value);
  if (m) return { first: day(Number(m[1]) * 10, 1, 1), last: day(Number(m[1]) * 10 + 9, 12, 31) };
  return null;
}

/** The days `value` covers, or null when it is not a place on the calendar (durations, PAST_REF, unknown parts). */
export function periodOf(value: string): Period | null {
  const parts = value.split('/');
  if (parts.length === 1) return single(value);
  if (parts.length !== 2) return null;
  const from = single(parts[0] ?? '');
  const to = single(parts[1] ?? '');
  return from && to && from.first <= to.last ? { first: from.first, last: to.last } : null;
}

/** True when the whole period lies before `today` (YYYY-MM-DD): a date in it can no longer be to come. */
export function hasPassed(period: Period, today: string): boolean {
  return period.last < today;
}
