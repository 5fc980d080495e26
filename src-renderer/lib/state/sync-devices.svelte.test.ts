/**
 * The Sync screens' states over two real devices (two services on their own library folders) and a real
 * CouchDB-protocol server in this process: connecting, Sync now's counts, a conflict listed with both texts and
 * settled by the reader's choice, which then reaches the other device.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LectioApi } from '@contract';
import { dispatch } from '@main/api/dispatch';
import { sampleText } from '@main/api/services/test-sample-service';
import { closeDevices, openDevice, type Device } from '@main/sync/test-devices';
import { TEST_PASSWORD, TEST_USER, startTestCouchServer, type TestCouchServer } from '@main/sync/test-couch-server';
import { createApiClient } from '../api-client.svelte';
import { SyncConflictsState, joinVersions } from './sync-conflicts.svelte';
import { SyncState } from './sync.svelte';

let server: TestCouchServer;
let database = 0;
beforeAll(async () => {
  server = await startTestCouchServer();
});
afterAll(async () => {
  await server.stop();
});
afterEach(closeDevices);

/** The screen's client for a device, through dispatch as the hosts call it (validation, typed errors). */
function client(device: Device): LectioApi {
  return createApiClient(async (method, input) =>
    structuredClone(await dispatch(device.api, method, structuredClone(input))),
  );
}

async function connected(name: string, db: string): Promise<{ device: Device; sync: SyncState }> {
  const device = await openDevice(name);
  const sync = new SyncState(client(device));
  await sync.load();
  const ok = await sync.connect({
    url: server.url,
    database: db,
    username: TEST_USER,
    password: TEST_PASSWORD,
    live: false,
  });
  expect(ok, sync.error ?? '').toBe(true);
  return { device, sync };
}

const phrase = sampleText.split(/\s+/).slice(0, 4).join(' ');

describe('Sync screens over two devices', () => {
  it('connects, shows Saved and never the password, and counts what Sync now sent and received', async () => {
    const db = `ui-${++database}`;
    const desk = await connected('desk', db);
    expect(desk.sync.saved).toBe(true);
    expect(desk.sync.status).toMatchObject({ configured: true, url: server.url, database: db, username: TEST_USER });
    expect(JSON.stringify(desk.sync.status)).not.toContain(TEST_PASSWORD);
    const laptop = await connected('laptop', db);

    const start = sampleText.indexOf(phrase);
    await desk.device.api.createHighlight({ documentId: 'sample', start, end: start + phrase.length, color: 1 });
    await desk.sync.syncNow();
    expect(desk.sync.error).toBeNull();
    expect(desk.sync.lastRun?.sent).toBeGreaterThan(0);
    expect(desk.sync.status?.lastSyncAt).not.toBeNull();
    await laptop.sync.syncNow();
    expect(laptop.sync.lastRun?.received).toBeGreaterThan(0);
    expect((await laptop.device.api.getAnnotations({ documentId: 'sample' })).highlights).toHaveLength(1);

    // Live sync on and off from the screen; then "Stop syncing this device" forgets the server and the password
    // and leaves the library as it was.
    await laptop.sync.setLive(true);
    expect(laptop.sync.status).toMatchObject({ live: true, configured: true });
    await laptop.sync.setLive(false);
    expect(laptop.sync.status?.live).toBe(false);
    await laptop.sync.stop();
    expect(laptop.sync.error).toBeNull();
    expect(laptop.sync.status).toMatchObject({ configured: false, state: 'off', url: null, username: null });
    expect(existsSync(path.join(laptop.device.dataDir, 'sync', 'credentials.secret'))).toBe(false);
    expect((await laptop.device.api.getAnnotations({ documentId: 'sample' })).highlights).toHaveLength(1);
  });

  it('a wrong password is refused in plain words and nothing is saved', async () => {
    const device = await openDevice('desk');
    const sync = new SyncState(client(device));
    await sync.load();
    const ok = await sync.connect({
      url: server.url,
      database: 'ui-x',
      username: TEST_USER,
      password: 'wrong',
      live: false,
    });
    expect(ok).toBe(false);
    expect(sync.error).toBe('Wrong user name or password.');
    await sync.load();
    expect(sync.status?.configured).toBe(false);
  });

  it('lists a note edited on both devices with both texts, and the reader’s choice settles it on both', async () => {
    const db = `ui-${++database}`;
    const desk = await connected('desk', db);
    const laptop = await connected('laptop', db);
    const start = sampleText.indexOf(phrase);
    const made = await desk.device.api.createHighlight({
      documentId: 'sample',
      start,
      end: start + phrase.length,
      color: 1,
    });
    await desk.sync.syncNow();
    await laptop.sync.syncNow();
    await desk.device.api.updateHighlight({ documentId: 'sample', id: made.id, note: 'From the desk.' });
    await laptop.device.api.updateHighlight({ documentId: 'sample', id: made.id, note: 'From the laptop.' });
    await desk.sync.syncNow();
    await laptop.sync.syncNow();
    expect(laptop.sync.status?.conflicts).toBe(1);

    const conflicts = new SyncConflictsState(client(laptop.device));
    await conflicts.load();
    expect(conflicts.conflicts).toHaveLength(1);
    const [conflict] = conflicts.conflicts;
    expect(conflict?.quote).toBe(phrase);
    expect(conflict?.versions.map((version) => version.text).sort()).toEqual(['From the desk.', 'From the laptop.']);
    expect(conflict?.versions.map((version) => conflicts.deviceName(version.device)).sort()).toEqual([
      'Another device',
      'This device',
    ]);

    // Keep both: the two texts joined, newest first; the conflict leaves the list once stored.
    const both = joinVersions(conflict ?? { versions: [] });
    expect(await conflicts.resolve(conflict?.id ?? '', both)).toBe(true);
    expect(conflicts.conflicts).toEqual([]);
    expect((await laptop.device.api.getAnnotations({ documentId: 'sample' })).highlights[0]?.note).toBe(both);
    await laptop.sync.syncNow();
    await desk.sync.syncNow();
    expect((await desk.device.api.getAnnotations({ documentId: 'sample' })).highlights[0]?.note).toBe(both);
    expect(desk.sync.status?.conflicts).toBe(0);
  });
});
