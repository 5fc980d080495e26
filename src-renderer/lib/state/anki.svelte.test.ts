import { afterEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { ExportedFile } from '@contract';
import { FakeAnkiConnect } from '@main/anki/test-anki-connect';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { fileBlob } from '../download';
import { AnkiState, sendSummary } from './anki.svelte';
import { CardsState } from './cards.svelte';
import { DueCountsState } from './due-counts.svelte';

const servers: FakeAnkiConnect[] = [];
afterEach(async () => {
  closeSampleLibraries();
  for (const server of servers.splice(0)) await server.stop();
});

/** The state over the real service, which looks for AnkiConnect at `ankiConnectUrl`; two cards in the library. */
async function anki(ankiConnectUrl: string) {
  const opened = await openSampleLibrary(undefined, undefined, { ankiConnectUrl });
  const client = createApiClient(opened.transport);
  await client.createCard({ kind: 'basic', front: 'Who met in Lisbon?', back: 'The ministers' });
  await client.createCard({ kind: 'cloze', cloze: 'They met in {{c1::Lisbon}}.' });
  return { state: new AnkiState(client), client };
}

async function runningAnki(): Promise<FakeAnkiConnect> {
  const server = new FakeAnkiConnect();
  servers.push(server);
  await server.start();
  return server;
}

describe('AnkiState', () => {
  it('finds AnkiConnect, sends the cards, and on a second send updates nothing and adds nothing', async () => {
    const server = await runningAnki();
    const { state } = await anki(server.url);
    expect(state.available).toBe(false);
    await state.check();
    expect(state.available).toBe(true);
    expect(state.status).toMatchObject({ version: 6, message: '' });
    expect(await state.send()).toMatchObject({ added: 2 });
    expect(state.result).toBe('Sent to Anki: 2 cards added, 0 updated, 0 unchanged');
    expect(server.notes.size).toBe(2);
    await state.send();
    expect(state.result).toBe('Sent to Anki: 0 cards added, 0 updated, 2 unchanged');
    expect(server.notes.size).toBe(2);
    expect(state.sending).toBe(false);
  });

  it('says Anki is not running when nothing answers, and again when it goes away during a send', async () => {
    const server = await runningAnki();
    const { state } = await anki(server.url);
    await state.check();
    expect(state.available).toBe(true);
    await server.stop();
    expect(await state.send()).toBeNull();
    expect(state.available).toBe(false);
    expect(state.status?.message).toMatch(/^Anki is not running, or AnkiConnect is not installed in it\./);
    expect(state.error).toBeNull();
    expect(state.status?.message).toMatch(/install AnkiConnect \(Tools › Add-ons › Get Add-ons…, code 2055492159\)/);
  });

  it('sums up a send in words', () => {
    expect(sendSummary({ added: 1, updated: 2, unchanged: 0, pictures: 1, failed: [] })).toBe(
      'Sent to Anki: 1 card added, 2 updated, 0 unchanged, 1 picture',
    );
  });
});

describe('CardsState.exportApkg', () => {
  it('downloads an Anki package whose bytes survive the trip as base64', async () => {
    const server = await runningAnki();
    const { client } = await anki(server.url);
    const downloaded: ExportedFile[] = [];
    const cards = new CardsState(client, new DueCountsState(client), (file) => downloaded.push(file));
    await cards.load();
    await cards.exportApkg();
    expect(cards.status).toBe('Exported lectio.apkg: in Anki, File › Import (a newer export updates the same notes)');
    const [file] = downloaded;
    expect(file).toMatchObject({ fileName: 'lectio.apkg', encoding: 'base64' });
    const bytes = new Uint8Array(await fileBlob(file as ExportedFile).arrayBuffer());
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['collection.anki2', 'media']);
  });
});
