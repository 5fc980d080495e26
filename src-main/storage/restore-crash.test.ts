/**
 * A restore stopped at any step, as a crash would stop it, leaves after the next start either the library exactly as
 * it was or exactly the backup's: never documents on disk that the library does not list, never half of each.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFilePath, listDataFiles } from './data-files';
import { LibraryStorage } from './library-storage';
import { RESTORE_JOURNAL, RESTORE_STAGING, type RestoreStep } from './restore-files';
import { fullTestLibrary } from './test-library';

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

class Crash extends Error {}

/** Every data file's bytes, by relative path. */
async function snapshot(dataDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const relative of await listDataFiles(dataDir))
    files.set(relative, readFileSync(dataFilePath(dataDir, relative), 'utf8'));
  return files;
}

/** A library with a backup, then changed: an article added, a note rewritten, a setting changed. */
async function changedSinceBackup() {
  const { api, storage, dataDir, documentId } = await fullTestLibrary();
  opened.push(storage);
  const backup = await api.createBackup({});
  const backupFiles = await snapshot(dataDir);
  await api.importDocument({
    text: 'An article added after the backup, then the restore was cut short.',
    format: 'text',
    title: 'Later',
  });
  await api.setDocumentNote({ documentId, note: 'changed after the backup' });
  await api.updateSettings({ colorLabels: { '1': 'Later', '2': 'A', '3': 'B', '4': 'C', '5': 'D' } });
  return { storage, dataDir, backupId: backup.id, backupFiles, changedFiles: await snapshot(dataDir) };
}

/** Runs the restore, stopping it at the `nth` time `step` is reached; returns whether it was stopped. */
async function restoreStoppedAt(
  storage: LibraryStorage,
  backupId: string,
  step: RestoreStep,
  nth = 1,
): Promise<boolean> {
  let seen = 0;
  const stopped = await storage
    .restoreBackup(backupId, {
      afterStep: (reached) => {
        if (reached === step && ++seen === nth) throw new Crash(step);
      },
    })
    .then(
      () => false,
      (error: unknown) => {
        if (error instanceof Crash) return true;
        throw error;
      },
    );
  storage.close();
  return stopped;
}

function listedMatchesDisk(storage: LibraryStorage): void {
  const listed = storage.documents
    .list()
    .map((doc) => `${doc.id}.json`)
    .sort();
  expect(
    readdirSync(path.join(storage.dataDir, 'documents'))
      .filter((name) => name.endsWith('.json'))
      .sort(),
  ).toEqual(listed);
}

describe('a restore interrupted by a crash', () => {
  it('before its commit: the next start finds the library as it was, and no staging left', async () => {
    const { storage, dataDir, backupId, changedFiles } = await changedSinceBackup();
    expect(await restoreStoppedAt(storage, backupId, 'staged')).toBe(true);
    const reopened = await LibraryStorage.open({ dataDir, now: () => new Date('2026-03-04T06:00:00.000Z') });
    opened.push(reopened);
    expect(await snapshot(dataDir)).toEqual(changedFiles);
    expect(reopened.documents.list().map((doc) => doc.title)).toContain('Later');
    listedMatchesDisk(reopened);
    expect(existsSync(path.join(dataDir, RESTORE_STAGING))).toBe(false);
  });

  const afterCommit: [RestoreStep, number][] = [
    ['committed', 1],
    ['cleared', 1],
    ['placed-one', 1],
    ['placed-one', 3],
    ['placed', 1],
  ];
  it.each(afterCommit)(
    'after its commit (stopped at %s #%i): the next start completes it, exactly the backup',
    async (step, nth) => {
      const { storage, dataDir, backupId, backupFiles } = await changedSinceBackup();
      expect(await restoreStoppedAt(storage, backupId, step, nth)).toBe(true);
      const reopened = await LibraryStorage.open({ dataDir, now: () => new Date('2026-03-04T06:00:00.000Z') });
      opened.push(reopened);
      expect(await snapshot(dataDir)).toEqual(backupFiles);
      expect(reopened.documents.list().map((doc) => doc.title)).not.toContain('Later');
      listedMatchesDisk(reopened);
      expect(existsSync(path.join(dataDir, RESTORE_STAGING))).toBe(false);
      expect(existsSync(path.join(dataDir, RESTORE_JOURNAL))).toBe(false);
      expect(reopened.notices).toContainEqual(
        expect.objectContaining({
          level: 'info',
          message: expect.stringContaining('the restore has now been completed'),
        }),
      );
    },
  );

  it('is not stopped at all: nothing of the staging or journal is left behind', async () => {
    const { storage, dataDir, backupId, backupFiles } = await changedSinceBackup();
    await storage.restoreBackup(backupId);
    expect(await snapshot(dataDir)).toEqual(backupFiles);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.restore'))).toEqual([]);
  });
});
