/**
 * The actor index's layout on disk (storage/actor-index-repository.ts), over a real library with invented articles:
 * a small table of each document's file times with the identities grouped over the documents' names, the summaries of
 * who each document names (read only to find actors or group them again), and one shard per document with its
 * mentions, read only for the dossier that needs it. Built, kept current from the change feed, a damaged or older
 * file rebuilt, the reader's merges and splits honoured, and kept out of backups and the change feed.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageChange } from '../../storage/change-feed';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary } from './test-sample-service';

afterEach(closeSampleLibraries);

const TEXTS = [
  'Foreign Minister Marta Quellen of France met Trade Minister Oren Talvik in Lisbon on 4 March 2024. ' +
    'Quellen said, “We will sign the treaty in June.”',
  'Prime Minister Marta Quellen visited Japan on Monday. Quellen met Oren Talvik again.',
  'Ilse Varnholt of the Harbour Council spoke in Oslo on 2 May 2025. Varnholt said the port would open.',
];

async function library(dataDir?: string) {
  const opened = await openSampleLibrary(dataDir);
  if (dataDir) return { ...opened, ids: [] as string[] };
  const ids: string[] = [];
  for (const [i, text] of TEXTS.entries()) {
    const doc = await opened.api.importDocument({
      text,
      format: 'text',
      title: `Report ${i + 1}`,
      source: 'Northern Herald',
      publishedDate: `2025-0${i + 1}-10`,
    });
    await opened.api.getAnalysis({ id: doc.id });
    ids.push(doc.id);
  }
  return { ...opened, ids };
}

const folderOf = (dataDir: string) => path.join(dataDir, 'actor-index');
const shardOf = (dataDir: string, id: string) => path.join(folderOf(dataDir), `doc-${id}.idx`);
const tableOf = (dataDir: string) => path.join(folderOf(dataDir), 'table.idx');
const summariesOf = (dataDir: string) => path.join(folderOf(dataDir), 'summaries.idx');

interface Table {
  version: number;
  entries: Record<string, { analysed: boolean }>;
  grouping: { fingerprint: string; identities: { key: string; name: string }[] } | null;
  summaries: string | null;
}
interface Summaries {
  token: string;
  docs: Record<string, { actors: { name: string }[] }>;
}
const readTable = (dataDir: string) => JSON.parse(readFileSync(tableOf(dataDir), 'utf8')) as Table;
const readSummaries = (dataDir: string) => JSON.parse(readFileSync(summariesOf(dataDir), 'utf8')) as Summaries;

describe('the actor index on disk', () => {
  it('is a table with the grouped identities and one shard per analysed document, none of it reported or backed up', async () => {
    const { api, storage, dataDir, ids } = await library();
    const changes: StorageChange[] = [];
    storage.changes.onWrite((change) => changes.push(change));
    const dossier = await api.getDossier({ key: 'person:marta-quellen' });
    expect(dossier.documents.map((d) => d.documentId).sort()).toEqual([ids[0], ids[1]].sort());
    closeSampleLibrary(storage);
    const table = readTable(dataDir);
    const summaries = readSummaries(dataDir);
    expect(table.version).toBe(2);
    expect(summaries.token).toBe(table.summaries);
    for (const id of ids) {
      expect(table.entries[id]!.analysed).toBe(true);
      expect(summaries.docs[id]!.actors.map((a) => a.name)).not.toHaveLength(0);
      expect(existsSync(shardOf(dataDir, id))).toBe(true);
    }
    expect(table.grouping!.identities.map((i) => i.key)).toEqual(
      expect.arrayContaining(['person:marta-quellen', 'person:ilse-varnholt']),
    );
    // Derived data: the one-file index of earlier versions is gone, nothing was reported for sync, no backup holds it.
    expect(existsSync(path.join(dataDir, 'actor-index.json'))).toBe(false);
    expect(changes).toEqual([]);
    const again = await library(dataDir);
    const backup = await again.storage.backups.create('manual');
    expect(backup!.files.map((f) => f.path).filter((p) => p.startsWith('actor-index'))).toEqual([]);
  });

  it('answers a new process’s first dossier from the table and that actor’s shards alone', async () => {
    const { api, storage, dataDir, ids } = await library();
    const before = await api.getDossier({ key: 'person:ilse-varnholt' });
    closeSampleLibrary(storage);
    // The summaries and the shards of the documents not naming her are taken away: were they read, they would be
    // built again.
    rmSync(summariesOf(dataDir));
    rmSync(shardOf(dataDir, ids[0]!));
    rmSync(shardOf(dataDir, ids[1]!));
    const again = await library(dataDir);
    expect(await again.api.getDossier({ key: 'person:ilse-varnholt' })).toEqual(before);
    closeSampleLibrary(again.storage);
    expect(existsSync(summariesOf(dataDir))).toBe(false);
    expect(existsSync(shardOf(dataDir, ids[0]!))).toBe(false);
    expect(existsSync(shardOf(dataDir, ids[1]!))).toBe(false);
    // Finding actors reads every document's summary: they are built again from the documents, then kept.
    const third = await library(dataDir);
    expect((await third.api.findActors({ query: 'quellen' }))[0]).toMatchObject({ key: 'person:marta-quellen' });
    closeSampleLibrary(third.storage);
    expect(Object.keys(readSummaries(dataDir).docs).sort()).toEqual([...ids].sort());
    expect(readSummaries(dataDir).token).toBe(readTable(dataDir).summaries);
  });

  it('keeps the identities it grouped until the names change, then groups them again', async () => {
    const { api, storage, dataDir, ids } = await library();
    await api.getDossier({ key: 'person:marta-quellen' });
    closeSampleLibrary(storage);
    // A name changed in the stored grouping only: shown as stored, which proves it was not grouped again.
    const table = readTable(dataDir);
    table.grouping!.identities.find((i) => i.key === 'person:marta-quellen')!.name = 'Stored Grouping';
    writeFileSync(tableOf(dataDir), JSON.stringify(table));
    const again = await library(dataDir);
    expect((await again.api.getDossier({ key: 'person:marta-quellen' })).name).toBe('Stored Grouping');
    // The reader renames an actor in one document: the feed says so, and the identities are grouped anew.
    await again.api.correctAnalysis({
      id: ids[2]!,
      correction: { kind: 'rename', actor: 'person:ilse-varnholt', name: 'Ilse M. Varnholt' },
    });
    expect((await again.api.getDossier({ key: 'person:marta-quellen' })).name).toBe('Marta Quellen');
    expect((await again.api.findActors({ query: 'varnholt' }))[0]!.name).toBe('Ilse M. Varnholt');
  });

  it('brings a document up to date from the change feed: its shard and table entry rewritten', async () => {
    const { api, storage, dataDir, ids } = await library();
    await api.getDossier({ key: 'person:marta-quellen' });
    await api.correctAnalysis({ id: ids[1]!, correction: { kind: 'remove', actor: 'person:marta-quellen' } });
    expect((await api.getDossier({ key: 'person:marta-quellen' })).documents.map((d) => d.documentId)).toEqual([
      ids[0],
    ]);
    closeSampleLibrary(storage);
    const shard = JSON.parse(readFileSync(shardOf(dataDir, ids[1]!), 'utf8')) as { doc: { actors: { id: string }[] } };
    expect(shard.doc.actors.map((a) => a.id)).not.toContain('person:marta-quellen');
    expect(readSummaries(dataDir).docs[ids[1]!]!.actors.map((a) => a.name)).not.toContain('Marta Quellen');
  });

  it('builds again a damaged shard, a damaged table and an index of an older version', async () => {
    const { api, storage, dataDir, ids } = await library();
    const before = await api.getDossier({ key: 'person:marta-quellen' });
    closeSampleLibrary(storage);

    writeFileSync(shardOf(dataDir, ids[0]!), '{"version":2,"stamp":[');
    let again = await library(dataDir);
    expect(await again.api.getDossier({ key: before.key })).toEqual(before);
    closeSampleLibrary(again.storage);
    expect(JSON.parse(readFileSync(shardOf(dataDir, ids[0]!), 'utf8'))).toMatchObject({ version: 2 });

    writeFileSync(tableOf(dataDir), 'not json');
    again = await library(dataDir);
    expect(await again.api.getDossier({ key: before.key })).toEqual(before);
    closeSampleLibrary(again.storage);
    expect(readTable(dataDir).version).toBe(2);

    // An older Lectio's index: the one-file index and a table of version 1. Both are replaced.
    rmSync(folderOf(dataDir), { recursive: true });
    writeFileSync(path.join(dataDir, 'actor-index.json'), JSON.stringify({ version: 1, entries: {} }));
    again = await library(dataDir);
    expect(await again.api.getDossier({ key: before.key })).toEqual(before);
    closeSampleLibrary(again.storage);
    expect(existsSync(path.join(dataDir, 'actor-index.json'))).toBe(false);
    const table = readTable(dataDir);
    table.version = 1;
    table.grouping!.identities = [];
    writeFileSync(tableOf(dataDir), JSON.stringify(table));
    again = await library(dataDir);
    expect(await again.api.getDossier({ key: before.key })).toEqual(before);
    closeSampleLibrary(again.storage);
    expect(readTable(dataDir).version).toBe(2);
    expect(readdirSync(folderOf(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('honours merges and splits over a restart, with the grouping kept on disk', async () => {
    const { api, storage, dataDir, ids } = await library();
    const split = await api.splitActor({
      key: 'person:marta-quellen',
      members: [{ documentId: ids[1]!, actorId: 'person:marta-quellen' }],
    });
    const docsOf = (d: { documents: { documentId: string }[] }) => d.documents.map((doc) => doc.documentId).sort();
    const both = [
      ...docsOf(await api.getDossier({ key: 'person:oren-talvik' })),
      ...docsOf(await api.getDossier({ key: 'person:ilse-varnholt' })),
    ].sort();
    const merged = await api.mergeActors({ key: 'person:ilse-varnholt', into: 'person:oren-talvik' });
    expect(docsOf(merged)).toEqual(both);
    closeSampleLibrary(storage);
    const again = await library(dataDir);
    expect((await again.api.getDossier({ key: split.key })).documents.map((d) => d.documentId)).toEqual([ids[1]]);
    const talvik = await again.api.getDossier({ documentId: ids[2]!, actorId: 'person:ilse-varnholt' });
    expect(docsOf(talvik)).toEqual(both);
    expect(talvik.corrections).toHaveLength(1);
    // Undone in the new process: the stored grouping no longer holds, and the identities part again.
    const undone = await again.api.undoActorCorrection({
      id: talvik.corrections[0]!.id,
      ref: { documentId: ids[2]!, actorId: 'person:ilse-varnholt' },
    });
    expect(undone.documents.map((d) => d.documentId)).toEqual([ids[2]]);
  });
});
