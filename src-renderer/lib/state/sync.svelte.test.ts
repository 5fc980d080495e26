import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { SyncState } from './sync.svelte';

afterEach(closeSampleLibraries);

async function sync() {
  const opened = await openSampleLibrary();
  return { state: new SyncState(createApiClient(opened.transport)), dataDir: opened.dataDir };
}

describe('SyncState', () => {
  it('loads the status of a device that never synced: off, in plain words, with its device id', async () => {
    const { state } = await sync();
    await state.load();
    expect(state.error).toBeNull();
    expect(state.status).toMatchObject({ configured: false, state: 'off', url: null, pending: 0, conflicts: 0 });
    expect(state.status?.message).toMatch(/off/i);
    expect(state.status?.deviceId).toMatch(/\S/);
    expect(state.passwordStore).toEqual({ kind: 'file', problem: null });
  });

  it('refuses plain http to another machine, says why, and saves nothing', async () => {
    const { state, dataDir } = await sync();
    await state.load();
    const connected = await state.connect({
      url: 'http://couch.example.org:5984',
      database: 'lectio',
      username: 'ana',
      password: 'secret',
      live: false,
    });
    expect(connected).toBe(false);
    expect(state.saved).toBe(false);
    expect(state.error).toMatch(/only allowed to this machine/);
    expect(state.error).not.toContain('secret');
    await state.load();
    expect(state.status?.configured).toBe(false);
    expect(existsSync(path.join(dataDir, 'sync', 'credentials.secret'))).toBe(false);
  });

  it('stops syncing a device that was never set up without harm: still off', async () => {
    const { state } = await sync();
    await state.stop();
    expect(state.error).toBeNull();
    expect(state.status).toMatchObject({ configured: false, state: 'off' });
  });
});
