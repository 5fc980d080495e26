/** Display formatting shared by the screens. */

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const numberFormat = new Intl.NumberFormat();

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
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
