/**
 * The timeline the service keeps prepared between queries (per generation of the date index and of the actor
 * identities) must never show what a fresh build would not: after each kind of change a reader makes (an analysis
 * corrected, an event answered, a collection's members, an actor merge, a published date, a delete) every view equals
 * the one a new service over the same library builds from nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../analysis/extraction-runner';
import type { LectioApi, TimelineQuery } from '../contract';
import { createService } from '../service';
import { closeSampleLibraries, openSampleLibrary } from './test-sample-service';

afterEach(closeSampleLibraries);

const ARTICLES = [
  'Russian President Vladimir Putin will visit Pyongyang on 3 March 2025 to sign a defence pact. ' +
    'The old pact was signed in 1998.',
  'Mr Putin said Russia would open a consulate in Wonsan in 2031. Putin will travel to Beijing on 5 May 2025. ' +
    'Russian President Vladimir Putin will visit Pyongyang on 3 March 2025 to sign a defence pact.',
  'Chancellor Olaf Brenner of Germany will meet Putin in Minsk on 9 April 2025. Brenner resigned in 2019.',
];

async function library() {
  const opened = await openSampleLibrary();
  const ids: string[] = [];
  for (const [n, text] of ARTICLES.entries()) {
    const doc = await opened.api.importDocument({ text, format: 'text', title: `Article ${n}` });
    await opened.api.updateDocument({ id: doc.id, publishedDate: '2025-01-10' });
    await opened.api.getAnalysis({ id: doc.id });
    ids.push(doc.id);
  }
  // What the reader's next query would get from a service that kept nothing: a new one over the same storage.
  const fresh = () =>
    createService({
      storage: opened.storage,
      host: 'browser',
      version: 't',
      now: () => new Date('2026-06-01T09:00:00.000Z'),
      extraction: inProcessRunner,
    });
  return { ...opened, ids, fresh };
}

/** Every view the screen asks for, the actor filter on each actor the library names. */
async function views(api: LectioApi, collection: string | null) {
  const all = await api.getLibraryTimeline({});
  const queries: TimelineQuery[] = [
    {},
    { toCheck: true },
    { from: '2025-01-01', to: '2025-12-31' },
    { from: '2030-01-01' },
    ...(collection ? [{ collection }, { collection, toCheck: true }] : []),
    ...all.actors.map((actor) => ({ actor: actor.key })),
  ];
  return Promise.all(queries.map(async (query) => ({ query, timeline: await api.getLibraryTimeline(query) })));
}

async function expectFresh(api: LectioApi, fresh: () => LectioApi, collection: string | null = null) {
  const kept = await views(api, collection);
  expect(kept).toEqual(await views(fresh(), collection));
  return kept;
}

describe('library timeline kept between queries', () => {
  it('follows every change as a fresh build does', async () => {
    const { api, ids, fresh } = await library();
    const before = await expectFresh(api, fresh);
    const all = before[0]!.timeline;
    expect(all.events.some((e) => e.sources.length === 2)).toBe(true);

    // One document's analysis corrected: a date removed.
    const analysis = await api.getAnalysis({ id: ids[0]! });
    const old = analysis.dates.find((d) => d.value === '1998')!;
    await api.correctAnalysis({ id: ids[0]!, correction: { kind: 'remove-date', start: old.start, end: old.end } });
    const corrected = await expectFresh(api, fresh);
    expect(corrected[0]!.timeline.events.some((e) => e.value === '1998')).toBe(false);

    // An event answered.
    const asked = corrected[1]!.timeline.events[0]!;
    await api.answerTimelineEvent({ key: asked.key, outcome: 'happened' });
    const answered = await expectFresh(api, fresh);
    expect(answered[1]!.timeline.events.find((e) => e.key === asked.key)?.answer?.outcome).toBe('happened');

    // A collection's members change.
    const week = await api.createCollection({ name: 'Week 1' });
    await api.organiseDocuments({ ids: [ids[1]!], addToCollection: week.id });
    const inWeek = await expectFresh(api, fresh, week.id);
    await api.organiseDocuments({ ids: [ids[2]!], addToCollection: week.id });
    const grown = await expectFresh(api, fresh, week.id);
    expect(grown.find((v) => v.query.collection === week.id)!.timeline.total).toBeGreaterThan(
      inWeek.find((v) => v.query.collection === week.id)!.timeline.total,
    );

    // Two actors merged across the library: the actor filter's choices and keys follow.
    const [brenner] = await api.findActors({ query: 'Brenner' });
    const [putin] = await api.findActors({ query: 'Putin' });
    await api.mergeActors({ key: brenner!.key, into: putin!.key });
    const merged = await expectFresh(api, fresh, week.id);
    expect(merged[0]!.timeline.actors.map((a) => a.name)).not.toContain('Olaf Brenner');

    // A published date changed (the analysis no longer current), then a document deleted.
    await api.updateDocument({ id: ids[2]!, publishedDate: '2024-05-05' });
    const redated = await expectFresh(api, fresh, week.id);
    expect(redated[0]!.timeline.unanalysed).toContain(ids[2]);
    await api.deleteDocument({ id: ids[1]! });
    const deleted = await expectFresh(api, fresh, week.id);
    expect(deleted[0]!.timeline.events.flatMap((e) => e.sources).some((s) => s.documentId === ids[1])).toBe(false);
  });
});
