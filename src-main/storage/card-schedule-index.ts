/**
 * The card schedule index (`card-schedules.idx`, beside the review log `reviews/`): each card's latest review (whose
 * `next` state is its schedule) with where it lies in the log, and the last few days of the log (the daily new-card
 * count walks back only to today's start). The due counts, the review queue and the Library's due-card sort and filter
 * need no more than this, so a review log of a million records (about 400 MB) is not read to count what is due.
 *
 * It is derived data, and it says how far into the log it reaches: each segment's name and size when it was written
 * with the last bytes before that size (the end of its last line), and the drops file's size and hash. Since the log
 * is append-only, an index that is behind (a crash before its write, or grades since: it is written a little after
 * them, not with each) is brought up to date by reading only the lines after the point it reaches. A log that changed
 * otherwise (a restore of an older backup: shorter or other segments; a record dropped since) makes it stale, and it
 * is built again from the whole log, streamed. A copy of the same log (another inode) is still the same log. Its name does not end in `.json`,
 * so it is neither backed up nor restored: it always follows the log it was built from.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ReviewRecord, ScheduleState } from '../core/cards/card';
import { writeChunksDurably } from './durable-file';
import { reviewRecordSchema, scheduleStateSchema } from './card-file-schemas';
import type { LogPosition, SegmentLog } from './review-segments';

export const SCHEDULE_INDEX_FILE = 'card-schedules.idx';
/**
 * 3: each card's latest review is kept slim (its id and `next` state; the whole record took 30 MB of heap at 50,000
 * cards). An index of an older version is not read: it is built again from the log.
 */
export const SCHEDULE_INDEX_VERSION = 3;
/** How much of the log's tail the index keeps: enough to hold the reader's whole day whatever their zone and rollover. */
export const RECENT_MS = 3 * 86_400_000;

export interface SegmentStamp {
  name: string;
  size: number;
  /** The last bytes before `size`, hex: the segment's content as far as the index reached, cheaply. */
  tail: string;
}

export interface LogStamp {
  segments: SegmentStamp[];
  /** The drops file's SHA-256 (a small file: one line per undone or merged record); '' when there is none. */
  drops: string;
}

/** What the index keeps of a card's latest review: which record it is, and the card's schedule after it. */
export interface LatestReview {
  id: string;
  cardId: string;
  next: ScheduleState;
}

export function latestOf(review: ReviewRecord): LatestReview {
  return { id: review.id, cardId: review.cardId, next: review.next };
}

export interface ScheduleIndex {
  latest: Map<string, LatestReview>;
  /** Where each card's latest review lies in the log (an undo drops it there). */
  latestAt: Map<string, LogPosition>;
  /** The log's records from RECENT_MS before the index was written, in log order. */
  recent: ReviewRecord[];
}

const positionSchema = z.object({ segment: z.string(), offset: z.number().int().nonnegative() });
const stampSchema = z.object({
  segments: z.array(z.object({ name: z.string(), size: z.number(), tail: z.string() })),
  drops: z.string(),
});
/** The index's frame; its records are checked one at a time (`isIndexEntry`), not copied whole by zod. */
const indexSchema = z.object({
  schemaVersion: z.literal(SCHEDULE_INDEX_VERSION),
  log: stampSchema,
  latest: z.array(z.unknown()),
  recent: z.array(z.unknown()),
});
const latestEntrySchema = z.object({
  review: z.object({ id: z.string().min(1), cardId: z.string().min(1), next: scheduleStateSchema }),
  at: positionSchema,
});

export function scheduleIndexFile(dataDir: string): string {
  return path.join(dataDir, SCHEDULE_INDEX_FILE);
}

export function emptyIndex(): ScheduleIndex {
  return { latest: new Map(), latestAt: new Map(), recent: [] };
}

const TAIL_BYTES = 256;

/** The `TAIL_BYTES` bytes of `file` before `end`, hex; null when the file is missing or shorter than `end`. */
async function tailOf(file: string, end: number): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    if ((await handle.stat()).size < end) return null;
    const start = Math.max(0, end - TAIL_BYTES);
    const buffer = Buffer.alloc(end - start);
    await handle.read(buffer, 0, buffer.length, start);
    return buffer.toString('hex');
  } finally {
    await handle.close();
  }
}

async function dropsHash(file: string): Promise<string> {
  try {
    return createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** The log as it is on disk now. */
export async function stampOf(log: SegmentLog): Promise<LogStamp> {
  const segments: SegmentStamp[] = [];
  for (const name of await log.segments()) {
    const file = path.join(log.folder, name);
    const size = (await stat(file).catch(() => null))?.size;
    const tail = size === undefined ? null : await tailOf(file, size);
    if (size !== undefined && tail !== null) segments.push({ name, size, tail });
  }
  return { segments, drops: await dropsHash(log.dropsFile) };
}

/**
 * Where in the log as it is now an index stamped `stamp` stops (its records before that point are all in it), or
 * null when the log changed otherwise than by appends since.
 */
export async function catchUpFrom(stamp: LogStamp, log: SegmentLog): Promise<LogPosition | 'start' | null> {
  if (stamp.drops !== (await dropsHash(log.dropsFile))) return null;
  const names = await log.segments();
  const last = stamp.segments.length - 1;
  for (const [i, stamped] of stamp.segments.entries()) {
    if (names[i] !== stamped.name) return null;
    const file = path.join(log.folder, stamped.name);
    if (i < last && (await stat(file)).size !== stamped.size) return null;
    if ((await tailOf(file, stamped.size)) !== stamped.tail) return null;
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
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  // The frame is checked by zod; each record in place (zod's checked copy of 50,000 records at once doubled the
  // memory the index takes while it opens), so the index holds the parsed objects themselves.
  const frame = indexSchema.safeParse({ ...(raw as object), latest: [], recent: [] });
  const { latest, recent } = (raw ?? {}) as { latest?: unknown; recent?: unknown };
  if (!frame.success || !Array.isArray(latest) || !Array.isArray(recent)) return null;
  const index = emptyIndex();
  for (const entry of latest) {
    if (!latestEntrySchema.safeParse(entry).success) return null;
    const { review, at } = entry as { review: LatestReview; at: LogPosition };
    index.latest.set(review.cardId, review);
    index.latestAt.set(review.cardId, at);
  }
  for (const review of recent) if (!reviewRecordSchema.safeParse(review).success) return null;
  index.recent = recent as ReviewRecord[];
  return { index, stamp: frame.data.log };
}

/** Adds one record (read from the log in order) to the index. */
export function addToIndex(index: ScheduleIndex, review: ReviewRecord, at: LogPosition, since: number): void {
  index.latest.set(review.cardId, latestOf(review));
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
  // Written a thousand records at a time: the whole index as one string (27 MB for 50,000 cards) after a grade grew
  // the server's heap, and the start-up backup's garbage then filled it (peak +450 MB at full scale).
  const latest = [...index.latest.values()];
  function* chunks(): Generator<string> {
    yield `{"schemaVersion":${SCHEDULE_INDEX_VERSION},"log":${JSON.stringify(stamp)},"latest":[`;
    for (let i = 0; i < latest.length; i += 1000)
      yield (
        (i > 0 ? ',' : '') +
        latest
          .slice(i, i + 1000)
          .map((review) => JSON.stringify({ review, at: index.latestAt.get(review.cardId) }))
          .join(',')
      );
    yield '],"recent":[';
    for (let i = 0; i < index.recent.length; i += 1000)
      yield (
        (i > 0 ? ',' : '') +
        index.recent
          .slice(i, i + 1000)
          .map((review) => JSON.stringify(review))
          .join(',')
      );
    yield ']}';
  }
  await writeChunksDurably(scheduleIndexFile(dataDir), chunks());
}

/** Forgets the index (it is rebuilt from the log on the next opening). */
export async function dropScheduleIndex(dataDir: string): Promise<void> {
  await rm(scheduleIndexFile(dataDir), { force: true });
}
