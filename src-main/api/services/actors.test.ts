/**
 * Actors across the library, over a real library on disk with invented articles: one dossier across documents (roles
 * with their date and source, mentions with their sentences, companions, quotations), the reader's corrections in a
 * document honoured, finding actors by name, merges and splits across documents (stored, reported, undone, kept over
 * a restart), and the persisted index rebuilt when missing.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageChange } from '../../storage/change-feed';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary } from './test-sample-service';
import { FIRST, SECOND, THIRD } from './test-actor-articles';

afterEach(closeSampleLibraries);

async function library(dataDir?: string) {
  const opened = await openSampleLibrary(dataDir);
  const { api } = opened;
  const add = async (text: string, title: string, source: string, publishedDate: string) => {
    const doc = await api.importDocument({ text, format: 'text', title, source, publishedDate });
    await api.getAnalysis({ id: doc.id });
    return doc.id;
  };
  if (dataDir) return { ...opened, first: '', second: '', third: '' };
  const first = await add(FIRST, 'Treaty talks', 'Northern Herald', '2024-03-05');
  const second = await add(SECOND, 'A visit', 'Coastal Times', '2025-01-10');
  const third = await add(THIRD, 'Plans', 'Coastal Times', '2025-02-01');
  return { ...opened, first, second, third };
}

describe('dossier', () => {
  it('follows one person across documents: roles with date and source, mentions, companions, quotations', async () => {
    const { api, first, second } = await library();
    const dossier = await api.getDossier({ documentId: first, actorId: 'person:marta-quellen' });
    expect(dossier).toMatchObject({ key: 'person:marta-quellen', name: 'Marta Quellen', kind: 'person' });
    expect(dossier.roles.map((r) => [r.role, r.date, r.source])).toEqual([
      ['Foreign Minister', '2024-03-05', 'Northern Herald'],
      ['Prime Minister', '2025-01-10', 'Coastal Times'],
    ]);
    expect(dossier.documents.map((d) => d.documentId)).toEqual([second, first]);
    const mentions = dossier.documents.flatMap((d) => d.mentions);
    expect(dossier.mentionCount).toBe(mentions.length);
    expect(mentions.length).toBeGreaterThanOrEqual(4);
    for (const m of mentions) {
      expect(m.sentence.length).toBeGreaterThan(0);
      expect(m.start).toBeGreaterThanOrEqual(m.sentenceStart);
    }
    expect(dossier.documents[1]!.mentions[0]!.sentence).toContain('Foreign Minister Marta Quellen of France');
    expect(dossier.companions[0]).toMatchObject({ name: 'Oren Talvik', documents: 2 });
    expect(dossier.companions.map((c) => c.name)).toEqual(expect.arrayContaining(['Japan', 'France']));
    expect(dossier.quotes.map((q) => q.quote).sort()).toEqual(['The treaty holds', 'We will sign the treaty in June']);
    // The same dossier by its key.
    expect((await api.getDossier({ key: dossier.key })).mentionCount).toBe(dossier.mentionCount);
  });

  it('honours the reader’s corrections in a document, at once', async () => {
    const { api, first, second } = await library();
    await api.correctAnalysis({
      id: second,
      correction: { kind: 'drop-role', actor: 'person:marta-quellen', role: 'Prime Minister' },
    });
    const dossier = await api.getDossier({ documentId: first, actorId: 'person:marta-quellen' });
    expect(dossier.roles.map((r) => r.role)).toEqual(['Foreign Minister']);
    // Renamed in one document: the dossier shows the new name among its names, still joined by the text's forms.
    await api.correctAnalysis({
      id: second,
      correction: { kind: 'rename', actor: 'person:marta-quellen', name: 'Marta L. Quellen' },
    });
    const renamed = await api.getDossier({ documentId: first, actorId: 'person:marta-quellen' });
    expect([renamed.name, ...renamed.aliases]).toContain('Marta L. Quellen');
    expect(renamed.documents.find((d) => d.documentId === second)?.actorName).toBe('Marta L. Quellen');
    // Removed from one document: that document leaves the dossier.
    await api.correctAnalysis({ id: second, correction: { kind: 'remove', actor: 'person:marta-quellen' } });
    const removed = await api.getDossier({ documentId: first, actorId: 'person:marta-quellen' });
    expect(removed.documents.map((d) => d.documentId)).toEqual([first]);
  });

  it('fails with not-found for an actor in no analysed document', async () => {
    const { api, first } = await library();
    await expect(api.getDossier({ documentId: first, actorId: 'person:nobody' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(api.getDossier({ key: 'person:nobody' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('findActors', () => {
  it('finds actors by the start of a word of their name or an alias, most mentioned first', async () => {
    const { api } = await library();
    const found = await api.findActors({ query: 'quel' });
    expect(found[0]).toMatchObject({ key: 'person:marta-quellen', documents: 2 });
    expect((await api.findActors({ query: 'brindle' })).map((a) => a.name).sort()).toEqual([
      'John Brindle',
      'Sara Brindle',
    ]);
    expect(await api.findActors({ query: 'rindle' })).toEqual([]);
    expect(await api.findActors({ query: '  ' })).toEqual([]);
  });
});

describe('merges and splits across documents', () => {
  it('splits documents out and merges them back, stored, reported on the change feed, undone, kept over a restart', async () => {
    const { api, storage, dataDir, first, second } = await library();
    const changes: StorageChange[] = [];
    storage.changes.onWrite((change) => changes.push(change));
    const split = await api.splitActor({
      key: 'person:marta-quellen',
      members: [{ documentId: second, actorId: 'person:marta-quellen' }],
    });
    expect(split.documents.map((d) => d.documentId)).toEqual([second]);
    expect(split.key).not.toBe('person:marta-quellen');
    expect(split.corrections).toHaveLength(1);
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'library-actor-correction', documentId: null, op: 'put' }),
    );
    const rest = await api.getDossier({ documentId: first, actorId: 'person:marta-quellen' });
    expect(rest.documents.map((d) => d.documentId)).toEqual([first]);
    // Merged back across documents.
    const merged = await api.mergeActors({ key: split.key, into: rest.key });
    expect(merged.documents).toHaveLength(2);
    expect(merged.corrections).toHaveLength(2);
    // Undo the merge: apart again.
    const undone = await api.undoActorCorrection({
      id: merged.corrections[1]!.id,
      ref: { documentId: first, actorId: 'person:marta-quellen' },
    });
    expect(undone.documents).toHaveLength(1);
    const file = JSON.parse(readFileSync(path.join(dataDir, 'library-actors.json'), 'utf8')) as {
      corrections: unknown[];
    };
    expect(file.corrections).toHaveLength(1);
    // After a restart the split still holds.
    closeSampleLibrary(storage);
    const again = await library(dataDir);
    const after = await again.api.getDossier({ documentId: second, actorId: 'person:marta-quellen' });
    expect(after.documents.map((d) => d.documentId)).toEqual([second]);
  });

  it('refuses a merge across kinds, a merge with itself and a split of every document', async () => {
    const { api, first, second } = await library();
    await expect(api.mergeActors({ key: 'country:japan', into: 'person:marta-quellen' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(api.mergeActors({ key: 'country:japan', into: 'country:japan' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(
      api.splitActor({
        key: 'person:marta-quellen',
        members: [
          { documentId: first, actorId: 'person:marta-quellen' },
          { documentId: second, actorId: 'person:marta-quellen' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('the actor index', () => {
  it('is kept on disk and rebuilt when missing', async () => {
    const { api, storage, dataDir, first } = await library();
    const before = await api.getDossier({ documentId: first, actorId: 'person:marta-quellen' });
    const folder = path.join(dataDir, 'actor-index');
    // Saved shortly after a read, or at the latest when the library closes.
    closeSampleLibrary(storage);
    expect(existsSync(path.join(folder, 'table.idx'))).toBe(true);
    rmSync(folder, { recursive: true });
    const again = await library(dataDir);
    expect(await again.api.getDossier({ key: before.key })).toEqual(before);
    closeSampleLibrary(again.storage);
    expect(existsSync(path.join(folder, 'table.idx'))).toBe(true);
  });

  it('indexes again a document whose corrections changed while the index was not looking', async () => {
    const { api, storage, dataDir, second } = await library();
    await api.correctAnalysis({ id: second, correction: { kind: 'confirm-actor', actor: 'person:marta-quellen' } });
    expect((await api.getDossier({ key: 'person:marta-quellen' })).documents).toHaveLength(2);
    closeSampleLibrary(storage);
    // Changed on disk while Lectio was closed (an older Lectio, a synced copy): only the file's time says so.
    const annotations = path.join(dataDir, 'annotations', `${second}.json`);
    const data = JSON.parse(readFileSync(annotations, 'utf8')) as { corrections: { removed: string[] } };
    data.corrections.removed.push('person:marta-quellen');
    writeFileSync(annotations, JSON.stringify(data));
    const again = await library(dataDir);
    const dossier = await again.api.getDossier({ key: 'person:marta-quellen' });
    expect(dossier.documents.map((d) => d.documentId)).not.toContain(second);
    expect(dossier.documents).toHaveLength(1);
  });
});
