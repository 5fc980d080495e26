/**
 * The card schedule index (`card-schedules.idx`, beside the review log `reviews/`): each card's latest review (whose
 * `next` state is its schedule) with where it lies in the log, and the last few days of the log (the daily new-card
 * count walks back only to today's start). The due counts, the review queue and the Library's due-card sort and filter
 * need no more than this, so a review log of a million records (about 400 MB) is not read to count what is due.
 *
 * It is derived data, and it says how far into the log it reaches: each segment's name, inode and size when it was
 * written, and the size of the drops file. Since the log is append-only, an index that is behind (a crash before its
 * write, or grades since: it is written a little after them, not with each) is brought up to date by reading only the
 * lines after the point it reaches. A log that changed otherwise (a restore puts new files, with new inodes; a record
 * dropped since) makes it stale, and it is built again from the whole log, streamed. Its name does not end in `.json`,
 * so it is neither backed up nor restored: it always follows the log it was built from.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ReviewRecord } from '../core/cards/card';
import { writeFileDurably } from './durable-file';
import { reviewRecordSchema } from './card-file-schemas';
import type { LogPosition, SegmentLog } from './review-segments';

export const SCHEDULE_INDEX_FILE = 'card-schedules.idx';
export const SCHEDULE_INDEX_VERSION = 2;
/** How much of the log's tail the index keeps: enough to hold the reader's whole day whatever their zone and rollover. */
export const RECENT_MS = 3 * 86_400_000;

export interface SegmentStamp {
  name: string;
  ino: number;
  size: number;
}

export interface LogStamp {
  segments: SegmentStamp[];
  drops: number;
}

export interface ScheduleIndex {
  latest: Map<string, ReviewRecord>;
  /** Where each card's latest review lies in the log (an undo drops it there). */
  latestAt: Map<string, LogPosition>;
  /** The log's records from RECENT_MS before the index was written, in log order. */
  recent: ReviewRecord[];
}

const positionSchema = z.object({ segment: z.string(), offset: z.number().int().nonnegative() });
const stampSchema = z.object({
  segments: z.array(z.object({ name: z.string(), ino: z.number(), size: z.number() })),
  drops: z.number(),
});
const indexSchema = z.object({
  schemaVersion: z.literal(SCHEDULE_INDEX_VERSION),
  log: stampSchema,
  latest: z.array(z.object({ review: reviewRecordSchema, at: positionSchema })),
  recent: z.array(reviewRecordSchema),
});

export function scheduleIndexFile(dataDir: string): string {
  return path.join(dataDir, SCHEDULE_INDEX_FILE);
}

export function emptyIndex(): ScheduleIndex {
  return { latest: new Map(), latestAt: new Map(), recent: [] };
}

async function sizeOf(file: string): Promise<{ size: number; ino: number } | null> {
  try {
    const info = await stat(file);
    return { size: info.size, ino: info.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The log as it is on disk now. */
export async function stampOf(log: SegmentLog): Promise<LogStamp> {
  const segments: SegmentStamp[] = [];
  for (const name of await log.segments()) {
    const info = await sizeOf(path.join(log.folder, name));
    if (info) segments.push({ name, ...info });
  }
  return { segments, drops: (await sizeOf(log.dropsFile))?.size ?? 0 };
}

/**
 * Where in the log as it is now an index stamped `stamp` stops (its records before that point are all in it), or
 * null when the log changed otherwise than by appends since.
 */
export function catchUpFrom(stamp: LogStamp, now: LogStamp): LogPosition | 'start' | null {
  if (stamp.drops !== now.drops) return null;
  const last = stamp.segments.length - 1;
  for (const [i, stamped] of stamp.segments.entries()) {
    const current = now.segments[i];
    if (!current || current.name !== stamped.name || current.ino !== stamped.ino) return null;
    if (i < last ? current.size !== stamped.size : current.size < stamped.size) return null;
  }
  const end = stamp.segments[last];
  return end ? { segment: end.name, offset: end.size } : 'start';
}

/** The index and its stamp when it exists and reads; null when it must be built again. */
export async function readScheduleIndex(dataDir: string): Promise<{ index: ScheduleIndex; stamp: LogStamp } | null> {
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
  const index = emptyIndex();
  for (const { review, at } of parsed.latest) {
    index.latest.set(review.cardId, review);
    index.latestAt.set(review.cardId, at);
  }
  index.recent = parsed.recent;
  return { index, stamp: parsed.log };
}

/** Adds one record (read from the log in order) to the index. */
export function addToIndex(index: ScheduleIndex, review: ReviewRecord, at: LogPosition, since: number): void {
  index.latest.set(review.cardId, review);
  index.latestAt.set(review.cardId, at);
  if (Date.parse(review.reviewedAt) >= since) index.recent.push(review);
}

/** The records reviewed at or after `since`, from the end of the log back (it is in the order reviews happened). */
export function recentTail(reviews: readonly ReviewRecord[], since: number): ReviewRecord[] {
  let start = reviews.length;
  while (start > 0 && Date.parse((reviews[start - 1] as ReviewRecord).reviewedAt) >= since) start--;
  return reviews.slice(start);
}

/** Writes the index for the log as `stamp` says it is (take the stamp while no append is under way). */
export async function writeScheduleIndex(dataDir: string, stamp: LogStamp, index: ScheduleIndex): Promise<void> {
  const latest = [...index.latest.values()].map((review) => ({ review, at: index.latestAt.get(review.cardId) }));
  const text = JSON.stringify({ schemaVersion: SCHEDULE_INDEX_VERSION, log: stamp, latest, recent: index.recent });
  await writeFileDurably(scheduleIndexFile(dataDir), text);
}

/** Forgets the index (it is rebuilt from the log on the next opening). */
export async function dropScheduleIndex(dataDir: string): Promise<void> {
  await rm(scheduleIndexFile(dataDir), { force: true });
}
