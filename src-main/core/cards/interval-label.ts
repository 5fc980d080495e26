/** Short labels for the time until a card is due, as Anki prints them on its grade buttons: 10m, 3h, 4d, 2.5mo, 1.2y. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The label for the interval from `from` to `to`; "now" when `to` is not later. */
export function intervalLabel(from: Date, to: Date): string {
  const ms = to.getTime() - from.getTime();
  if (ms < MINUTE) return ms <= 0 ? 'now' : '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
