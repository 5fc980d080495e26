/**
 * Issue #20's "Scale" figures that the service answers, over the generated scale library (scale-spec.ts: 5,000
 * documents, 5 million words, 100,000 highlights, 50,000 cards, a million review logs at full size): opening the
 * library and listing it, the due cards per document, and full-text search (its on-disk index built once, the first
 * search after a launch, warm queries); each against the naive way in the same run (reading every document file;
 * parsing the whole review log; scanning every document's text).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inProcessRunner } from '@main/analysis/extraction-runner';
import { createService } from '@main/api/service';
import { LibraryStorage } from '@main/storage/library-storage';
import { createSearchEntryWorkerReader } from '@main/storage/search-entry-reader';
import type { Benchmark } from '../context';
import { ensureScaleLibrary } from '../library/scale-library';
import { convertedCopy } from '../library/scale-copy';
import type { ScaleSize } from '../library/scale-spec';
import type { ScaleManifest } from '../library/scale-spec';
import type { Figure } from '../result';
import { median, p95 } from '../stats';

const mb = (bytes: number) => Math.round(bytes / 1e6);
const SEARCH_WORKER = path.resolve(__dirname, '../../out/main/search-worker.js');

async function openService(dataDir: string) {
  // The highlight recount and the backups are the host's timers: a benchmark measures the calls alone.
  const storage = await LibraryStorage.open({ dataDir, now: () => new Date(), recountDelayMs: 3_600_000 });
  const api = createService({
    storage,
    host: 'browser',
    version: 'bench',
    now: () => new Date(),
    extraction: inProcessRunner,
    // The search index's build reads documents on the worker the hosts use, when the app is built (see search-entry-reader.ts).
    ...(existsSync(SEARCH_WORKER) ? { searchEntries: createSearchEntryWorkerReader(SEARCH_WORKER) } : {}),
  });
  return { storage, api };
}

/** The naive list: every document file read and parsed for its title and word count. */
function naiveList(dataDir: string): number {
  const folder = path.join(dataDir, 'documents');
  let listed = 0;
  for (const name of readdirSync(folder)) {
    const doc = JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as { id: string; body: { text: string } };
    if (doc.id && doc.body.text.length >= 0) listed++;
  }
  return listed;
}

/** The naive due count: the whole review log parsed for each card's latest review, in a child process of its own. */
function naiveDue(dataDir: string): { ms: number; peakMb: number; outcome: string } {
  const script = `
    const started = performance.now();
    let outcome = 'ok';
    try {
      const log = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(path.join(dataDir, 'reviews.json'))}, 'utf8'));
      const latest = new Map();
      for (const r of log.reviews) latest.set(r.cardId, r.next.due);
      outcome = 'ok: ' + latest.size + ' cards';
    } catch (e) { outcome = String(e.code || e.message).slice(0, 80); }
    const peak = Number(/VmHWM:\\s+(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
    console.log(JSON.stringify({ ms: performance.now() - started, peak, outcome }));`;
  const out = execFileSync(process.execPath, ['--max-old-space-size=6144', '-e', script], { encoding: 'utf8' });
  const { ms, peak, outcome } = JSON.parse(out) as { ms: number; peak: number; outcome: string };
  return { ms, peakMb: mb(peak), outcome };
}

/** The naive search: every paragraph of every document scanned for every word of the query. */
function naiveSearch(texts: readonly string[], query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let hits = 0;
  for (const text of texts)
    for (const passage of text.split('\n\n')) {
      const lower = passage.toLowerCase();
      if (words.every((word) => lower.includes(word))) hits++;
    }
  return hits;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Full-text search over the on-disk index (index/search.sqlite), in a hard-linked copy of the cached library: the index
 * is a new file written only in the copy, and the app replaces data files by renaming, never writing into them. First
 * the one-time build, as on the first launch after the upgrade (in the background: searches answer meanwhile, and are
 * timed); then a new launch, whose first search finds the index on disk; then warm queries.
 */
async function searchFigures(cached: string, manifest: ScaleManifest, quick: boolean): Promise<Figure[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-search-'));
  const dataDir = path.join(work, 'library');
  // Its review log converted first (scale-copy.ts), so the search's first use of the cards does not time that.
  convertedCopy(cached, dataDir);
  const queries = manifest.queries;
  const variants = queries.flatMap((q) => [q, q.slice(0, Math.max(3, q.length - 2))]);
  try {
    // The one-time build: RSS sampled every 100 ms, and a search every second until the index says it is complete.
    let opened = await openService(dataDir);
    const rssBeforeBuild = process.memoryUsage().rss;
    let peakRss = rssBeforeBuild;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    let started = performance.now();
    const during: number[] = [];
    let result = await opened.api.search({ query: queries[0] ?? 'the', limit: 30 });
    const firstDuringBuild = performance.now() - started;
    const total = result.indexing?.total ?? 0;
    while (result.indexing) {
      await sleep(1000);
      const asked = performance.now();
      result = await opened.api.search({ query: variants[during.length % variants.length] ?? 'the', limit: 30 });
      during.push(performance.now() - asked);
    }
    const buildMs = performance.now() - started;
    clearInterval(sampler);
    opened.storage.close();
    await sleep(200);
    const indexBytes = statSync(path.join(dataDir, 'index', 'search.sqlite')).size;

    // A new launch: the first search reads the index from disk.
    opened = await openService(dataDir);
    started = performance.now();
    const first = await opened.api.search({ query: queries[0] ?? 'the', limit: 30 });
    const firstMs = performance.now() - started;
    if (first.indexing)
      throw new Error(`the index was not complete after its build: ${JSON.stringify(first.indexing)}`);
    const times: number[] = [];
    for (let round = 0; round < (quick ? 2 : 5); round++)
      for (const query of variants) {
        started = performance.now();
        await opened.api.search({ query, limit: 30 });
        times.push(performance.now() - started);
      }
    const rssAfterSearches = process.memoryUsage().rss;
    // A typo (a letter of each query's longest word changed): nothing matches as typed, so near words are looked up.
    const typos = queries.map((query) => {
      const word = query.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
      const at = Math.floor(word.length / 2);
      return query.replace(word, `${word.slice(0, at)}${word[at] === 'x' ? 'y' : 'x'}${word.slice(at + 1)}`);
    });
    const typoTimes: number[] = [];
    let typoFound = 0;
    for (const query of typos) {
      started = performance.now();
      if ((await opened.api.search({ query, limit: 30 })).hits.length) typoFound++;
      typoTimes.push(performance.now() - started);
    }
    opened.storage.close();

    // The naive way: every document file read, then every paragraph scanned for every word.
    started = performance.now();
    const texts = readdirSync(path.join(dataDir, 'documents')).map(
      (name) =>
        (JSON.parse(readFileSync(path.join(dataDir, 'documents', name), 'utf8')) as { body: { text: string } }).body
          .text,
    );
    const readMs = performance.now() - started;
    const naiveTimes: number[] = [];
    for (const query of variants) {
      started = performance.now();
      naiveSearch(texts, query);
      naiveTimes.push(performance.now() - started);
    }
    const words = `${(manifest.words / 1e6).toFixed(1)} million words`;
    return [
      {
        name: `Full-text search, ${words}, p95`,
        value: p95(times),
        unit: 'ms',
        better: 'lower',
        target: 100,
        baseline: { name: 'every paragraph scanned, texts in memory', value: p95(naiveTimes) },
        detail: `service search over the SQLite FTS5 index on disk (titles, paragraphs, highlights, notes, cards; prefix, typo fallback), ${times.length} queries (${variants.map((q) => `“${q}”`).join(', ')}), median ${median(times).toFixed(1)} ms; RSS after them ${mb(rssAfterSearches)} MB. With a typo (${typos.map((q) => `“${q}”`).join(', ')}): ${typoFound} of ${typos.length} found, slowest ${Math.max(...typoTimes).toFixed(0)} ms.`,
      },
      {
        name: 'Full-text search: the first query after a launch (index on disk)',
        value: firstMs,
        unit: 'ms',
        better: 'lower',
        target: 100,
        baseline: { name: 'every document file read, then scanned', value: readMs + (naiveTimes[0] ?? 0) },
        detail: `LibraryStorage.open, then the first search: SQLite's WebAssembly loaded, the index opened and its stamps read (${mb(indexBytes)} MB file); no document file read.`,
      },
      {
        name: `Full-text search: building the index once (${total.toLocaleString('en')} documents, ${words})`,
        value: buildMs,
        unit: 'ms',
        better: 'lower',
        baseline: { name: 'every document file read and parsed, nothing indexed', value: readMs },
        detail: `the first launch after the upgrade, in the background${existsSync(SEARCH_WORKER) ? ' (documents read on the worker)' : ' (documents read in process: the app is not built)'}: peak RSS ${mb(peakRss)} MB (${mb(rssBeforeBuild)} MB before); index ${mb(indexBytes)} MB on disk. Searches meanwhile answer from what is indexed so far: the first in ${firstDuringBuild.toFixed(0)} ms, ${during.length} more p95 ${during.length ? p95(during).toFixed(0) : '-'} ms.`,
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function scaleBenchmark(size: () => ScaleSize): Benchmark {
  return {
    id: 'scale',
    async run(ctx) {
      const { dataDir: cached, manifest } = await ensureScaleLibrary(size(), ctx.log);
      // The service may write (its first card use converts an old reviews.json): it runs on a copy, never the cache.
      const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-scale-node-')), 'library');
      process.once('exit', () => rmSync(path.dirname(dataDir), { recursive: true, force: true }));
      const conversion = convertedCopy(cached, dataDir);
      if (conversion) ctx.log(`scale: reviews.json converted in the copy in ${(conversion.ms / 1000).toFixed(1)} s`);
      const label = `${manifest.documents.toLocaleString('en')} documents`;
      const figures: Figure[] = [];

      // Opening and listing, as the host does at launch (a fresh storage each time; the files are in the page cache).
      const opens: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const { storage, api } = await openService(dataDir);
        const list = await api.listDocuments({});
        opens.push(performance.now() - started);
        storage.close();
        if (list.length !== manifest.documents) throw new Error(`listed ${list.length} of ${manifest.documents}`);
      }
      let started = performance.now();
      naiveList(dataDir);
      const naiveListMs = performance.now() - started;
      figures.push({
        name: `Open the library and list ${label} (service)`,
        value: median(opens),
        unit: 'ms',
        better: 'lower',
        target: 500,
        baseline: { name: 'every document file parsed', value: naiveListMs },
        detail: `LibraryStorage.open + listDocuments, median of 3 (${opens.map((ms) => ms.toFixed(0)).join(', ')} ms): library.json, settings, quiz and organisation files only; the baseline reads and parses the ${manifest.documents.toLocaleString('en')} document files (${mb(manifest.documentBytes)} MB).`,
      });

      // Due cards per document, the first call after opening (what the Library's due sort and filter ask).
      const { storage, api } = await openService(dataDir);
      try {
        const heapBefore = process.memoryUsage().heapUsed;
        started = performance.now();
        const due = await api.getDueByDocument({});
        const dueMs = performance.now() - started;
        const dueHeap = process.memoryUsage().heapUsed - heapBefore;
        const naive = naiveDue(cached);
        figures.push({
          name: `Due cards per document, first call after opening (${manifest.reviews.toLocaleString('en')} review logs)`,
          value: dueMs,
          unit: 'ms',
          better: 'lower',
          target: 1500,
          baseline: { name: 'the whole review log parsed', value: naive.ms },
          detail: `${Object.keys(due).length} documents with due cards, from the cards' summaries (cards.json read card by card, no card's text kept) and the card schedule index (${manifest.cards.toLocaleString('en')} cards; the heap grew ${mb(dueHeap)} MB); the log (${mb(manifest.reviewBytes)} MB) is not read. Baseline: reading and parsing reviews.json in a process of its own: ${naive.outcome}, peak RSS ${naive.peakMb} MB.`,
        });
      } finally {
        storage.close();
      }
      figures.push(...(await searchFigures(dataDir, manifest, ctx.quick)));
      return figures;
    },
  };
}
