import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { BackupsState } from './backups.svelte';

afterEach(closeSampleLibraries);

async function backups() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  return { state: new BackupsState(client), client };
}

describe('BackupsState', () => {
  it('loads the library’s backups (none in a new library)', async () => {
    const { state } = await backups();
    expect(state.loading).toBe(true);
    await state.load();
    expect(state.loading).toBe(false);
    expect(state.backups).toEqual([]);
    expect(state.error).toBeNull();
  });

  it('says why the backups could not be listed', async () => {
    const state = new BackupsState(createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })));
    await state.load();
    expect(state.loading).toBe(false);
    expect(state.error).toMatch(/not answering/);
  });

  it('takes a backup now: progress while it runs, then what was saved, and the list shows it', async () => {
    const { state } = await backups();
    const taking = state.backUpNow();
    expect(state.progress).toBe(0);
    await taking;
    expect(state.progress).toBeNull();
    expect(state.status).toBe('Backed up 1 article.');
    expect(state.backups).toHaveLength(1);
    expect(state.backups[0]).toMatchObject({ reason: 'manual', documents: 1 });
  });

  it('a backup cancelled as it starts changes nothing and says so, without an error', async () => {
    const { state } = await backups();
    const taking = state.backUpNow();
    await state.cancelBackup();
    await taking;
    expect(state.error).toBeNull();
    expect(state.status).toBe('Backup cancelled; nothing was changed.');
    expect(state.backups).toEqual([]);
    expect(state.progress).toBeNull();
  });

  it('restores a backup: the library is replaced by it', async () => {
    const { state, client } = await backups();
    await state.backUpNow();
    const id = state.backups[0]?.id ?? '';
    await client.deleteDocument({ id: 'sample' });
    expect(await state.restore(id)).toBe(true);
    expect(state.error).toBeNull();
    expect((await client.listDocuments({})).map((doc) => doc.id)).toEqual(['sample']);
  });

  it('restoring a backup that is not there changes nothing and says why', async () => {
    const { state, client } = await backups();
    expect(await state.restore('2020-01-02T03-04-05-000Z')).toBe(false);
    expect(state.error).toMatch(/no such backup\. Nothing was changed\./);
    expect((await client.listDocuments({})).map((doc) => doc.id)).toEqual(['sample']);
  });

  it('a second backup asked for while one is being taken is refused with the reason; the first is kept', async () => {
    const { state, client } = await backups();
    const other = new BackupsState(client);
    await Promise.all([state.backUpNow(), other.backUpNow()]);
    expect(other.error).toBe('A backup is already being taken.');
    expect(other.status).toBeNull();
    expect(state.status).toBe('Backed up 1 article.');
    expect(state.backups).toHaveLength(1);
  });
});
