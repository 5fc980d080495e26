/**
 * Issue #20's "Scale" figures as the reader meets them, in browser mode over the generated scale library (5,000
 * documents, a million review logs at full size): launch to an interactive Library, a change of sort or filter in the
 * screen, a search through the HTTP API, and the memory of the server (the main process) and of the renderer.
 * The library is a hard-linked copy of the cached one (the app replaces its JSON files by renaming, never writes into
 * them; the search index is a new file, written only in the copy), whose old reviews.json is converted once per run in
 * a copy (scale-copy.ts); the review segment a grade appends to is copied for real. The session whose peak memory
 * counts (target 400 MB) is launch, the due counts, grading cards and the start-up backup; the Review queue and the
 * searches come after it, each with its own figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { httpPath, TOKEN_HEADER } from '@contract';
import { SEARCH_OPEN_DELAY_MS } from '@main/storage/search-index';
import { ensureScaleLibrary } from '../library/scale-library';
import { convertedCopy, writableCopy } from '../library/scale-copy';
import type { ScaleSize } from '../library/scale-spec';
import type { Figure } from '../result';
import { median, p95 } from '../stats';
import { newPage } from './chromium';
import type { BrowserEnv } from './env';
import { changeView } from './library-organised';
import { naiveRewrite, watchBackup } from './scale-backup-watch';
import { epochNow, startServer } from './serve';

const kb = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);

/** Resident and peak resident memory of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: Math.round(kb(status, 'VmRSS') / 1024), peak: Math.round(kb(status, 'VmHWM') / 1024) };
}

/** The largest resident Chromium renderer (the page's; others are idle), in MB. */
function rendererRss(): number {
  let largest = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || !cmdline.includes('playwright')) continue;
      largest = Math.max(largest, memoryOf(Number(pid)).rss);
    } catch {
      // The process ended while we looked.
    }
  }
  return largest;
}

/** Navigation to the frame that paints the Library's first rows (epoch ms). */
async function libraryShown(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () =>
      document.querySelectorAll('ul.doc-list > li').length > 0 && document.querySelector('.list-more')
        ? performance.timeOrigin + performance.now()
        : 0,
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** The first `count` cards of the library that are not suspended (any card may be graded), from its cards.json. */
function gradable(dataDir: string, count: number): string[] {
  const file = JSON.parse(readFileSync(path.join(dataDir, 'cards.json'), 'utf8')) as {
    cards: { id: string; suspended: boolean }[];
  };
  return file.cards
    .filter((card) => !card.suspended)
    .slice(0, count)
    .map((card) => card.id);
}

/** One API call from the page (as the renderer makes it), timed in the page. */
function timedCall(page: Page, token: string, method: string, input: unknown): Promise<number> {
  return callFromPage(page, token, method, input).then((result) => result.ms);
}

/** One API call from the page, with its result and its time in the page. */
function callFromPage(
  page: Page,
  token: string,
  method: string,
  input: unknown,
): Promise<{ ms: number; value: unknown }> {
  return page.evaluate(
    async ([route, header, body, token]) => {
      const started = performance.now();
      const response = await fetch(route, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: token },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { ok: boolean; value?: unknown };
      if (!result.ok) throw new Error(JSON.stringify(result));
      return { ms: performance.now() - started, value: result.value };
    },
    [httpPath(method as 'search'), TOKEN_HEADER, input, token] as const,
  );
}

/** How far the search index has got (null: complete), from a search through the API. */
function searchIndexing(page: Page, token: string): Promise<{ done: number; total: number } | null> {
  return page.evaluate(
    async ([route, header, token]) => {
      const response = await fetch(route, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: token },
        body: JSON.stringify({ query: 'the', limit: 1 }),
      });
      const result = (await response.json()) as { value: { indexing: { done: number; total: number } | null } };
      return result.value.indexing;
    },
    [httpPath('search'), TOKEN_HEADER, token] as const,
  );
}

export async function scaleScreenBenchmark(env: BrowserEnv): Promise<Figure[]> {
  const size = (process.env.LECTIO_BENCH_SCALE ?? 'full') as ScaleSize;
  const { dataDir: cached, manifest } = await ensureScaleLibrary(size, env.log);
  const label = `${manifest.documents.toLocaleString('en')} documents, ${manifest.reviews.toLocaleString('en')} review logs`;
  const work = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-scale-'));
  const figures: Figure[] = [];
  try {
    const base = path.join(work, 'base');
    const conversion = convertedCopy(cached, base);
    const launches: number[] = [];
    const serverMemory: { rss: number; peak: number }[] = [];
    for (let i = 0; i < (env.quick ? 2 : 3); i++) {
      const dir = path.join(work, `run${i}`);
      writableCopy(base, dir);
      // Later launches find the search index the first one built (a real copy: SQLite writes into its file).
      const builtIndex = path.join(work, 'search-index');
      if (i > 0 && existsSync(builtIndex)) execFileSync('cp', ['-r', builtIndex, path.join(dir, 'index')]);
      const server = await startServer(env.serveScript, dir);
      const page = await newPage(env.browser);
      try {
        const token = /#token=([\w-]+)/.exec(server.url)?.[1] ?? '';
        const shown = await libraryShown(page, server.url);
        launches.push(shown - server.spawnedAt);
        serverMemory.push(memoryOf(server.pid));
        if (i === 1 && existsSync(builtIndex)) {
          // The reader's first search a moment after the Library shows: by then the server has opened the index.
          await new Promise((done) => setTimeout(done, SEARCH_OPEN_DELAY_MS + 2000));
          const firstMs = await timedCall(page, token, 'search', { query: manifest.queries[0] ?? 'the', limit: 30 });
          figures.push({
            name: `Scale: the first search after a launch, index on disk, through the API`,
            value: firstMs,
            unit: 'ms',
            better: 'lower',
            target: 100,
            detail: `a second launch over the index the first one built, ${(SEARCH_OPEN_DELAY_MS + 2000) / 1000} s after the Library showed (the server opens the index ${SEARCH_OPEN_DELAY_MS / 1000} s after launch; the top bar's first due count may still be running in the server); server RSS afterwards ${memoryOf(server.pid).rss} MB.`,
          });
        }
        if (i > 0) continue;
        // The rest on the first launch: sort and filter changes, due cards, search, and the memory after each.
        const steps: [string, string][] = [
          ['Sort by', 'title'],
          ['Sort by', 'published'],
          ['Sort by', 'source'],
          ['Sort by', 'added'],
          ['Progress', 'reading'],
          ['Progress', ''],
        ];
        const changes: number[] = [];
        for (let round = 0; round < (env.quick ? 1 : 4); round++)
          for (const [name, value] of steps) changes.push((await changeView(page, name, value)).ms);
        const afterLaunch = memoryOf(server.pid);
        const rendererAfterLaunch = rendererRss();
        const dueMs = await timedCall(page, token, 'getDueByDocument', {});
        const afterDue = memoryOf(server.pid);
        // Grading: a few cards, each one appended line (the old log rewrote the whole file for each). Their ids come
        // from cards.json here: the Review screen's queue (getReviewQueue) is measured on its own after the backup,
        // since at full size it returns every due card with its source (tens of thousands) and its memory is its own.
        const grades: number[] = [];
        for (const id of gradable(base, 5)) grades.push(await timedCall(page, token, 'gradeCard', { id, grade: 3 }));
        const afterGrades = memoryOf(server.pid);
        // The start-up backup runs 10 s after launch (START_BACKUP_DELAY_MS): watched until it is complete.
        const backup = await watchBackup(dir, server.pid, server.spawnedAt);
        const afterBackup = memoryOf(server.pid);
        const queue = await callFromPage(page, token, 'getReviewQueue', {});
        const afterQueue = memoryOf(server.pid);
        const { cards: sent, queued } = queue.value as { cards: unknown[]; queued: number };
        // The first launch after the upgrade: the first search starts building the index in the background, and
        // answers from what is indexed so far; the searches are timed once it is complete.
        const firstSearchStarted = epochNow();
        await timedCall(page, token, 'search', { query: manifest.queries[0] ?? 'the', limit: 30 });
        const firstSearchMs = epochNow() - firstSearchStarted;
        let buildPeak = 0;
        const deadline = Date.now() + 10 * 60_000;
        while ((await searchIndexing(page, token)) && Date.now() < deadline) {
          buildPeak = Math.max(buildPeak, memoryOf(server.pid).rss);
          await new Promise((done) => setTimeout(done, 1000));
        }
        const buildMs = epochNow() - firstSearchStarted;
        execFileSync('cp', ['-r', path.join(dir, 'index'), path.join(work, 'search-index')]);
        const searches: number[] = [];
        const variants = manifest.queries.flatMap((q) => [q, q.slice(0, Math.max(3, q.length - 2))]);
        for (let round = 0; round < (env.quick ? 2 : 5); round++)
          for (const query of variants) searches.push(await timedCall(page, token, 'search', { query, limit: 30 }));
        const afterSearch = memoryOf(server.pid);
        // The naive grade, in this process after the session (so it does not load the server's): the whole log
        // rewritten as one JSON document, as the old reviews.json was on every grade.
        const naiveGrade = await naiveRewrite(dir, work).catch((error: unknown) => ({
          ms: Number.NaN,
          records: 0,
          mb: 0,
          note: `the baseline failed: ${String(error)}`,
        }));
        figures.push(
          {
            name: `Scale: grade a card through the API (${label}), median`,
            value: median(grades),
            unit: 'ms',
            better: 'lower',
            ...(Number.isFinite(naiveGrade.ms)
              ? { baseline: { name: 'the whole review log rewritten', value: naiveGrade.ms } }
              : {}),
            detail: `${grades.length} gradeCard calls from the page (${grades.map((ms) => ms.toFixed(0)).join(', ')} ms): one line appended to the open review segment and flushed. Baseline: the ${naiveGrade.records.toLocaleString('en')} records stringified and written durably as one ${naiveGrade.mb} MB file (${naiveGrade.note}), as reviews.json was for every grade. Server RSS ${afterDue.rss} → ${afterGrades.rss} MB.`,
          },
          {
            name: `Scale: the start-up backup (${label})`,
            value: backup.ms,
            unit: 'ms',
            better: 'lower',
            detail: `${backup.note}; the server's RSS during it peaked at ${backup.peakRss} MB (sampled every 50 ms), VmHWM after it ${afterBackup.peak} MB. Files unchanged since the previous backup are linked, not read; sealed review segments go once into the shared pool.`,
          },
          {
            name: `Scale: the Review screen's queue through the API (${label})`,
            value: queue.ms,
            unit: 'ms',
            better: 'lower',
            detail: `getReviewQueue after the start-up backup: ${queued.toLocaleString('en')} cards queued, the first ${sent.length} sent with their source passages; server RSS ${afterBackup.rss} → ${afterQueue.rss} MB, peak (VmHWM) ${afterQueue.peak} MB. Not in the session's peak below.`,
          },
        );
        if (conversion)
          figures.push({
            name: `Scale: converting the old reviews.json to review segments, once (${label})`,
            value: conversion.ms,
            unit: 'ms',
            better: 'lower',
            detail: `streamed in a process of its own (the card store does it on its first opening after the upgrade), ${conversion.segments} segments of 16 MB at most, the schedule index built in the same pass; peak RSS of that process ${conversion.peakRssMb} MB. Not part of the session below (done before it).`,
          });
        figures.push(
          {
            name: `Scale: Library sort or filter change in the screen, ${label}, p95`,
            value: p95(changes),
            unit: 'ms',
            better: 'lower',
            target: 50,
            detail: `from the select's change to the frame after the new first row is in, ${changes.length} changes (sort by title, published, source, added; progress filter on and off), median ${median(changes).toFixed(1)} ms.`,
          },
          {
            name: `Scale: due cards per document through the API, first call (${label})`,
            value: dueMs,
            unit: 'ms',
            better: 'lower',
            detail: `getDueByDocument from the page; server RSS ${afterLaunch.rss} → ${afterDue.rss} MB.`,
          },
          {
            name: `Scale: search through the API, ${(manifest.words / 1e6).toFixed(1)} million words, p95`,
            value: p95(searches),
            unit: 'ms',
            better: 'lower',
            target: 100,
            detail: `${searches.length} searches from the page (HTTP, the service, SQLite FTS5 on disk), median ${median(searches).toFixed(1)} ms. On this first launch the index was built in the background: the first search answered in ${firstSearchMs.toFixed(0)} ms from what was indexed so far, the build took ${(buildMs / 1000).toFixed(1)} s with the server at up to ${buildPeak} MB RSS.`,
          },
          {
            name: `Scale: main process (browser-mode server) memory, Library open (RSS)`,
            value: afterLaunch.rss,
            unit: 'MB',
            better: 'lower',
            target: 400,
            detail: `after launch and the sort changes; after the due counts ${afterDue.rss} MB; after ${grades.length} grades ${afterGrades.rss} MB; past the start-up backup ${afterBackup.rss} MB, peak (VmHWM) ${afterBackup.peak} MB; after the Review queue ${afterQueue.rss} MB; after the index was built and searched ${afterSearch.rss} MB, peak ${afterSearch.peak} MB.`,
          },
          {
            name: `Scale: main process memory, peak over the session (VmHWM)`,
            value: afterBackup.peak,
            unit: 'MB',
            better: 'lower',
            target: 400,
            detail: `launch, due counts, ${grades.length} grades and the start-up backup (every data file checked and copied one at a time, the review log's sealed segments pooled); then the Review queue took it to ${afterQueue.peak} MB and the search index built and searched to ${afterSearch.peak} MB.`,
          },
          {
            name: `Scale: renderer memory, Library of ${manifest.documents.toLocaleString('en')} documents (RSS)`,
            value: rendererAfterLaunch,
            unit: 'MB',
            better: 'lower',
            target: 400,
            detail: `the largest Chromium renderer's VmRSS after launch and the sort changes (no forced GC).`,
          },
        );
      } finally {
        await page.context().close();
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    figures.unshift({
      name: `Scale: launch to an interactive Library (${label})`,
      value: median(launches),
      unit: 'ms',
      better: 'lower',
      target: 1500,
      detail: `server spawn to the frame painting the first rows, median of ${launches.length} cold server starts (${launches.map((ms) => ms.toFixed(0)).join(', ')} ms); server RSS then ${serverMemory.map((m) => m.rss).join(', ')} MB.`,
    });
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
