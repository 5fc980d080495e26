/** "2 minutes ago", "yesterday": how long ago an instant was, in the reader's language, for status lines. */

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** How long before `now` the instant `iso` was ("just now" under 10 s); '' for an unreadable instant. */
export function timeAgo(iso: string, now: Date): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  // A clock a little ahead on the other side must not read as "in 3 seconds".
  let amount = Math.max(0, (now.getTime() - then) / 1000);
  if (amount < 10) return 'just now';
  for (const [unit, size] of STEPS) {
    if (amount < size) return relative.format(-Math.floor(amount), unit);
    amount /= size;
  }
  return '';
}
