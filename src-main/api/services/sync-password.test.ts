/** Settings › Sync learns where the password would go, and why it cannot, before the reader types it. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../analysis/extraction-runner';
import { LibraryStorage } from '../../storage/library-storage';
import { FileSecretStore, type SecretStore } from '../../sync/secret-store';
import { createService } from '../service';

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

async function service(secrets?: SecretStore) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-syncpw-'));
  const now = () => new Date('2026-12-07T10:00:00.000Z');
  const storage = await LibraryStorage.open({ dataDir, now });
  opened.push(storage);
  const options = { storage, host: 'browser' as const, version: 't', now, extraction: inProcessRunner };
  return createService(secrets ? { ...options, secrets } : options);
}

describe('getSyncPasswordStore', () => {
  it('says browser mode keeps the password in its 0600 file, with nothing in the way', async () => {
    expect(await (await service()).getSyncPasswordStore({})).toEqual({ kind: 'file', problem: null });
  });

  it('passes on the host store’s kind, and its reason when it cannot keep a password safely', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-syncpw-store-'));
    const file = new FileSecretStore(dir);
    expect(await (await service(file)).getSyncPasswordStore({})).toEqual({ kind: 'file', problem: null });
    // A store that knows it has no safe place (as the desktop's does without a keychain) says so through the API.
    const refusing: SecretStore = {
      kind: 'os-keychain',
      save: () => Promise.reject(new Error('refused')),
      load: () => Promise.resolve(null),
      clear: () => Promise.resolve(),
      problem: () => Promise.resolve('No keychain here.'),
    };
    expect(await (await service(refusing)).getSyncPasswordStore({})).toEqual({
      kind: 'os-keychain',
      problem: 'No keychain here.',
    });
  });
});
