/**
 * The library timeline over 5,000 analysed documents (150,000 dated events): Lectio's path (the persisted date index,
 * brought up to date by the DateIndexer, then joined in core) against the naive one measured in the same run, which
 * reads every document's analysis file and builds the same timeline from them the plain way. Both must send the same.
 * Three figures: the timeline as the screen asks for it again and again (index open), the first one after opening
 * the library (64 index files read, every document's files checked by stat), and the first one ever (the index
 * built from every analysis, once).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexedEvents, type DateIndexEntry } from '@core/library/date-index';
import {
  prepareTimeline,
  queryTimeline,
  type PreparedTimeline,
  type TimelineQuery,
} from '@core/library/library-timeline';
import { referenceTimeline } from '@core/library/test-reference-timeline';
import { DateIndexer } from '@main/api/services/date-indexer';
import type { AnalysisFile } from '@main/storage/file-schemas';
import { LibraryStorage } from '@main/storage/library-storage';
import type { BenchContext, Benchmark } from '../context';
import { writeDatedLibrary } from '../library/dated-library';
import type { Figure } from '../result';
import { median, p95 } from '../stats';

const TODAY = '2026-06-01';
const LIMIT = 300;

function queries(someActor: string): TimelineQuery[] {
  return [
    {},
    { collection: 'col3' },
    { actor: someActor },
    { from: '2020-01-01', to: '2024-12-31' },
    { toCheck: true },
  ];
}

let kept: { generation: number; prepared: PreparedTimeline } | null = null;

async function open(dataDir: string) {
  kept = null;
  const storage = await LibraryStorage.open({
    dataDir,
    now: () => new Date(`${TODAY}T09:00:00Z`),
    recountDelayMs: 1e9,
  });
  return { storage, indexer: new DateIndexer(storage) };
}

/** As the service does it: the timeline prepared (merged, sorted, actor keys numbered) once per generation of the index. */
async function ours(storage: LibraryStorage, indexer: DateIndexer, query: TimelineQuery) {
  const entries = await indexer.entries();
  if (kept?.generation !== storage.dateIndex.generation)
    kept = { generation: storage.dateIndex.generation, prepared: prepareTimeline(entries) };
  return queryTimeline(kept.prepared, {
    documents: storage.documents.list(),
    organisation: storage.organisation.documents(),
    query,
    today: TODAY,
    answers: storage.eventAnswers.all(),
    limit: LIMIT,
  });
}

/**
 * The naive way: every document's analysis file read and parsed for each timeline, and joined the plain way (one pass
 * with maps, test-reference-timeline.ts), so the check below also holds the prepared timeline to the plain one.
 */
function naive(storage: LibraryStorage, dataDir: string, query: TimelineQuery) {
  const documents = storage.documents.list();
  const entries: DateIndexEntry[] = documents.map((meta) => {
    const file = JSON.parse(readFileSync(path.join(dataDir, 'analysis', `${meta.id}.json`), 'utf8')) as AnalysisFile;
    return { documentId: meta.id, stamp: '', current: true, events: indexedEvents(file.cache?.result.dates ?? []) };
  });
  return referenceTimeline({
    entries,
    documents,
    organisation: storage.organisation.documents(),
    query,
    today: TODAY,
    answers: {},
    limit: LIMIT,
  });
}

/** Everything the screen is sent: the events with their sources, the counts, the actor filter's choices. */
const shownOf = (t: object) => JSON.stringify(t);

export const libraryTimelineBenchmark: Benchmark = {
  id: 'library-timeline',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-timeline-'));
    try {
      const index = writeDatedLibrary(dataDir);
      const documents = index.documents.length;

      // First ever: the index built from every analysis file.
      let { storage, indexer } = await open(dataDir);
      let started = performance.now();
      await ours(storage, indexer, {});
      const buildMs = performance.now() - started;
      const someActor = (await ours(storage, indexer, {})).actors[5]?.key ?? '';
      const views = queries(someActor);
      for (const query of views)
        if (shownOf(await ours(storage, indexer, query)) !== shownOf(naive(storage, dataDir, query)))
          throw new Error(`the date index and the analysis files disagree on ${JSON.stringify(query)}`);

      // Again and again, as the screen asks (every filter change).
      const rounds = ctx.quick ? 2 : 6;
      const warm: number[] = [];
      const naiveMs: number[] = [];
      for (let round = 0; round < rounds + 1; round++) {
        for (const query of views) {
          started = performance.now();
          await ours(storage, indexer, query);
          if (round > 0) warm.push(performance.now() - started);
          started = performance.now();
          naive(storage, dataDir, query);
          if (round > 0) naiveMs.push(performance.now() - started);
        }
      }
      storage.close();

      // The first after opening: the index files read, every document's stamp checked.
      const cold: number[] = [];
      for (let round = 0; round < (ctx.quick ? 2 : 4); round++) {
        ({ storage, indexer } = await open(dataDir));
        started = performance.now();
        await ours(storage, indexer, {});
        cold.push(performance.now() - started);
        storage.close();
      }
      ctx.log(
        `library-timeline: p95 ${p95(warm).toFixed(1)} ms, first after opening ${median(cold).toFixed(0)} ms, built ${buildMs.toFixed(0)} ms; naive p95 ${p95(naiveMs).toFixed(0)} ms`,
      );
      const described = `${documents.toLocaleString('en')} documents × 30 dated events (one in ten a story several report), 24 collections`;
      return [
        {
          name: `Library timeline, ${documents.toLocaleString('en')} documents, p95`,
          value: p95(warm),
          unit: 'ms',
          better: 'lower',
          target: 200,
          baseline: { name: 'naive: every analysis file read for each timeline', value: p95(naiveMs) },
          detail: `${described}; ${views.length} views (all, a collection, an actor, a date range, only "did it happen?") × ${rounds} rounds after a warm-up, the first ${LIMIT} events each, from the persisted date index (open, and prepared once per change of it: events merged and sorted, reports' documents and actor keys numbered), each query one pass over typed arrays: median ${median(warm).toFixed(1)} ms; naive (every analysis file read, joined the plain way) median ${median(naiveMs).toFixed(0)} ms; both send the same timeline (events, sources, counts, actors).`,
        },
        {
          name: `Library timeline, first after opening the library, ${documents.toLocaleString('en')} documents`,
          value: median(cold),
          unit: 'ms',
          better: 'lower',
          target: 1000,
          baseline: { name: 'naive: every analysis file read', value: median(naiveMs) },
          detail: `median of ${cold.length} openings: the index's 64 files read and every document's analysis and annotations files checked by stat (no file read), then the timeline of the whole library. Building the index from scratch (first timeline ever, or the index folder lost) took ${buildMs.toFixed(0)} ms, once.`,
        },
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
