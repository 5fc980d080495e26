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
});
