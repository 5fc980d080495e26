/**
 * A restore cut short by a kill leaves, after a restart, either the library as it was or the backup's, never a mix:
 * browser mode is SIGKILLed the moment the restore starts removing files, restarted on the same folder, and every
 * listed article must have its text on disk and every article on disk must be listed, in one of the two states.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { callApi, mustCall } from '../support/api-client';
import { checkJsonFiles } from '../support/json-files';
import { newDataDir, startServer } from '../support/server';

const BEFORE_BACKUP = 20;
const AFTER_BACKUP = 120;

function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

test('a restore killed part-way is completed or undone at the next start, never left half done', async () => {
  test.setTimeout(180_000);
  const dataDir = newDataDir();
  const first = await startServer(dataDir);
  const inBackup = new Set<string>();
  const later = new Set<string>();
  try {
    for (let i = 0; i < BEFORE_BACKUP; i++)
      inBackup.add(
        (
          await mustCall(first, 'importDocument', {
            text: `Article ${i} from before the backup.`,
            format: 'text',
            title: `Before ${i}`,
          })
        ).id,
      );
    const backup = await mustCall(first, 'createBackup', {});
    for (let i = 0; i < AFTER_BACKUP; i++)
      later.add(
        (
          await mustCall(first, 'importDocument', {
            text: `Article ${i} added after the backup.`,
            format: 'text',
            title: `After ${i}`,
          })
        ).id,
      );
    const everything = new Set([...inBackup, ...later]);
    // The sample article the new library was seeded with is in both states.
    const listedBefore = sorted((await mustCall(first, 'listDocuments', {})).map((doc) => doc.id));
    const sample = listedBefore.filter((id) => !everything.has(id));

    // Watch the later articles' files: the first to go means the restore is changing the library; kill it then.
    const watched = [...later].map((id) => path.join(dataDir, 'documents', `${id}.json`));
    const restoring = callApi(first, 'restoreBackup', { id: backup.id }).catch(() => null);
    const deadline = Date.now() + 60_000;
    while (watched.every((file) => existsSync(file)) && Date.now() < deadline)
      await new Promise((resolve) => setImmediate(resolve));
    first.process.kill('SIGKILL');
    await restoring;
    await first.stop();

    const second = await startServer(dataDir);
    try {
      const listed = sorted((await mustCall(second, 'listDocuments', {})).map((doc) => doc.id));
      const onDisk = sorted(
        readdirSync(path.join(dataDir, 'documents'))
          .filter((name) => name.endsWith('.json'))
          .map((name) => name.slice(0, -'.json'.length)),
      );
      expect(onDisk).toEqual(listed);
      expect([sorted([...sample, ...inBackup]), listedBefore]).toContainEqual(listed);
      for (const id of listed)
        expect((await mustCall(second, 'getDocument', { id })).body.text.length).toBeGreaterThan(0);
      expect(checkJsonFiles(dataDir).unparsable).toEqual([]);
      expect(readdirSync(dataDir).filter((name) => name.startsWith('.restore'))).toEqual([]);
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
  }
});
