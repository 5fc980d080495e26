/**
 * "Last week's reading": the documents the reader added or read in their last seven days, counted in their own days
 * (time zone and the hour a day starts, as the review queue counts them), so a document read at 1 am on Monday
 * still falls in Sunday's day and "seven days" means the same here as on the Review screen. Pure.
 */
import { addDays } from '../cards/days';
import { readerDayOf, startOfReaderDay, type ReaderDay } from '../cards/reader-day';

export const RECENT_DAYS = 7;

export interface ReadingActivity {
  id: string;
  /** When the document joined the library (ISO). */
  addedAt: string;
  /** When its reading position was last saved (ISO): the reader had it open. */
  readAt: string | null;
}

/**
 * The ids of documents active since the start of the reader's day `days - 1` days before today, most recent first,
 * and that first day (YYYY-MM-DD).
 */
export function recentReading(
  documents: readonly ReadingActivity[],
  now: Date,
  day: ReaderDay,
  days = RECENT_DAYS,
): { ids: string[]; since: string } {
  const since = addDays(readerDayOf(day)(now), -(days - 1));
  const from = startOfReaderDay(since, day).getTime();
  const last = (d: ReadingActivity): number =>
    Math.max(Date.parse(d.addedAt) || 0, d.readAt ? Date.parse(d.readAt) || 0 : 0);
  const ids = documents
    .filter((d) => last(d) >= from && last(d) <= now.getTime())
    .sort((a, b) => last(b) - last(a) || a.id.localeCompare(b.id))
    .map((d) => d.id);
  return { ids, since };
}
