/** Decides whether a dated event has happened, comparing its resolved value with the reference date. */
import { daysInMonth, pad } from './calendar';
import { SEASON_MONTHS, type Anchor } from './date-resolve';
import type { Season } from './date-specs';
import type { EventStatus } from './types';

/** The first and last day (YYYY-MM-DD) a value covers, or null for durations, fuzzy and unresolved values. */
export function valueInterval(value: string): [string, string] | null {
  if (value.includes('/')) {
    const [a, b] = value.split('/');
    const from = valueInterval(a ?? '');
    const to = valueInterval(b ?? '');
    return from && to ? [from[0], to[1]] : null;
  }
  let m = /^(\d{4})$/.exec(value);
  if (m) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${pad(daysInMonth(Number(m[1]), Number(m[2])))}`];
  // A day, or a clock time on it ("2024-03-05T08:30"): the day it falls on.
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2})?$/.exec(value);
  if (m) return [value.slice(0, 10), value.slice(0, 10)];
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const [first, last] = SEASON_MONTHS[m[2] as Season];
    const from = `${m[1]}-${pad(first)}-01`;
    const end = last > 12 ? { y: Number(m[1]) + 1, mo: last - 12 } : { y: Number(m[1]), mo: last };
    return [from, `${pad(end.y, 4)}-${pad(end.mo)}-${pad(daysInMonth(end.y, end.mo))}`];
  }
  m = /^(\d{4})-([QH])(\d)$/.exec(value);
  if (m) {
    const size = m[2] === 'Q' ? 3 : 6;
    const first = (Number(m[3]) - 1) * size + 1;
    const last = first + size - 1;
    return [`${m[1]}-${pad(first)}-01`, `${m[1]}-${pad(last)}-${pad(daysInMonth(Number(m[1]), last))}`];
  }
  return null;
}

// The reference as an interval: a full day, or the whole month/year when that is all we know.
function anchorInterval(a: Anchor): [string, string] | null {
  if (a.year === null) return null;
  if (a.month === null) return valueInterval(pad(a.year, 4));
  if (a.day === null) return valueInterval(`${pad(a.year, 4)}-${pad(a.month)}`);
  return valueInterval(`${pad(a.year, 4)}-${pad(a.month)}-${pad(a.day)}`);
}

/** Past when the value ends before the reference, expected when it starts after; otherwise the clause's tense. */
export function statusOf(value: string, tense: EventStatus, anchor: Anchor): EventStatus {
  if (value === 'PAST_REF') return 'past';
  if (value === 'FUTURE_REF') return 'expected';
  const v = valueInterval(value);
  const r = anchorInterval(anchor);
  if (v && r) {
    if (v[1] < r[0]) return 'past';
    if (v[0] > r[1]) return 'expected';
  }
  return tense;
}
