/** Short labels for the time until a card is due, as Anki prints them on its grade buttons: 10m, 3h, 4d, 2.5mo, 1.2y. */

import type { ScheduleState } from './card';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The label for the interval from `from` to `to`; "now" when `to` is not later. */
export function intervalLabel(from: Date, to: Date): string {
  const ms = to.getTime() - from.getTime();
  if (ms < MINUTE) return ms <= 0 ? 'now' : '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  return daysLabel(ms / DAY);
}

/** The label for an interval of `days` days: 4d, 2.5mo, 1.2y. */
export function daysLabel(days: number): string {
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

/**
 * The label a grade button shows for the schedule it would set at `now`: an interval of days counts reader days (due
 * at the start of one, so "1d" when graded at 11 pm is tomorrow morning, five hours off); a learning step, the time.
 */
export function outcomeLabel(now: Date, outcome: Pick<ScheduleState, 'due' | 'scheduledDays'>): string {
  return outcome.scheduledDays >= 1 ? daysLabel(outcome.scheduledDays) : intervalLabel(now, new Date(outcome.due));
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
