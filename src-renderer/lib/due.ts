/** How the card screens say when a card is due: "now", "in 10 minutes", "tomorrow", "in 5 days (12 May)". */

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const MINUTE = 60_000;

function dayNumber(date: Date): number {
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
}

/** A phrase for when `dueIso` comes, seen from `now`; past dates are "now" (overdue cards are simply due). */
export function describeDue(dueIso: string, now: Date = new Date()): string {
  const due = new Date(dueIso);
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  if (ms < 60 * MINUTE) return `in ${Math.max(1, Math.round(ms / MINUTE))} min`;
  const days = dayNumber(due) - dayNumber(now);
  if (days === 0) return `today at ${timeFormat.format(due)}`;
  if (days === 1) return `tomorrow (${dayFormat.format(due)})`;
  return `in ${days} days (${dayFormat.format(due)})`;
}
