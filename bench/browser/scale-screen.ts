/**
 * Issue #20's "Scale" figures as the reader meets them, in browser mode over the generated scale library (5,000
 * documents, a million review logs at full size): launch to an interactive Library, a change of sort or filter in the
 * screen, a search through the HTTP API, and the memory of the server (the main process) and of the renderer.
 * The library is a hard-linked copy of the cached one (the app replaces files by renaming, never writes into them; the
 * search index is a new file, written only in the copy).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { httpPath, TOKEN_HEADER } from '@contract';
import { ensureScaleLibrary } from '../library/scale-library';
import type { ScaleSize } from '../library/scale-spec';
import type { Figure } from '../result';
import { median, p95 } from '../stats';
import { newPage } from './chromium';
import type { BrowserEnv } from './env';
import { changeView } from './library-organised';
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

/** One API call from the page (as the renderer makes it), timed in the page. */
function timedCall(page: Page, token: string, method: 'search' | 'getDueByDocument', input: unknown): Promise<number> {
  return page.evaluate(
    async ([route, header, body, token]) => {
      const started = performance.now();
      const response = await fetch(route, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: token },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { ok: boolean };
      if (!result.ok) throw new Error(JSON.stringify(result));
      return performance.now() - started;
    },
    [httpPath(method), TOKEN_HEADER, input, token] as const,
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
    const launches: number[] = [];
    const serverMemory: { rss: number; peak: number }[] = [];
    for (let i = 0; i < (env.quick ? 2 : 3); i++) {
      const dir = path.join(work, `run${i}`);
      execFileSync('cp', ['-al', cached, dir]);
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
          const firstMs = await timedCall(page, token, 'search', { query: manifest.queries[0] ?? 'the', limit: 30 });
          figures.push({
            name: `Scale: the first search after a launch, index on disk, through the API`,
            value: firstMs,
            unit: 'ms',
            better: 'lower',
            target: 100,
            detail: `a second launch over the index the first one built (SQLite's WebAssembly loaded and the index opened by this search); server RSS afterwards ${memoryOf(server.pid).rss} MB.`,
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
        // The start-up backup runs 10 s after launch (START_BACKUP_DELAY_MS): wait it out and read the peak.
        await new Promise((done) => setTimeout(done, 20_000));
        const afterBackup = memoryOf(server.pid);
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
            detail: `after launch and the sort changes; after the due counts ${afterDue.rss} MB; after the index was built and searched ${afterSearch.rss} MB; 20 s later, past the start-up backup, ${afterBackup.rss} MB, peak (VmHWM) ${afterBackup.peak} MB.`,
          },
          {
            name: `Scale: main process memory, peak over the session (VmHWM)`,
            value: afterBackup.peak,
            unit: 'MB',
            better: 'lower',
            target: 400,
            detail: `launch, due counts, the search index built (once, on this first launch) and searched, and the start-up backup (which reads and checks every data file, the review log included).`,
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
