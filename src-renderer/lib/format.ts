/** Display formatting shared by the screens. */

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
// A calendar date ("2024-01-21", a published date) is no instant: JavaScript reads it as UTC midnight, which is the
// day before west of Greenwich. It is shown as written, so it is formatted in UTC.
const calendarFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const numberFormat = new Intl.NumberFormat();

/** The day of an instant in the reader's own time zone, or a calendar date ("2024-01-21") as written; '' if unreadable. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? calendarFormat.format(date) : dateFormat.format(date);
}

/** An instant (stored as ISO UTC) as the reader's locale and time zone write it: "6 Dec 2026, 16:05"; '' if unreadable. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

const badgeFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumSignificantDigits: 2 });

/**
 * A count for a small badge, four characters at most whatever it is: 7, 999, 4.7K, 47K (the full figure goes in the
 * badge's title). A semester of cards can leave 47,057 due, and five digits pushed the top bar onto a second row.
 */
export function formatBadgeCount(count: number): string {
  return count < 1000 ? String(count) : badgeFormat.format(count);
}

/** A count with this locale's digit grouping: 20,000. */
export function formatCount(count: number): string {
  return numberFormat.format(count);
}

export function formatWords(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'word' : 'words'}`;
}

/** Reading time at 230 words a minute, never less than a minute. */
export function readingTime(words: number): string {
  return `${Math.max(1, Math.round(words / 230))} min read`;
}
