import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { DossierState } from './dossier.svelte';
import { FIRST, SECOND } from '@main/api/services/test-actor-articles';

afterEach(closeSampleLibraries);

async function dossier() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const ids: string[] = [];
  for (const [text, title, publishedDate] of [
    [FIRST, 'Treaty talks', '2024-03-05'],
    [SECOND, 'A visit', '2025-01-10'],
  ] as const) {
    const doc = await client.importDocument({ text, format: 'text', title, source: 'Herald', publishedDate });
    await client.getAnalysis({ id: doc.id });
    ids.push(doc.id);
  }
  return { state: new DossierState(client), ids };
}

describe('DossierState', () => {
  it('loads an actor’s dossier from a document’s actor', async () => {
    const { state, ids } = await dossier();
    expect(state.loading).toBe(true);
    await state.load({ documentId: ids[0]!, actorId: 'person:marta-quellen' });
    expect(state.loading).toBe(false);
    expect(state.error).toBeNull();
    expect(state.dossier?.name).toBe('Marta Quellen');
    expect(state.dossier?.documents).toHaveLength(2);
    expect(state.dossier?.roles.map((r) => r.role)).toEqual(['Foreign Minister', 'Prime Minister']);
  });

  it('says so when the actor is in no analysed document', async () => {
    const { state } = await dossier();
    await state.load({ key: 'person:nobody-at-all' });
    expect(state.dossier).toBeNull();
    expect(state.error).toMatch(/No actor/);
  });

  it('splits chosen documents off, merges an actor found by name, and undoes', async () => {
    const { state, ids } = await dossier();
    await state.load({ key: 'person:marta-quellen' });
    state.toggle({ documentId: ids[1]!, actorId: 'person:marta-quellen' }, true);
    expect(state.isChosen({ documentId: ids[1]!, actorId: 'person:marta-quellen' })).toBe(true);
    await state.splitChosen();
    expect(state.error).toBeNull();
    expect(state.dossier?.documents.map((d) => d.documentId)).toEqual([ids[0]]);
    expect(state.splitOff).toMatchObject({
      name: 'Marta Quellen',
      documents: 1,
      ref: { documentId: ids[1], actorId: 'person:marta-quellen' },
    });
    expect(state.shownRef).toEqual({ documentId: ids[0], actorId: 'person:marta-quellen' });
    expect(state.status).toMatch(/One document is now a separate “Marta Quellen”/);
    expect(state.chosen).toEqual([]);

    await state.findCandidates('quel');
    expect(state.candidates).toHaveLength(1);
    expect(state.candidates[0]?.key).toBe(state.splitOff?.key);
    await state.findCandidates('japan');
    expect(state.candidates).toEqual([]);
    await state.findCandidates('quel');
    await state.mergeWith(state.candidates[0]!);
    expect(state.dossier?.documents).toHaveLength(2);
    expect(state.status).toMatch(/Merged/);
    expect(state.dossier?.corrections).toHaveLength(2);

    await state.undo(state.dossier!.corrections[1]!.id);
    expect(state.dossier?.documents).toHaveLength(1);
    expect(state.status).toBe('Undone.');
  });
});
