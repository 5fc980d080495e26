/**
 * Two parts of the scale session's figures: watching the server's start-up backup (when its staging folder appears
 * and when the finished backup does, the server's memory sampled all the while), and the naive grade it is compared
 * with (the whole review log rewritten as one JSON document, as the old reviews.json was on every grade).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_ID_PATTERN } from '@main/storage/backups';
import { writeFileDurably } from '@main/storage/durable-file';
import { SegmentLog } from '@main/storage/review-segments';
import type { ReviewRecord } from '@core/cards/card';
import { epochNow } from './serve';

const rssOf = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024);

export interface BackupWatch {
  ms: number;
  peakRss: number;
  note: string;
}

/** Waits (at most 10 minutes) for the first complete backup in `dataDir`, sampling the server's RSS every 50 ms. */
export async function watchBackup(dataDir: string, pid: number, spawnedAt: number): Promise<BackupWatch> {
  const folder = path.join(dataDir, 'backups');
  let started: number | null = null;
  let peakRss = 0;
  const deadline = epochNow() + 600_000;
  const complete = (names: string[]) =>
    names.filter((name) => BACKUP_ID_PATTERN.test(name) && existsSync(path.join(folder, name, 'manifest.json')));
  const before = new Set(complete(existsSync(folder) ? readdirSync(folder) : []));
  for (;;) {
    const names = existsSync(folder) ? readdirSync(folder) : [];
    if (started === null && names.some((name) => name.endsWith('.partial'))) started = epochNow();
    if (started !== null) peakRss = Math.max(peakRss, rssOf(pid));
    const done = names.find(
      (name) => BACKUP_ID_PATTERN.test(name) && existsSync(path.join(folder, name, 'manifest.json')),
    );
    if (done) {
      const ended = epochNow();
      const manifest = JSON.parse(readFileSync(path.join(folder, done, 'manifest.json'), 'utf8')) as {
        files: { pooled?: boolean }[];
      };
      const pooled = manifest.files.filter((f) => f.pooled).length;
      const from = started ?? spawnedAt + 10_000;
      return {
        ms: ended - from,
        peakRss: Math.max(peakRss, rssOf(pid)),
        note: `from its staging folder appearing${started === null ? ' (not seen: counted from 10 s after launch)' : ''} to the finished backup, ${manifest.files.length.toLocaleString('en')} files (${pooled} sealed review segments pooled), ${before.size === 0 ? "the library's first backup (no previous one to link from)" : `${before.size} earlier backups to link from`}`,
      };
    }
    if (epochNow() > deadline) throw new Error('the start-up backup did not finish within 10 minutes');
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/**
 * The old grade's cost: every record in memory, stringified and written durably as one file. lowdb indented it
 * (`JSON.stringify(data, null, 1)`); at a million records that string passes V8's limit (about 512 MB), so the old
 * grade could not save at all: then the compact form is timed instead, and `note` says so.
 */
export async function naiveRewrite(
  dataDir: string,
  work: string,
): Promise<{ ms: number; records: number; mb: number; note: string }> {
  const reviews: ReviewRecord[] = [];
  for await (const { record } of new SegmentLog(path.join(dataDir, 'reviews')).records()) reviews.push(record);
  const file = path.join(work, 'naive-reviews.json');
  let note = 'indented as lowdb wrote it';
  const started = performance.now();
  let text: string;
  try {
    text = JSON.stringify({ schemaVersion: 1, reviews }, null, 1);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    note = `indented as lowdb wrote it, the string passed V8's limit (${error.message}): the old grade could not save at this size; compact JSON timed instead`;
    text = JSON.stringify({ schemaVersion: 1, reviews });
  }
  await writeFileDurably(file, text);
  const ms = performance.now() - started;
  return { ms, records: reviews.length, mb: Math.round(statSync(file).size / 1e6), note };
}
