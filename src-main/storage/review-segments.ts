/**
 * The review log on disk: an append-only folder `reviews/` of JSON Lines segments (`000001.jsonl`, one review record a
 * line), so a grade appends one line (flushed with fsync before it is acknowledged) instead of rewriting a file of
 * hundreds of megabytes, and a reader streams it segment by segment instead of parsing it whole. A segment is sealed
 * once it reaches the size cap: the next line opens the next segment, and a sealed one is never written again (so
 * backups copy it once and share it). Removing a record (undo, sync's merge) appends its position to `drops.jsonl`;
 * readers skip dropped positions. A crash mid-append leaves a last line without its newline: `repairTail` cuts it off
 * (nothing acknowledged is lost: an acknowledged line ended with its newline before the fsync).
 */
import { open, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReviewRecord } from '../core/cards/card';
import { LectioError } from '../core/errors';
import { fsyncDir } from './durable-file';

export const REVIEWS_FOLDER = 'reviews';
export const DROPS_FILE = 'drops.jsonl';
/** 16 MB: about 30 000 records, so a million reviews is some 25 sealed segments, each read in bounded memory. */
export const SEGMENT_CAP = 16 * 1024 * 1024;
const SEGMENT_PATTERN = /^\d{6}\.jsonl$/;
const CHUNK = 1024 * 1024;

export function isSegmentName(name: string): boolean {
  return SEGMENT_PATTERN.test(name);
}

/** Where a record's line starts: its segment's name and byte offset. */
export interface LogPosition {
  segment: string;
  offset: number;
}

export function positionKey(at: LogPosition): string {
  return `${at.segment}:${at.offset}`;
}

export function segmentName(n: number): string {
  return `${String(n).padStart(6, '0')}.jsonl`;
}

/** A line that is not a review record: the segment is damaged (a sealed one is restored from a backup). */
export function corruptSegment(file: string, why: string): LectioError {
  return new LectioError('corrupt-file', `${path.basename(file)} is damaged: ${why}`, { details: { file } });
}

function looksLikeReview(data: unknown): data is ReviewRecord {
  const r = data as Partial<ReviewRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.cardId === 'string' &&
    typeof r.reviewedAt === 'string' &&
    typeof r.next === 'object' &&
    r.next !== null
  );
}

/**
 * Each complete line of `file` (up to its last newline) with its byte offset, read a megabyte at a time into one
 * reused buffer; only a line that spans two reads is copied (a whole-chunk copy per read churned a megabyte each time).
 * A backup passes its own buffer, reused over every file it copies (backup-buffer.ts).
 */
export async function* linesOf(
  file: string,
  from = 0,
  buffer: Buffer = Buffer.alloc(CHUNK),
): AsyncGenerator<{ line: string; offset: number }> {
  const handle = await open(file, 'r');
  try {
    let carry: Buffer | null = null;
    let carryAt = from;
    let position = from;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const chunkAt = position;
      position += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      let start = 0;
      let nl = chunk.indexOf(10);
      if (carry && nl >= 0) {
        yield { line: Buffer.concat([carry, chunk.subarray(0, nl)]).toString('utf8'), offset: carryAt };
        carry = null;
        start = nl + 1;
        nl = chunk.indexOf(10, start);
      }
      if (carry) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      for (; nl >= 0; nl = chunk.indexOf(10, start)) {
        yield { line: chunk.toString('utf8', start, nl), offset: chunkAt + start };
        start = nl + 1;
      }
      if (start < bytesRead) {
        carry = Buffer.from(chunk.subarray(start));
        carryAt = chunkAt + start;
      }
    }
  } finally {
    await handle.close();
  }
}

/** Parses one segment line; throws the 'corrupt-file' error for anything but a review record. */
export function parseReviewLine(line: string, file: string, offset: number): ReviewRecord {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    throw corruptSegment(file, `the line at byte ${offset} is not JSON`);
  }
  if (!looksLikeReview(data)) throw corruptSegment(file, `the line at byte ${offset} is not a review`);
  return data;
}

export interface TailRepair {
  /** The segment (relative to the library, e.g. `reviews/000003.jsonl`) whose torn last line was cut off. */
  file: string;
  bytes: number;
}

export class SegmentLog {
  #queue: Promise<unknown> = Promise.resolve();
  /** The open (last) segment and its size; null until the first append or `repairTail`. */
  #open: { name: string; size: number } | null = null;

  constructor(
    readonly folder: string,
    readonly cap = SEGMENT_CAP,
  ) {}

  get dropsFile(): string {
    return path.join(this.folder, DROPS_FILE);
  }

  /** The segments' names, oldest first; [] when there is no log. */
  async segments(): Promise<string[]> {
    try {
      return (await readdir(this.folder)).filter(isSegmentName).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /**
   * Checks the open (last) segment and the drops file line by line, and cuts a torn last line (a crash mid-append:
   * the beginning of a record, without its newline) off them; returns what was cut, for a notice. Nothing
   * acknowledged is lost: an append is acknowledged only after its newline is on disk. Anything else that is not a
   * record throws the 'corrupt-file' error (the file is then restored from a backup, like any damaged file).
   */
  async repairTail(): Promise<TailRepair[]> {
    const repaired: TailRepair[] = [];
    const last = (await this.segments()).at(-1);
    for (const [name, start, check] of [
      [last, RECORD_START, (line: string, file: string, offset: number) => parseReviewLine(line, file, offset)],
      [DROPS_FILE, DROP_START, (line: string, file: string, offset: number) => parseDrop(line, file, offset)],
    ] as const) {
      if (!name) continue;
      const file = path.join(this.folder, name);
      let end = 0;
      try {
        for await (const { line, offset } of linesOf(file)) {
          check(line, file, offset);
          end = offset + Buffer.byteLength(line) + 1;
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const cut = await cutTornLine(file, end, start);
      if (cut > 0) repaired.push({ file: `${REVIEWS_FOLDER}/${name}`, bytes: cut });
    }
    this.#open = null;
    return repaired;
  }

  /** Appends records durably (fsync before resolving), opening a new segment when the open one is full. */
  append(records: readonly ReviewRecord[]): Promise<LogPosition[]> {
    const run = this.#queue.then(() => this.#append(records));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #append(records: readonly ReviewRecord[]): Promise<LogPosition[]> {
    const positions: LogPosition[] = [];
    let batch: { name: string; lines: string[] } | null = null;
    const flush = async () => {
      if (batch && batch.lines.length > 0) await this.#write(batch.name, batch.lines.join(''));
      batch = null;
    };
    for (const record of records) {
      const line = `${JSON.stringify(record)}\n`;
      const bytes = Buffer.byteLength(line);
      const current = await this.#current();
      if (current.size > 0 && current.size + bytes > this.cap) {
        await flush();
        this.#open = { name: segmentName(Number.parseInt(current.name, 10) + 1), size: 0 };
      }
      const open = this.#open as { name: string; size: number };
      if (!batch || (batch as { name: string }).name !== open.name) {
        await flush();
        batch = { name: open.name, lines: [] };
      }
      (batch as { lines: string[] }).lines.push(line);
      positions.push({ segment: open.name, offset: open.size });
      open.size += bytes;
    }
    await flush();
    return positions;
  }

  async #current(): Promise<{ name: string; size: number }> {
    if (this.#open) return this.#open;
    const last = (await this.segments()).at(-1);
    if (!last) {
      this.#open = { name: segmentName(1), size: 0 };
    } else {
      this.#open = { name: last, size: (await stat(path.join(this.folder, last))).size };
    }
    return this.#open;
  }

  async #write(name: string, text: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const file = path.join(this.folder, name);
    const handle = await open(file, 'a', 0o600);
    let created: boolean;
    try {
      created = (await handle.stat()).size === 0;
      await handle.write(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // A new segment's name must survive a crash as well as its bytes.
    if (created) await fsyncDir(this.folder);
  }

  /** Marks records as removed (undo, sync's merge): appended, durably, to `drops.jsonl`. */
  drop(positions: readonly LogPosition[]): Promise<void> {
    if (positions.length === 0) return Promise.resolve();
    const run = this.#queue.then(async () => {
      await mkdir(this.folder, { recursive: true });
      const handle = await open(this.dropsFile, 'a', 0o600);
      try {
        await handle.write(positions.map((at) => `${JSON.stringify(at)}\n`).join(''));
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** The dropped positions (a small file: one line per undo or merged record). */
  async dropped(): Promise<Set<string>> {
    const keys = new Set<string>();
    try {
      for await (const { line, offset } of linesOf(this.dropsFile)) {
        const at = parseDrop(line, this.dropsFile, offset);
        keys.add(positionKey(at));
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return keys;
      throw error;
    }
    return keys;
  }

  /**
   * Streams the live records (not dropped) in log order with their positions, segment by segment; `from` starts
   * part-way (the schedule index's catch-up). Only one segment's megabyte-sized chunk is held at a time.
   */
  async *records(
    from?: LogPosition,
    dropped?: ReadonlySet<string>,
  ): AsyncGenerator<{ record: ReviewRecord; at: LogPosition }> {
    const skip = dropped ?? (await this.dropped());
    for (const name of await this.segments()) {
      if (from && name < from.segment) continue;
      const file = path.join(this.folder, name);
      const start = from && name === from.segment ? from.offset : 0;
      for await (const { line, offset } of linesOf(file, start)) {
        const at = { segment: name, offset };
        if (skip.has(positionKey(at))) continue;
        yield { record: parseReviewLine(line, file, offset), at };
      }
    }
  }

  /** Streams one segment's live records, newest segments first when reading back from the end (undo). */
  async *segmentRecords(
    name: string,
    dropped: ReadonlySet<string>,
  ): AsyncGenerator<{ record: ReviewRecord; at: LogPosition }> {
    const file = path.join(this.folder, name);
    for await (const { line, offset } of linesOf(file)) {
      const at = { segment: name, offset };
      if (!dropped.has(positionKey(at))) yield { record: parseReviewLine(line, file, offset), at };
    }
  }

  /** Resolves once every append and drop accepted so far is on disk. */
  settled(): Promise<void> {
    return this.#queue.then(() => undefined);
  }
}

function parseDrop(line: string, file: string, offset: number): LogPosition {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    throw corruptSegment(file, `the line at byte ${offset} is not JSON`);
  }
  const at = data as Partial<LogPosition> | null;
  if (typeof at?.segment !== 'string' || typeof at.offset !== 'number')
    throw corruptSegment(file, `the line at byte ${offset} is not a position`);
  return { segment: at.segment, offset: at.offset };
}

/** How every record's line begins (JSON.stringify of a record puts its id first), and every drop's. */
const RECORD_START = '{"id":"';
const DROP_START = '{"segment":"';

/**
 * Truncates `file` to `end` (the end of its last whole line) when what follows is a torn line: the beginning of a
 * line as Lectio writes them, and no newline. Returns how many bytes were cut; throws the 'corrupt-file' error when what
 * follows is something else.
 */
async function cutTornLine(file: string, end: number, start: string): Promise<number> {
  const size = (await stat(file)).size;
  if (size <= end) return 0;
  const handle = await open(file, 'r+');
  try {
    const probe = Buffer.alloc(Math.min(size - end, start.length));
    await handle.read(probe, 0, probe.length, end);
    if (!start.startsWith(probe.toString('utf8')))
      throw corruptSegment(file, `the text after byte ${end} is not a review being written`);
    await handle.truncate(end);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return size - end;
}
