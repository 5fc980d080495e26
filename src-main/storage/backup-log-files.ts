/**
 * Copying the review log's files (review-segments.ts) into a backup without holding them: each is read a megabyte at
 * a time, every line checked (a segment's lines are review records, the drops file's are positions), hashed and
 * written as it goes, then flushed and renamed into place. Only whole lines are copied, so the open segment can be
 * copied while a grade is appended to it. A sealed segment goes into the backups' shared pool under its hash, once.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './durable-file';
import { linesOf, parseReviewLine } from './review-segments';
import type { FileStamp } from './verified-files';

let tempCounter = 0;

/** The two buffers a log file is copied through: lines are read into `input` and their checked copies gathered in `output`. */
export interface LogBuffers {
  input: Buffer;
  output: Buffer;
}

/** A megabyte each; a backup makes one pair for all the log files it copies (backup-buffer.ts). */
export function logBuffers(): LogBuffers {
  return { input: Buffer.allocUnsafeSlow(1024 * 1024), output: Buffer.allocUnsafeSlow(1024 * 1024) };
}

/** True for a segment (`reviews/000001.jsonl`), false for the drops file. */
export function isSegmentFile(relative: string): boolean {
  return /^reviews\/\d{6}\.jsonl$/.test(relative);
}

/** The sealed segments among the listed data files: every segment but the newest, which is still appended to. */
export function sealedSegments(listed: readonly string[]): Set<string> {
  const segments = listed.filter(isSegmentFile).sort();
  return new Set(segments.slice(0, -1));
}

/** The SHA-256 of a file, read through one buffer (a read stream takes a new megabyte per read). */
export async function hashFile(file: string, buffer: Buffer = Buffer.allocUnsafeSlow(64 * 1024)): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return hash.digest('hex');
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

function checkLine(line: string, file: string, offset: number, segment: boolean): boolean {
  try {
    if (segment) parseReviewLine(line, file, offset);
    else {
      const at = JSON.parse(line) as { segment?: unknown; offset?: unknown } | null;
      if (typeof at?.segment !== 'string' || typeof at.offset !== 'number') return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies the whole lines of `source`, each checked, to `target` (pooled: into the folder `target`, named by hash;
 * kept when already there). Returns the copy's size and hash and the source's stamp when the copy is all of it;
 * 'bad' when a line fails its check; null when the source is gone.
 */
export async function copyLogFile(
  source: string,
  target: string,
  options: { pooled: boolean; segment: boolean; buffers?: LogBuffers },
): Promise<{ bytes: number; sha256: string; stamp: FileStamp | undefined } | 'bad' | null> {
  let before: FileStamp;
  try {
    const info = await stat(source);
    before = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const folder = options.pooled ? target : path.dirname(target);
  await mkdir(folder, { recursive: true });
  const temp = path.join(folder, `.${path.basename(source)}.${process.pid}.${++tempCounter}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(temp, 'w', 0o600);
  try {
    // The checked lines are encoded into one buffer, written out when full: a new Buffer per megabyte lived outside
    // V8's heap until a collection found it, sixteen of them per 16 MB segment, and the backup reads 500 MB of them.
    const { input, output: out } = options.buffers ?? logBuffers();
    let used = 0;
    const flush = async () => {
      if (used === 0) return;
      const chunk = out.subarray(0, used);
      hash.update(chunk);
      await handle.write(chunk);
      used = 0;
    };
    for await (const { line, offset } of linesOf(source, 0, input)) {
      if (!checkLine(line, source, offset, options.segment)) {
        await handle.close().catch(() => undefined);
        await rm(temp, { force: true });
        return 'bad';
      }
      const text = `${line}\n`;
      const size = Buffer.byteLength(text);
      bytes += size;
      if (used + size > out.length) await flush();
      if (size > out.length) {
        // A line longer than the buffer (none is, in practice) is written on its own.
        const long = Buffer.from(text);
        hash.update(long);
        await handle.write(long);
      } else used += out.write(text, used);
    }
    await flush();
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  const sha256 = hash.digest('hex');
  const final = options.pooled ? path.join(target, `${sha256}.jsonl`) : target;
  await rename(temp, final);
  await fsyncDir(folder);
  return { bytes, sha256, stamp: bytes === before.size ? before : undefined };
}

/**
 * Copies `source` to `target` as it is, a megabyte at a time, hashing as it goes, then flushes and renames it into
 * place: for a file already known good (verified-files.ts), so a 50 MB cards.json is never one buffer in memory. A
 * backup passes its reused buffer (backup-buffer.ts).
 * Returns the copy's size and hash, or null when the source is gone.
 */
export async function copyHashed(
  source: string,
  target: string,
  buffer: Buffer = Buffer.alloc(1024 * 1024),
): Promise<{ bytes: number; sha256: string } | null> {
  let input;
  try {
    input = await open(source, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  const temp = path.join(folder, `.${path.basename(target)}.${process.pid}.${++tempCounter}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const output = await open(temp, 'w', 0o600);
    try {
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await output.write(chunk);
        bytes += bytesRead;
      }
      await output.sync();
    } finally {
      await output.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    await input.close();
  }
  await fsyncDir(folder);
  return { bytes, sha256: hash.digest('hex') };
}
