import { afterEach, describe, expect, it } from 'vitest';
import type { CardView, ExportedFile } from '@contract';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { CardsState, matches, type CardFilters } from './cards.svelte';
import { DueCountsState } from './due-counts.svelte';

afterEach(closeSampleLibraries);

/** The Cards screen's state over the real service, with the app's due count; what it exports lands in `downloaded`. */
async function cards() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const due = new DueCountsState(client);
  const downloaded: ExportedFile[] = [];
  const state = new CardsState(client, due, (file) => downloaded.push(file));
  return { state, client, due, downloaded };
}

const basic = (front: string, back = 'An answer', tags: string[] = []) => ({
  kind: 'basic' as const,
  front,
  back,
  tags,
});

describe('CardsState', () => {
  it('loads the cards, their statistics, the scheduling settings and colour labels, and sets the due count', async () => {
    const { state, client, due } = await cards();
    await client.createCard(basic('Who met in Lisbon?'));
    expect(state.loading).toBe(true);
    await state.load();
    expect(state.loading).toBe(false);
    expect(state.cards.map((view) => view.card.front)).toEqual(['Who met in Lisbon?']);
    expect(state.stats?.total).toBe(1);
    expect(state.settings?.newPerDay).toBe(20);
    expect(state.labels?.['1']).toBe('Key point');
    expect(due.counts).toMatchObject({ fresh: 1 });
  });

  it('says why the cards could not be loaded', async () => {
    const client = createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() }));
    const state = new CardsState(client, new DueCountsState(client));
    await state.load();
    expect(state.loading).toBe(false);
    expect(state.error).toMatch(/not answering/);
    expect(state.cards).toEqual([]);
  });

  it('adds a card by hand, with an undo that deletes it; a card without a question is refused', async () => {
    const { state, client, due } = await cards();
    await state.load();
    expect(await state.create(basic('What did they agree?'))).toBe(true);
    expect(state.status).toBe('Card added');
    expect(state.canUndo).toBe(true);
    expect(state.stats?.total).toBe(1);
    expect(due.counts?.fresh).toBe(1);
    await state.undo();
    expect(state.status).toBe('Undid: new card');
    expect(state.cards).toEqual([]);
    expect(await client.listCards({})).toEqual([]);
    expect(state.stats?.total).toBe(0);

    expect(await state.create(basic(''))).toBe(false);
    expect(state.error).toBe('A basic card needs a question on its front.');
    expect(state.cards).toEqual([]);
  });

  it('edits a card; edits of its text share one undo, a suspension has its own', async () => {
    const { state, client } = await cards();
    await state.load();
    await state.create(basic('Who met?'));
    const id = state.cards[0]?.card.id ?? '';
    await state.update(id, { front: 'Who met in' });
    await state.update(id, { front: 'Who met in Lisbon?' });
    expect(state.status).toBe('Card saved');
    await state.update(id, { suspended: true }, 'suspend');
    expect(state.status).toBe('Card suspended');
    expect(state.cards[0]?.card).toMatchObject({ front: 'Who met in Lisbon?', suspended: true });
    await state.undo();
    expect(state.cards[0]?.card).toMatchObject({ front: 'Who met in Lisbon?', suspended: false });
    await state.undo();
    expect(state.cards[0]?.card.front).toBe('Who met?');
    expect((await client.listCards({}))[0]?.card.front).toBe('Who met?');
  });

  it('an edit of a card that is gone resolves false with the reason', async () => {
    const { state, client } = await cards();
    await state.load();
    await state.create(basic('Who met?'));
    const id = state.cards[0]?.card.id ?? '';
    expect(await state.update('nowhere', { front: 'x' })).toBe(false);
    await client.deleteCard({ id });
    expect(await state.update(id, { front: 'Edited' })).toBe(false);
    expect(state.error).toBe(`There is no card ${id}; it may have been deleted.`);
    expect(state.cards[0]?.card.front).toBe('Who met?');
  });

  it('deletes a card; Undo restores it, schedule and all', async () => {
    const { state, client } = await cards();
    await state.load();
    await state.create(basic('Who met?'));
    const before = state.cards[0] as CardView;
    await state.remove(before.card.id);
    expect(state.status).toBe('Card deleted');
    expect(state.cards).toEqual([]);
    await state.undo();
    expect(state.cards).toEqual([expect.objectContaining({ card: before.card, schedule: before.schedule })]);
    expect((await client.listCards({})).map((view) => view.card.id)).toEqual([before.card.id]);
  });

  it('an Undo pressed while a delete is still saving undoes that delete', async () => {
    const { state, client } = await cards();
    await state.load();
    await state.create(basic('Who met?'));
    const id = state.cards[0]?.card.id ?? '';
    const deleting = state.remove(id);
    await state.undo();
    await deleting;
    expect(state.status).toBe('Undid: delete');
    expect((await client.listCards({})).map((view) => view.card.id)).toEqual([id]);
  });

  it('deleting a card that is gone sets the error and keeps the undo as it was', async () => {
    const { state } = await cards();
    await state.load();
    await state.remove('nowhere');
    expect(state.error).toBe('There is no card nowhere; it may have been deleted.');
    expect(state.canUndo).toBe(false);
    await state.undo();
    expect(state.status).toBe('');
  });

  it('filters the browser by text, tag and due state, and lists the articles and tags of its cards', async () => {
    const { state } = await cards();
    await state.load();
    await state.create(basic('Who met in Lisbon?', 'The ministers', ['politics']));
    await state.create(basic('When was the plan agreed?', 'Monday', ['dates']));
    const id = state.cards.find((view) => view.card.front.startsWith('Who'))?.card.id ?? '';
    await state.update(id, { suspended: true }, 'suspend');
    expect(state.tags).toEqual(['dates', 'politics']);
    expect(state.documents).toEqual([]);
    state.filters.query = 'lisbon';
    expect(state.shown.map((view) => view.card.front)).toEqual(['Who met in Lisbon?']);
    state.filters = { query: '', documentId: '', tag: 'dates', color: null, due: 'all' };
    expect(state.shown.map((view) => view.card.front)).toEqual(['When was the plan agreed?']);
    state.filters = { query: '', documentId: '', tag: '', color: null, due: 'suspended' };
    expect(state.shown.map((view) => view.card.id)).toEqual([id]);
    state.filters = { query: '', documentId: '-', tag: '', color: null, due: 'new' };
    expect(state.shown.map((view) => view.card.front)).toEqual(['When was the plan agreed?']);
  });

  it('“due” is what the review queue holds now, as the due count says', async () => {
    const { state } = await cards();
    await state.load();
    await state.create(basic('Who met?'));
    const view = state.cards[0] as CardView;
    const filters: CardFilters = { query: '', documentId: '', tag: '', color: null, due: 'due' };
    expect(matches(view, filters, new Set())).toBe(false);
    expect(matches(view, { ...filters, due: 'new' }, new Set())).toBe(true);
  });

  it('exports the cards for Anki and downloads the file; imports them back with a report', async () => {
    const { state, client, downloaded } = await cards();
    await state.load();
    await state.create(basic('Who met in Lisbon?', 'The ministers'));
    await state.exportAnki();
    expect(state.status).toBe('Exported lectio-anki.txt: in Anki, File › Import');
    const file = downloaded[0]?.content ?? '';
    expect(file).toContain('Who met in Lisbon?');
    await client.deleteCard({ id: state.cards[0]?.card.id ?? '' });
    const report = await state.importAnki(file);
    expect(report).toMatchObject({ created: 1, errors: [] });
    expect(state.status).toBe('Imported: 1 new, 0 updated, 0 unchanged');
    expect(state.cards.map((view) => view.card.front)).toEqual(['Who met in Lisbon?']);
  });

  it('an import’s lines that cannot be read are counted as skipped, with their reasons', async () => {
    const { state } = await cards();
    await state.load();
    await state.importAnki('garbage');
    expect(state.status).toBe(
      'Imported: 0 new, 0 updated, 0 unchanged; 1 skipped: Line 1: A basic card needs an answer on its back.',
    );
  });

  it('saves the scheduling settings; settings the service refuses set the error and keep the stored ones', async () => {
    const { state, client } = await cards();
    await state.load();
    const stored = state.settings;
    if (!stored) throw new Error('not loaded');
    await state.saveSettings({ ...stored, newPerDay: 5 });
    expect(state.status).toBe('Scheduling settings saved');
    expect((await client.getSettings({})).review.newPerDay).toBe(5);
    await state.saveSettings({ ...stored, desiredRetention: 2 });
    expect(state.error).toMatch(/desiredRetention/);
    expect(state.settings?.newPerDay).toBe(5);
    expect((await client.getSettings({})).review.desiredRetention).toBe(stored.desiredRetention);
  });

  it('exports the cards of the article chosen in the filter; one deleted meanwhile gives the reason, no file', async () => {
    const { state, client, downloaded } = await cards();
    await state.load();
    const other = await client.importDocument({
      text: 'Another article.\nWith other words.',
      format: 'text',
      title: 'Other',
    });
    state.filters.documentId = other.id;
    await client.deleteDocument({ id: other.id });
    await state.exportAnki();
    expect(state.error).toBe(`Document ${other.id} was not found`);
    expect(downloaded).toEqual([]);
  });
});
