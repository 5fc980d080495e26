/**
 * The Library's filter shared with the search dialog, over the real service: what the Library's organisation state
 * puts there as it loads and changes its view, whether it filters anything, and a search kept to it.
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryFilter } from '@contract';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { filters, libraryFilter } from './library-view.svelte';
import { OrganiseState } from './organise.svelte';

beforeEach(() => {
  // One shared object for the whole app: each test starts as the app does, before the Library has loaded.
  libraryFilter.current = null;
  libraryFilter.label = '';
});
afterEach(closeSampleLibraries);

/** A library holding the sample and a second article, with its organisation state. */
async function library() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const harbour = await client.importDocument({
    text: 'The harbour council met on Tuesday to discuss North Korea trade.',
    format: 'text',
    title: 'Harbour',
  });
  return { client, harbour, state: new OrganiseState(client) };
}

describe('filters', () => {
  it('is false before the Library has loaded and for the default view, which hides only the archive', () => {
    expect(filters(null)).toBe(false);
    expect(filters({})).toBe(false);
    expect(filters({ collection: null, tag: null, source: null, progress: null, due: false, archived: false })).toBe(
      false,
    );
    expect(filters({ collection: '', tag: '', source: '' })).toBe(false);
  });

  it('is true when any part of the filter leaves documents out', () => {
    const narrowing: LibraryFilter[] = [
      { collection: 'c1' },
      { tag: 'korea' },
      { source: 'Donga' },
      { progress: 'unread' },
      { due: true },
      { archived: true },
    ];
    for (const filter of narrowing) expect(filters(filter), JSON.stringify(filter)).toBe(true);
  });
});

describe('libraryFilter', () => {
  it('is null until the Library loads, then the remembered default view, which filters nothing', async () => {
    const { state } = await library();
    expect(libraryFilter.current).toBeNull();
    await state.load();
    expect(libraryFilter).toEqual({ current: {}, label: '' });
    expect(filters(libraryFilter.current)).toBe(false);
  });

  it('holds the remembered filter and names it in words; a search kept to it finds only what the Library shows', async () => {
    const { client, harbour, state } = await library();
    const week = await client.createCollection({ name: 'Week 3' });
    await client.organiseDocuments({ ids: [harbour.id], addTags: ['Korea'], addToCollection: week.id });
    await client.setLibraryView({
      view: { sort: 'title', direction: 'asc', filter: { collection: week.id, tag: 'korea' } },
    });
    await state.load();
    expect(libraryFilter.current).toEqual({ collection: week.id, tag: 'korea' });
    expect(libraryFilter.label).toBe('collection Week 3, #korea');
    expect(filters(libraryFilter.current)).toBe(true);

    // Both articles mention North Korea; the search in the Library's view finds the one it shows.
    expect(new Set((await client.search({ query: 'North Korea' })).hits.map((hit) => hit.documentId))).toEqual(
      new Set(['sample', harbour.id]),
    );
    const inView = (await client.search({ query: 'North Korea', filter: libraryFilter.current ?? {} })).hits;
    expect(new Set(inView.map((hit) => hit.documentId))).toEqual(new Set([harbour.id]));
  });

  it('follows each change of the view at once, as a copy the search dialog can keep', async () => {
    const { state } = await library();
    await state.load();
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(filters(libraryFilter.current) ? libraryFilter.label : '(all)');
      });
    });
    flushSync();
    await state.filterBy({ archived: true, progress: 'finished', source: 'Donga' });
    flushSync();
    await state.filterBy({ due: true, archived: false, progress: null, source: null });
    flushSync();
    await state.filterBy({ due: false });
    flushSync();
    stop();
    expect(seen).toEqual(['(all)', 'archived, source Donga, finished', 'with due cards', '(all)']);

    const shared = libraryFilter.current as LibraryFilter;
    shared.tag = 'changed by the dialog';
    expect(state.view.filter.tag).toBeUndefined();
    await state.flushView();
  });

  it('stays as it was when the Library cannot load its view (the server gone), so a search is not narrowed', async () => {
    const offline = new OrganiseState(
      createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })),
    );
    await offline.load();
    expect(offline.error).toMatch(/local server is not answering/);
    expect(libraryFilter).toEqual({ current: null, label: '' });
    expect(filters(libraryFilter.current)).toBe(false);
  });
});
