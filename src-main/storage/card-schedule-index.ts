/**
 * The card schedule index (`card-schedules.idx`, beside `reviews.json`): each card's latest review (whose `next` state
 * is its schedule) and the last few days of the log (the daily new-card count walks back only to today's start). The
 * due counts, the review queue and the Library's due-card sort and filter need no more than this, so a review log
 * of a million records (about 500 MB of JSON) is not read to count what is due.
 *
 * It is derived data, rewritten after every change of the log, and checked against the log before it is believed: it
 * records the log file's size, modification time and inode (each save of the log writes a new file and renames it
 * into place), so a log replaced by a restore, a crash between the two writes, or a hand edit makes it stale, and it
 * is built again from the log. A missing or unreadable index is rebuilt the same way. Its name does not end in
 * `.json`, so it is neither backed up nor restored: it always follows the log it was built from.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ReviewRecord } from '../core/cards/card';
import { writeFileDurably } from './durable-file';
import { reviewRecordSchema } from './card-file-schemas';

export const SCHEDULE_INDEX_FILE = 'card-schedules.idx';
export const SCHEDULE_INDEX_VERSION = 1;
/** How much of the log's tail the index keeps: enough to hold the reader's whole day whatever their zone and rollover. */
export const RECENT_MS = 3 * 86_400_000;

export interface LogStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface ScheduleIndex {
  latest: Map<string, ReviewRecord>;
  /** The log's records from RECENT_MS before the index was written, in log order. */
  recent: ReviewRecord[];
}

const stampSchema = z.object({ size: z.number(), mtimeMs: z.number(), ino: z.number() });
const indexSchema = z.object({
  schemaVersion: z.literal(SCHEDULE_INDEX_VERSION),
  log: stampSchema.nullable(),
  latest: z.array(reviewRecordSchema),
  recent: z.array(reviewRecordSchema),
});

export function scheduleIndexFile(dataDir: string): string {
  return path.join(dataDir, SCHEDULE_INDEX_FILE);
}

/** The log file as it is on disk now; null when there is none (no card was ever graded). */
export async function stampOf(logFile: string): Promise<LogStamp | null> {
  try {
    const info = await stat(logFile);
    return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function sameStamp(a: LogStamp | null, b: LogStamp | null): boolean {
  return a === null || b === null ? a === b : a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** The index when it exists, reads, and was written for the log as it is now; null when it must be built again. */
export async function readScheduleIndex(dataDir: string, logFile: string): Promise<ScheduleIndex | null> {
  let text: string;
  try {
    text = await readFile(scheduleIndexFile(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: z.infer<typeof indexSchema>;
  try {
    const checked = indexSchema.safeParse(JSON.parse(text));
    if (!checked.success) return null;
    parsed = checked.data;
  } catch {
    return null;
  }
  if (!sameStamp(parsed.log, await stampOf(logFile))) return null;
  return { latest: new Map(parsed.latest.map((review) => [review.cardId, review])), recent: parsed.recent };
}

/** Each card's latest review and the log's tail from `since`, read from the whole log (to build the index). */
export function indexFromLog(reviews: readonly ReviewRecord[], since: number): ScheduleIndex {
  const latest = new Map<string, ReviewRecord>();
  for (const review of reviews) latest.set(review.cardId, review);
  return { latest, recent: recentTail(reviews, since) };
}

/** The records reviewed at or after `since`, from the end of the log back (it is in the order reviews happened). */
export function recentTail(reviews: readonly ReviewRecord[], since: number): ReviewRecord[] {
  let start = reviews.length;
  while (start > 0 && Date.parse((reviews[start - 1] as ReviewRecord).reviewedAt) >= since) start--;
  return reviews.slice(start);
}

/** Writes the index for the log as it is on disk now (call it after each save of the log). */
export async function writeScheduleIndex(dataDir: string, logFile: string, index: ScheduleIndex): Promise<void> {
  const text = JSON.stringify({
    schemaVersion: SCHEDULE_INDEX_VERSION,
    log: await stampOf(logFile),
    latest: [...index.latest.values()],
    recent: index.recent,
  });
  await writeFileDurably(scheduleIndexFile(dataDir), text);
}

/** Forgets the index (it is rebuilt from the log on the next opening). */
export async function dropScheduleIndex(dataDir: string): Promise<void> {
  await rm(scheduleIndexFile(dataDir), { force: true });
}
