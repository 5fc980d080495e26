/**
 * Putting a backup's files in place of the library's, so that a crash at any moment leaves either the library as it
 * was or the backup's, never a mix. The backup's files are first written durably into a hidden staging folder inside
 * the library folder; then a journal naming every step is written durably (the commit point); then current files are
 * moved aside or removed and the staged files renamed into place; then the journal and staging folder go. At the next
 * start, a journal means the switch was under way and it is completed (each step is safe to repeat); staging without a
 * journal means the crash came before the commit, and the staging folder is simply removed.
 *
 * A current file is only ever deleted or overwritten when the safety backup taken just before holds the same bytes;
 * any other (changed since, or unreadable) is moved aside.
 */
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BackupManifest } from './backups';
import { dataFilePath, listDataFiles } from './data-files';
import { fsyncDir, writeFileDurably } from './durable-file';
import { exists, moveAside } from './json-store';
import { copyLogFile, hashFile, isSegmentFile } from './backup-log-files';

/** Hidden names (leading dot), so neither backups nor the data-file checks ever take them for library files. */
export const RESTORE_STAGING = '.restore-staging';
export const RESTORE_JOURNAL = '.restore-journal.json';

interface FileStep {
  path: string;
  sha256: string;
}

interface RestoreJournal {
  schemaVersion: 1;
  backupId: string;
  /** 'clearing': files may still have to be moved aside or removed; 'placing': that is done, only renames remain. */
  phase: 'clearing' | 'placing';
  moveAside: FileStep[];
  remove: FileStep[];
  place: string[];
}

/** Where a restore stands, for tests that stop it between steps as a crash would. */
export type RestoreStep = 'staged' | 'committed' | 'cleared' | 'placed-one' | 'placed';

export interface RestoreHooks {
  /** Called after each step; a throw here stops the restore where a crash would. */
  afterStep?: (step: RestoreStep) => void;
}

/**
 * Replaces the library's data files with `contents` (the verified files of `backupId`); returns the paths of files
 * moved aside instead of replaced. Throws on I/O errors: before the commit the library is untouched, after it the
 * journal lets the next start finish the switch.
 */
export async function replaceDataFiles(
  dataDir: string,
  contents: ReadonlyMap<string, Uint8Array>,
  safety: BackupManifest,
  now: Date,
  backupId = 'a backup',
  hooks: RestoreHooks = {},
  /** The review log's files (not held in memory: a million reviews is hundreds of megabytes), by where their copy is. */
  logFiles: ReadonlyMap<string, string> = new Map(),
): Promise<string[]> {
  const staging = path.join(dataDir, RESTORE_STAGING);
  await rm(staging, { recursive: true, force: true });
  for (const [relative, bytes] of contents) {
    const file = dataFilePath(staging, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileDurably(file, bytes);
  }
  for (const [relative, copy] of logFiles) {
    // Copied, never linked: the open segment is appended to once restored, and the backup's copy must not change.
    const copied = await copyLogFile(copy, dataFilePath(staging, relative), {
      pooled: false,
      segment: isSegmentFile(relative),
    });
    if (copied === null || copied === 'bad') throw new Error(`The backup's copy of ${relative} could not be read.`);
  }
  await fsyncDir(staging);
  hooks.afterStep?.('staged');

  const preserved = new Map(safety.files.map((file) => [file.path, file.sha256]));
  const journal: RestoreJournal = {
    schemaVersion: 1,
    backupId,
    phase: 'clearing',
    moveAside: [],
    remove: [],
    place: [...contents.keys(), ...logFiles.keys()],
  };
  for (const relative of await listDataFiles(dataDir)) {
    // Hashed as a stream: a review segment or an old reviews.json may be far larger than is worth holding.
    const sha = await hashFile(dataFilePath(dataDir, relative)).catch(() => null);
    if (sha === null) continue;
    if (preserved.get(relative) !== sha) journal.moveAside.push({ path: relative, sha256: sha });
    else if (!contents.has(relative)) journal.remove.push({ path: relative, sha256: sha });
  }
  await writeFileDurably(path.join(dataDir, RESTORE_JOURNAL), JSON.stringify(journal));
  hooks.afterStep?.('committed');
  return applyJournal(dataDir, journal, now, hooks);
}

/**
 * Run as the library opens, before anything reads it: completes a restore a crash interrupted after its commit, and
 * removes the staging of one interrupted before it. Returns the id of the backup whose restore was completed, or null.
 */
export async function finishInterruptedRestore(
  dataDir: string,
  now: Date,
): Promise<{ backupId: string; movedAside: string[] } | null> {
  const journal = await readJournal(path.join(dataDir, RESTORE_JOURNAL));
  if (!journal) {
    await rm(path.join(dataDir, RESTORE_STAGING), { recursive: true, force: true });
    return null;
  }
  const movedAside = await applyJournal(dataDir, journal, now, {});
  return { backupId: journal.backupId, movedAside };
}

async function readJournal(file: string): Promise<RestoreJournal | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // The journal is written durably through a temp file, so it is whole or absent; one that is not is a bug to surface.
  const data = JSON.parse(text) as RestoreJournal;
  if (data.schemaVersion !== 1 || !Array.isArray(data.place) || data.place.some((p) => p.split('/').includes('..'))) {
    throw new Error(
      `${RESTORE_JOURNAL} in the library folder is not a restore journal this Lectio can read; remove it to open the library.`,
    );
  }
  return data;
}

/** Each step is safe to repeat: a file is moved aside or removed only while it still holds the bytes the plan saw. */
async function applyJournal(
  dataDir: string,
  journal: RestoreJournal,
  now: Date,
  hooks: RestoreHooks,
): Promise<string[]> {
  const movedAside: string[] = [];
  const journalFile = path.join(dataDir, RESTORE_JOURNAL);
  if (journal.phase === 'clearing') {
    for (const step of journal.moveAside) {
      const file = dataFilePath(dataDir, step.path);
      if ((await hashFile(file).catch(() => null)) === step.sha256) movedAside.push(await moveAside(file, now));
    }
    for (const step of journal.remove) {
      const file = dataFilePath(dataDir, step.path);
      if ((await hashFile(file).catch(() => null)) === step.sha256) await rm(file, { force: true });
    }
    // From here on the files above must not be touched again: a placed file may hold the same bytes as one moved aside.
    journal.phase = 'placing';
    await writeFileDurably(journalFile, JSON.stringify(journal));
    hooks.afterStep?.('cleared');
  }
  const staging = path.join(dataDir, RESTORE_STAGING);
  const touched = new Set<string>();
  for (const relative of journal.place) {
    const staged = dataFilePath(staging, relative);
    if (!(await exists(staged))) continue; // placed before the crash
    const target = dataFilePath(dataDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staged, target);
    touched.add(path.dirname(target));
    hooks.afterStep?.('placed-one');
  }
  for (const dir of touched) await fsyncDir(dir);
  hooks.afterStep?.('placed');
  await rm(journalFile, { force: true });
  await fsyncDir(dataDir);
  await rm(staging, { recursive: true, force: true });
  return movedAside;
}
