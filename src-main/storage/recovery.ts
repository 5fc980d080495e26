/**
 * The start-up check of every data file: a file that does not parse, or that its kind's check refuses, is moved aside
 * (never overwritten) and replaced by the newest backup's copy that passes the same check. Files of kinds this module
 * does not know (added later) need only parse.
 */
import { readFile } from 'node:fs/promises';
import type { BackupManifest, BackupStore } from './backups';
import { dataFilePath, listDataFiles } from './data-files';
import { writeFileDurably } from './durable-file';
import { moveAside } from './json-store';

export interface RecoveryReport {
  /** The data file's relative path, e.g. `annotations/<id>.json`. */
  file: string;
  movedTo: string;
  /** The backup it was restored from; null when no backup held a good copy. */
  restoredFrom: BackupManifest | null;
}

export interface RecoveryOptions {
  dataDir: string;
  backups: BackupStore;
  now: () => Date;
  /** True when parsed `data` is acceptable for the file at `relative`. */
  accept: (relative: string, data: unknown) => boolean;
}

function parse(text: string): { data: unknown } | null {
  try {
    return { data: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** True when the file is missing (nothing to check) or parses and passes its kind's check. */
async function isGood(options: RecoveryOptions, relative: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(dataFilePath(options.dataDir, relative), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const parsed = parse(text);
  return parsed !== null && options.accept(relative, parsed.data);
}

/** Files are read this many at a time: one at a time left a 1,000-article library waiting on the disk at start. */
const CHECK_CONCURRENCY = 16;

/** Checks every data file, recovering the bad ones; returns what it did (empty when all were good). */
export async function recoverDataFiles(options: RecoveryOptions): Promise<RecoveryReport[]> {
  const files = await listDataFiles(options.dataDir);
  const bad: string[] = [];
  for (let i = 0; i < files.length; i += CHECK_CONCURRENCY) {
    const batch = files.slice(i, i + CHECK_CONCURRENCY);
    const verdicts = await Promise.all(batch.map((relative) => isGood(options, relative)));
    batch.forEach((relative, j) => {
      if (!verdicts[j]) bad.push(relative);
    });
  }
  const reports: RecoveryReport[] = [];
  // Recovery itself stays one file at a time: it is rare, and it moves and writes files.
  for (const relative of bad) {
    const file = dataFilePath(options.dataDir, relative);
    const movedTo = await moveAside(file, options.now());
    const copy = await options.backups.newestGoodCopy(relative, (data) => (data !== undefined && options.accept(relative, data) ? data : null));
    if (copy) await writeFileDurably(file, `${JSON.stringify(copy.data, null, 1)}`);
    reports.push({ file: relative, movedTo, restoredFrom: copy?.backup ?? null });
  }
  return reports;
}
