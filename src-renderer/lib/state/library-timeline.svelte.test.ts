import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { LibraryTimelineState } from './library-timeline.svelte';

afterEach(closeSampleLibraries);

const SUMMIT = 'The ministers of France and Germany will meet in Brussels on 3 March 2025 to sign the water treaty.';

async function library() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const a = await client.importDocument({
    text: `${SUMMIT} The old treaty was signed in 1998.`,
    format: 'text',
    title: 'Summit ahead',
  });
  await client.updateDocument({ id: a.id, publishedDate: '2025-01-10' });
  const b = await client.importDocument({
    text: `${SUMMIT} Spain will hold elections in 2031.`,
    format: 'text',
    title: 'Treaty talks',
  });
  await client.updateDocument({ id: b.id, publishedDate: '2025-02-01' });
  return { client, a: a.id, b: b.id };
}

describe('LibraryTimelineState', () => {
  it('finds the dates of articles never analysed, then shows one event per story with all its sources', async () => {
    const { client } = await library();
    const state = new LibraryTimelineState(client);
    await state.load();
    expect(state.timeline?.events).toEqual([]);
    expect(state.timeline?.unanalysed).toHaveLength(3);
    await state.analyseRest();
    expect(state.analysing).toBeNull();
    expect(state.timeline?.unanalysed).toEqual([]);
    const summit = state.timeline?.events.find((e) => e.value === '2025-03-03');
    expect(summit?.sources.map((s) => s.title)).toEqual(['Summit ahead', 'Treaty talks']);
    expect(summit?.toCheck).toBe(true);
  });

  it('filters by collection, actor, range and "did it happen?", and clears them', async () => {
    const { client, a, b } = await library();
    await client.getAnalysis({ id: a });
    await client.getAnalysis({ id: b });
    const week = await client.createCollection({ name: 'Week 2' });
    await client.organiseDocuments({ ids: [a], addToCollection: week.id });
    const state = new LibraryTimelineState(client, week.id);
    await state.load();
    expect(state.collection?.name).toBe('Week 2');
    expect(state.timeline?.events.map((e) => e.value)).toEqual(['1998', '2025-03-03']);
    await state.filter({ collection: null });
    const spain = state.timeline?.actors.find((x) => x.name === 'Spain');
    await state.filter({ actor: spain?.key ?? 'missing' });
    expect(state.timeline?.events.map((e) => e.value)).toEqual(['2031']);
    await state.filter({ actor: null, from: '2000-01-01', to: '2026-01-01' });
    expect(state.timeline?.events.map((e) => e.value)).toEqual(['2025-03-03']);
    await state.filter({ from: '2030-01-01' });
    expect(state.error).toMatch(/start before it ends/);
    expect(state.filters.from).toBe('2000-01-01');
    await state.clearFilters();
    await state.filter({ toCheck: true });
    expect(state.timeline?.events.map((e) => e.value)).toEqual(['2025-03-03']);
    expect(state.filtered).toBe(true);
  });

  it('keeps an answer to "did it happen?": shown at once and after loading again', async () => {
    const { client, a } = await library();
    await client.getAnalysis({ id: a });
    const state = new LibraryTimelineState(client);
    await state.load();
    const summit = state.timeline?.events.find((e) => e.toCheck);
    expect(state.timeline?.unanswered).toBe(1);
    await state.answer(summit?.key ?? '', 'happened');
    expect(state.timeline?.events.find((e) => e.key === summit?.key)?.answer?.outcome).toBe('happened');
    expect(state.timeline?.unanswered).toBe(0);
    const again = new LibraryTimelineState(client);
    await again.load();
    expect(again.timeline?.events.find((e) => e.key === summit?.key)?.answer?.outcome).toBe('happened');
    await state.answer('2031|nothing', 'unknown');
    expect(state.answerError).toMatchObject({ key: '2031|nothing' });
  });

  it('says why the timeline could not be loaded', async () => {
    const state = new LibraryTimelineState(
      createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })),
    );
    await state.load();
    expect(state.timeline).toBeNull();
    expect(state.error).toMatch(/not answering/);
  });
});
