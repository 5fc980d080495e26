/** The browser-mode password file: readable by its owner only, from the moment it exists, and gone when cleared. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from './secret-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lectio-secret-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileSecretStore', () => {
  it('keeps the secret in a 0600 file inside a 0700 folder and reads it back', async () => {
    const store = new FileSecretStore(path.join(dir, 'sync'));
    expect(store.kind).toBe('file');
    expect(await store.load()).toBeNull();
    await store.save('pa55 wörd');
    expect(await store.load()).toBe('pa55 wörd');
    if (process.platform !== 'win32') {
      expect((await stat(store.file)).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(dir, 'sync'))).mode & 0o777).toBe(0o700);
    }
  });

  it('forgets the secret on clear, and clearing twice is fine', async () => {
    const store = new FileSecretStore(path.join(dir, 'sync'));
    await store.save('secret');
    await store.clear();
    await store.clear();
    expect(await store.load()).toBeNull();
  });
});

describe("the sync folder's device files", () => {
  it('are left out of backups: nothing there is a data file', async () => {
    const { listDataFiles } = await import('../storage/data-files');
    const { SyncConfigFile } = await import('./sync-config');
    await new FileSecretStore(path.join(dir, 'sync')).save('secret');
    await new SyncConfigFile(dir).update({ lastSyncAt: '2026-01-01T00:00:00.000Z' });
    expect(await listDataFiles(dir)).toEqual([]);
  });
});
