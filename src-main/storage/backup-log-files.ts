/**
 * Copying the review log's files (review-segments.ts) into a backup without holding them: each is read a megabyte at
 * a time, every line checked (a segment's lines are review records, the drops file's are positions), hashed and
 * written as it goes, then flushed and renamed into place. Only whole lines are copied, so the open segment can be
 * copied while a grade is appended to it. A sealed segment goes into the backups' shared pool under its hash, once.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './durable-file';
import { linesOf, parseReviewLine } from './review-segments';
import type { FileStamp } from './verified-files';

let tempCounter = 0;

/** True for a segment (`reviews/000001.jsonl`), false for the drops file. */
export function isSegmentFile(relative: string): boolean {
  return /^reviews\/\d{6}\.jsonl$/.test(relative);
}

/** The sealed segments among the listed data files: every segment but the newest, which is still appended to. */
export function sealedSegments(listed: readonly string[]): Set<string> {
  const segments = listed.filter(isSegmentFile).sort();
  return new Set(segments.slice(0, -1));
}

/** The SHA-256 of a file, streamed. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
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
  options: { pooled: boolean; segment: boolean },
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
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const chunk = Buffer.from(batch.join(''));
      hash.update(chunk);
      await handle.write(chunk);
      batch = [];
      batchBytes = 0;
    };
    for await (const { line, offset } of linesOf(source)) {
      if (!checkLine(line, source, offset, options.segment)) {
        await handle.close().catch(() => undefined);
        await rm(temp, { force: true });
        return 'bad';
      }
      const text = `${line}\n`;
      batch.push(text);
      const size = Buffer.byteLength(text);
      batchBytes += size;
      bytes += size;
      if (batchBytes >= 1024 * 1024) await flush();
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
 * place: for a file already known good (verified-files.ts), so a 50 MB cards.json is never one buffer in memory.
 * Returns the copy's size and hash, or null when the source is gone.
 */
export async function copyHashed(source: string, target: string): Promise<{ bytes: number; sha256: string } | null> {
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
      const buffer = Buffer.alloc(1024 * 1024);
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
