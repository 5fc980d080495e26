/** Rules for calendar dates written with month names or digits ("March 15-17", "July 2000", "2024-01-21"). */
import { monthNumber } from './calendar';
import { B, DASH, DAY, E, MONTH, MONTH_FULL, YEAR, relOffset, rx, type DateRule } from './date-rule';
import type { Fields } from './date-specs';

function day(text: string | undefined): number | null {
  const d = Number(text);
  return d >= 1 && d <= 31 ? d : null;
}

function fields(month: string | undefined, d: string | undefined, year: string | undefined): Fields | null {
  const mo = monthNumber(month ?? '');
  if (mo === null) return null;
  const f: Fields = { month: mo };
  if (d !== undefined) {
    const dd = day(d);
    if (dd === null) return null;
    f.day = dd;
  }
  if (year !== undefined) f.year = Number(year);
  return f;
}

function withYear(f: Fields | null, year: string | undefined): Fields | null {
  return f && year !== undefined && f.year === undefined ? { ...f, year: Number(year) } : f;
}

export const CALENDAR_RULES: DateRule[] = [
  {
    name: 'month-day-range-cross',
    re: rx(`${B}${MONTH}\\s+${DAY}${DASH}${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?${E}`),
    make: (m) => {
      const from = withYear(fields(m[1], m[2], undefined), m[5]);
      const to = fields(m[3], m[4], m[5]);
      return from && to ? { kind: 'range', from, to } : null;
    },
  },
  {
    name: 'month-day-range',
    re: rx(`${B}${MONTH}\\s+${DAY}${DASH}${DAY}(?:,?\\s+${YEAR})?${E}`),
    make: (m) => {
      const from = fields(m[1], m[2], m[4]);
      const to = fields(m[1], m[3], m[4]);
      return from && to && (to.day ?? 0) > (from.day ?? 0) ? { kind: 'range', from, to } : null;
    },
  },
  {
    name: 'day-range-month',
    re: rx(`${B}${DAY}${DASH}${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?${E}`),
    make: (m) => {
      const from = fields(m[3], m[1], m[4]);
      const to = fields(m[3], m[2], m[4]);
      return from && to && (to.day ?? 0) > (from.day ?? 0) ? { kind: 'range', from, to } : null;
    },
  },
  {
    name: 'month-day-year',
    re: rx(`${B}${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?${E}(?![,.]?\\d)`),
    make: (m) => {
      const f = fields(m[1], m[2], m[3]);
      return f ? { kind: 'calendar', fields: f } : null;
    },
  },
  {
    name: 'day-month-year',
    re: rx(`${B}(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?${E}`),
    make: (m) => {
      const f = fields(m[2], m[1], m[3]);
      return f ? { kind: 'calendar', fields: f } : null;
    },
  },
  {
    name: 'month-year',
    re: rx(`${B}${MONTH},?\\s+(?:of\\s+)?${YEAR}${E}`),
    make: (m) => {
      const f = fields(m[1], undefined, m[2]);
      return f ? { kind: 'calendar', fields: f } : null;
    },
  },
  {
    name: 'month-relative-year',
    // "September of last year", "March 11 next year", "11 March next year".
    re: rx(`${B}(?:${DAY}\\s+(?:of\\s+)?)?${MONTH_FULL}(?:\\s+${DAY})?,?\\s+(?:of\\s+)?(last|next|this)\\s+year${E}`),
    make: (m) => {
      const f = fields(m[2], m[1] ?? m[3], undefined);
      return f && !(m[1] && m[3]) ? { kind: 'calendar', fields: { ...f, yearOffset: relOffset(m[4]) } } : null;
    },
  },
  {
    name: 'iso-date',
    re: rx(`${B}${YEAR}-(\\d{2})-(\\d{2})${E}`),
    make: (m) => {
      const month = Number(m[2]);
      const d = day(m[3]);
      return month >= 1 && month <= 12 && d
        ? { kind: 'calendar', fields: { year: Number(m[1]), month, day: d } }
        : null;
    },
  },
  {
    name: 'numeric-date',
    re: rx(`${B}(\\d{1,2})/(\\d{1,2})/${YEAR}${E}`),
    make: (m) => {
      // Month-first unless the first number cannot be a month (news in English is mostly US-style).
      const a = Number(m[1]);
      const b = Number(m[2]);
      const [month, d] = a > 12 ? [b, a] : [a, b];
      return month <= 12 && day(String(d)) ? { kind: 'calendar', fields: { year: Number(m[3]), month, day: d } } : null;
    },
  },
  {
    name: 'month-alone',
    // A bare month needs a lead-in ("in April", "since March"): "May" and "March" are also ordinary words.
    re: rx(
      `(?<=\\b(?:[Ii]n|[Ss]ince|by|until|till|from|of|during|before|after|through|early|late|mid|last|next|this|around|[Ee]nd of|[Ss]tart of)\\s+|mid-)${MONTH_FULL}${E}(?!\\s+\\d)`,
    ),
    make: (m) => {
      const f = fields(m[1], undefined, undefined);
      return f ? { kind: 'calendar', fields: f } : null;
    },
  },
];
