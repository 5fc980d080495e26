/** The Library's organisation state over the real service: the selection's ranges, and delete with Undo. */
import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { OrganiseState } from './organise.svelte';

afterEach(closeSampleLibraries);

async function organised() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const ids: string[] = ['sample'];
  for (const title of ['One', 'Two', 'Three'])
    ids.push((await client.importDocument({ text: `${title} article text.`, format: 'text', title })).id);
  const state = new OrganiseState(client);
  await state.load();
  return { state, client, ids, shown: ids.map((id) => ({ id })) };
}

describe('OrganiseState', () => {
  it('selects a range with shift, from the last box toggled, and unselects one the same way', async () => {
    const { state, shown, ids } = await organised();
    state.toggle(ids[0] as string, shown, false);
    state.toggle(ids[2] as string, shown, true);
    expect([...state.selected]).toEqual(ids.slice(0, 3));
    state.toggle(ids[1] as string, shown, true);
    expect([...state.selected]).toEqual([ids[0]]);
  });

  it('deletes the selection with Undo, and the Undo brings the documents back whole', async () => {
    const { state, client, ids, shown } = await organised();
    await state.organise({ addTags: ['Kept'] }, [ids[1] as string]);
    state.selectAll(shown.slice(1, 3), true);
    expect(await state.deleteDocuments([...state.selected])).toEqual(ids.slice(1, 3));
    expect(state.deleted.map((d) => d.title)).toEqual(['One', 'Two']);
    expect((await client.listDocuments({})).map((d) => d.title)).not.toContain('One');
    const restored = await state.undoDelete();
    expect(restored.map((d) => d.title)).toEqual(['One', 'Two']);
    expect(state.deleted).toEqual([]);
    expect((await client.getOrganisation({})).documents[ids[1] as string]?.tags).toEqual(['kept']);
  });

  it('purges when the Undo lapses, and reports a failure instead of throwing', async () => {
    const { state, client, ids } = await organised();
    await state.deleteDocuments([ids[3] as string]);
    await state.purge();
    expect((await client.getOrganisation({})).deleted).toEqual([]);
    expect(await state.organise({ archived: true }, ['missing'])).toBe(false);
    expect(state.error).toMatch(/missing/);
  });

  it('refreshes what arrived from elsewhere and keeps the sort, the filter and the selection on screen', async () => {
    const { state, client, ids, shown } = await organised();
    await state.setView({ ...state.view, sort: 'title' });
    await state.loadDue();
    const dueBefore = state.due;
    state.selectAll(shown.slice(0, 2), true);
    // Another device's changes, as sync applies them: a collection, a tag, and a document gone.
    const week = await client.createCollection({ name: 'Week 3' });
    await client.organiseDocuments({ ids: [ids[2] as string], addTags: ['Harbour'], addToCollection: week.id });
    await state.refresh();
    expect(state.collections.map((c) => c.name)).toEqual(['Week 3']);
    expect(state.of(ids[2] as string)).toMatchObject({ tags: ['harbour'], collections: [week.id] });
    expect(state.view.sort).toBe('title');
    // The due counts are asked for again (cards may have arrived with the documents).
    expect(state.due).not.toBe(dueBefore);
    expect(state.due).toEqual(await client.getDueByDocument({}));
    expect([...state.selected]).toEqual(ids.slice(0, 2));
    state.keepSelected(new Set(ids.slice(1)));
    expect([...state.selected]).toEqual([ids[1]]);
  });
});
