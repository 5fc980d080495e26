/**
 * Putting a bad data file right: it is moved aside (never overwritten) and replaced by the newest backup's copy that
 * passes the same check. The stores do this as they open their file (json-store.ts: the always-loaded files at
 * start-up, each per-document file on its first use); `recoverDataFiles` does it at start-up for files no store opens
 * (kinds added later), which need only parse.
 */
import { readFile } from 'node:fs/promises';
import type { BackupManifest, BackupStore } from './backups';
import { dataFilePath, isReviewLogFile, listDataFiles } from './data-files';
import { writeFileDurably } from './durable-file';
import { moveAside, openStore, type OpenedStore, type StoreSpec, type Versioned } from './json-store';

export interface RecoveryReport {
  /** The data file's relative path, e.g. `annotations/<id>.json`. */
  file: string;
  movedTo: string;
  /** The backup it was restored from; null when no backup held a good copy. */
  restoredFrom: BackupManifest | null;
}

export interface RestoreOptions {
  dataDir: string;
  backups: BackupStore;
  /** True when parsed `data` is acceptable for the file at `relative`. */
  accept: (relative: string, data: unknown) => boolean;
}

export interface RecoveryOptions extends RestoreOptions {
  now: () => Date;
  /** Files left to the stores that open them (checked there, when opened); these are not read here. */
  skip: (relative: string) => boolean;
}

/** How a store recovers its file: where good copies come from, and who announces what happened. */
export interface Recovery {
  /** Writes a good copy of `relative` in place; returns the backup it came from, or null when none holds one. */
  restore(relative: string): Promise<BackupManifest | null>;
  /** Tells the reader (a notice) that `relative` was moved aside, and whether a backup's copy replaced it. */
  announce(report: RecoveryReport): void;
  /** Tells the reader that the review log's torn last line (a crash mid-append, never acknowledged) was cut off. */
  announceTorn?(file: string, bytes: number): void;
}

/** Writes the newest backup's good copy of `relative` over the (already moved aside) file; null when no backup has one. */
export async function restoreFromBackup(options: RestoreOptions, relative: string): Promise<BackupManifest | null> {
  // A review log segment is not JSON: the backups share its bytes, copied back as they are (backups.ts).
  if (isReviewLogFile(relative))
    return options.backups.restoreLogFile(relative, dataFilePath(options.dataDir, relative));
  const copy = await options.backups.newestGoodCopy(relative, (data) =>
    data !== undefined && options.accept(relative, data) ? data : null,
  );
  if (!copy) return null;
  await writeFileDurably(dataFilePath(options.dataDir, relative), `${JSON.stringify(copy.data, null, 1)}`);
  return copy.backup;
}

/** Opens a store on `relative`; a bad file is moved aside, restored through `recovery`, and announced. */
export async function openRecovering<T extends Versioned>(
  spec: StoreSpec<T>,
  relative: string,
  recovery: Recovery | undefined,
  now: Date,
): Promise<OpenedStore<T>> {
  const opened = await openStore({ ...spec, restore: recovery ? () => recovery.restore(relative) : undefined }, now);
  if (opened.movedAside)
    recovery?.announce({ file: relative, movedTo: opened.movedAside, restoredFrom: opened.restoredFrom ?? null });
  return opened;
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

/** Checks every data file that `skip` does not leave to a store, recovering the bad ones; returns what it did. */
export async function recoverDataFiles(options: RecoveryOptions): Promise<RecoveryReport[]> {
  const files = (await listDataFiles(options.dataDir)).filter((relative) => !options.skip(relative));
  const bad: string[] = [];
  for (const relative of files) if (!(await isGood(options, relative))) bad.push(relative);
  const reports: RecoveryReport[] = [];
  for (const relative of bad) {
    const movedTo = await moveAside(dataFilePath(options.dataDir, relative), options.now());
    reports.push({ file: relative, movedTo, restoredFrom: await restoreFromBackup(options, relative) });
  }
  return reports;
}
