/**
 * The library timeline over a real library on disk: the date index follows analyses and corrections as they are
 * written, is rebuilt when missing or stale, "did it happen?" answers are kept and reported, bad input is refused.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageChange } from '../../storage/change-feed';
import { dispatch } from '../dispatch';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary } from './test-sample-service';

afterEach(closeSampleLibraries);

const SUMMIT =
  'The ministers of France and Germany will meet in Brussels on 3 March 2025 to sign the water treaty. ' +
  'The old treaty was signed in 1998.';

async function libraryWithTwoReports(dataDir?: string) {
  const library = await openSampleLibrary(dataDir);
  const { api } = library;
  const a = await api.importDocument({ text: SUMMIT, format: 'text', title: 'Summit ahead', source: 'Le Monde' });
  await api.updateDocument({ id: a.id, publishedDate: '2025-01-10' });
  const b = await api.importDocument({
    text: `${SUMMIT.split('. ')[0]}. Spain will hold elections in 2031.`,
    format: 'text',
    title: 'Treaty talks',
    source: 'El País',
  });
  await api.updateDocument({ id: b.id, publishedDate: '2025-02-01' });
  return { ...library, a: a.id, b: b.id };
}

describe('library timeline', () => {
  it('shows only analysed documents, follows each analysis as it is written, and merges one event reported twice', async () => {
    const { api, a, b } = await libraryWithTwoReports();
    const before = await api.getLibraryTimeline({});
    expect(before.events).toEqual([]);
    expect(before.unanalysed).toHaveLength(3);

    await api.getAnalysis({ id: a });
    await api.getAnalysis({ id: b });
    const timeline = await api.getLibraryTimeline({});
    expect(timeline.unanalysed).toHaveLength(1);
    const summit = timeline.events.find((e) => e.value === '2025-03-03');
    expect(summit?.sources.map((s) => s.title)).toEqual(['Summit ahead', 'Treaty talks']);
    expect(summit?.toCheck).toBe(true);
    expect(timeline.events.find((e) => e.value === '1998')?.toCheck).toBe(false);
    // 2031 is still to come on the test clock's today (2026-06-01).
    expect(timeline.events.find((e) => e.value === '2031')?.toCheck).toBe(false);
    expect(timeline.today).toBe('2026-06-01');
  });

  it('follows a correction: a date removed in the Reader leaves the timeline', async () => {
    const { api, a } = await libraryWithTwoReports();
    const view = await api.getAnalysis({ id: a });
    const old = view.dates.find((d) => d.value === '1998');
    expect((await api.getLibraryTimeline({})).events.some((e) => e.value === '1998')).toBe(true);
    await api.correctAnalysis({ id: a, correction: { kind: 'remove-date', start: old!.start, end: old!.end } });
    expect((await api.getLibraryTimeline({})).events.some((e) => e.value === '1998')).toBe(false);
  });

  it('filters by collection, actor and date range; refuses an unknown collection and a range backwards', async () => {
    const { api, a, b, transport } = await libraryWithTwoReports();
    await api.getAnalysis({ id: a });
    await api.getAnalysis({ id: b });
    const week = await api.createCollection({ name: 'Week 1' });
    await api.organiseDocuments({ ids: [b], addToCollection: week.id });
    const inWeek = await api.getLibraryTimeline({ collection: week.id });
    expect(inWeek.events.every((e) => e.sources.every((s) => s.documentId === b))).toBe(true);
    expect(inWeek.events.map((e) => e.value)).toEqual(['2025-03-03', '2031']);
    const spain = (await api.getLibraryTimeline({})).actors.find((x) => x.name === 'Spain');
    expect(spain).toBeDefined();
    const bySpain = await api.getLibraryTimeline({ actor: spain!.key });
    expect(bySpain.events.map((e) => e.value)).toEqual(['2031']);
    const ranged = await api.getLibraryTimeline({ from: '2000-01-01', to: '2025-12-31' });
    expect(ranged.events.map((e) => e.value)).toEqual(['2025-03-03']);
    await expect(api.getLibraryTimeline({ collection: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
    const backwards = await transport('getLibraryTimeline', { from: '2025-01-01', to: '2024-01-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('filters by actor across articles: one person named in full in one and by surname in another', async () => {
    const { api } = await openSampleLibrary();
    const ids: string[] = [];
    for (const text of [
      'Russian President Vladimir Putin will visit Pyongyang on 3 March 2025 to sign a defence pact.',
      'Mr Putin said Russia would open a consulate in Wonsan in 2031. Putin will travel to Beijing on 5 May 2025.',
    ]) {
      const doc = await api.importDocument({ text, format: 'text', title: text.slice(0, 20) });
      await api.updateDocument({ id: doc.id, publishedDate: '2025-01-10' });
      await api.getAnalysis({ id: doc.id });
      ids.push(doc.id);
    }
    const timeline = await api.getLibraryTimeline({});
    const putin = timeline.actors.filter((actor) => /Putin/.test(actor.name));
    expect(putin).toHaveLength(1);
    expect(putin[0]).toMatchObject({ name: 'Vladimir Putin', events: 3 });
    const his = await api.getLibraryTimeline({ actor: putin[0]!.key });
    expect(his.events.map((e) => [e.value, e.actors.includes('Vladimir Putin')])).toEqual([
      ['2025-03-03', true],
      ['2025-05-05', true],
      ['2031', true],
    ]);
  });

  it('keeps the answer to "did it happen?", reports it on the change feed, and refuses a key that asks nothing', async () => {
    const { api, a, b, storage, transport } = await libraryWithTwoReports();
    await api.getAnalysis({ id: a });
    await api.getAnalysis({ id: b });
    const seen: StorageChange[] = [];
    storage.changes.onWrite((change) => seen.push(change));
    const summit = (await api.getLibraryTimeline({ toCheck: true })).events[0]!;
    const saved = await api.answerTimelineEvent({ key: summit.key, outcome: 'did-not-happen' });
    expect(saved.outcome).toBe('did-not-happen');
    // Only the answer: the timeline's own upkeep of the index is a derived kind.
    expect(seen.filter((change) => change.kind !== 'date-index')).toEqual([
      { kind: 'event-answer', id: summit.key, documentId: null, op: 'put' },
    ]);
    const after = await api.getLibraryTimeline({});
    expect(after.events.find((e) => e.key === summit.key)?.answer?.outcome).toBe('did-not-happen');
    expect(after.unanswered).toBe(0);
    const past = after.events.find((e) => e.value === '1998')!;
    await expect(api.answerTimelineEvent({ key: past.key, outcome: 'happened' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    expect(await transport('answerTimelineEvent', { key: summit.key, outcome: 'maybe' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('rebuilds a missing index, and a stale entry, after a restart; answers survive it', async () => {
    const first = await libraryWithTwoReports();
    await first.api.getAnalysis({ id: first.a });
    await first.api.getAnalysis({ id: first.b });
    const summit = (await first.api.getLibraryTimeline({ toCheck: true })).events[0]!;
    await first.api.answerTimelineEvent({ key: summit.key, outcome: 'happened' });
    const expected = (await first.api.getLibraryTimeline({})).events.map((e) => [e.value, e.sources.length]);
    closeSampleLibrary(first.storage);

    rmSync(path.join(first.dataDir, 'date-index'), { recursive: true, force: true });
    const second = await openSampleLibrary(first.dataDir);
    const rebuilt = await second.api.getLibraryTimeline({});
    expect(rebuilt.events.map((e) => [e.value, e.sources.length])).toEqual(expected);
    expect(rebuilt.events.find((e) => e.key === summit.key)?.answer?.outcome).toBe('happened');
    closeSampleLibrary(second.storage);

    // Another process (or a crash before the index was saved) changed an analysis behind the change feed.
    const file = path.join(first.dataDir, 'analysis', `${first.b}.json`);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { cache: { result: { dates: { value: string }[] } } };
    stored.cache.result.dates = stored.cache.result.dates.filter((d) => d.value !== '2031');
    writeFileSync(file, JSON.stringify(stored));
    const third = await openSampleLibrary(first.dataDir);
    const values = (await third.api.getLibraryTimeline({})).events.map((e) => e.value);
    expect(values).not.toContain('2031');
    expect(values).toContain('2025-03-03');
  });

  it('rebuilds entries from a damaged index file, which is moved aside and announced', async () => {
    const first = await libraryWithTwoReports();
    await first.api.getAnalysis({ id: first.a });
    const expected = (await first.api.getLibraryTimeline({})).events.map((e) => e.value);
    closeSampleLibrary(first.storage);
    const folder = path.join(first.dataDir, 'date-index');
    for (const name of readdirSync(folder)) writeFileSync(path.join(folder, name), '{"schemaVersion": 1, "entr');
    const second = await openSampleLibrary(first.dataDir);
    expect((await second.api.getLibraryTimeline({})).events.map((e) => e.value)).toEqual(expected);
    const notices = (await second.api.appInfo({})).notices.map((n) => n.message).join('\n');
    expect(notices).toContain('moved aside');
  });

  it('is reached through dispatch with its input checked', async () => {
    const { api } = await openSampleLibrary();
    expect(await dispatch(api, 'getLibraryTimeline', { limit: 0 })).toMatchObject({ ok: false });
    expect(await dispatch(api, 'getLibraryTimeline', { extra: 1 })).toMatchObject({ ok: false });
    expect(await dispatch(api, 'getLibraryTimeline', { from: '2025-02-30' })).toMatchObject({ ok: false });
  });
});
