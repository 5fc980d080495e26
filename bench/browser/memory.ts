/**
 * Renderer memory with the 100,000-word article and 5,000 highlights drawn, in a fresh Chromium. The figure is the
 * renderer process's resident set (VmRSS from /proc, Linux) after a forced garbage collection: the whole process
 * (DOM, layout, V8, Blink's own heaps), which is what the machine pays. The V8 heap (CDP Performance.getMetrics
 * JSHeapUsedSize) and the proportional set size (PSS, shared pages divided among processes) are reported beside it.
 * `performance.memory` was not used: it needs a flag, is coarsened, and covers the JS heap only.
 *
 * Chromium is driven over a bare DevTools pipe (cdp-pipe.ts), not Playwright: Playwright's Network domain makes the
 * renderer keep every response body for DevTools, which added about 10 MB here that no reader's renderer holds.
 */
import { readFileSync } from 'node:fs';
import { LONG_IDS } from '../library/spec';
import type { Figure } from '../result';
import { launchOverPipe, type PipeBrowser, type PipePage } from './cdp-pipe';
import type { BrowserEnv } from './env';
import { startServer } from './serve';

interface Usage {
  rssMb: number;
  pssMb: number;
  /** Resident anonymous memory: the process's own heaps (Blink, V8, layout), without mapped files or shared memory. */
  anonMb: number;
  /** Resident file-backed pages: mostly Chromium's own binary and fonts, shared with every Chromium process. */
  fileMb: number;
  heapMb: number;
}

function procKb(file: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

/** Forces GC, then reads the V8 heap and the largest renderer's RSS and PSS (the page's renderer; others are idle). */
async function usage(page: PipePage, browser: PipeBrowser): Promise<Usage> {
  await page.send('HeapProfiler.collectGarbage');
  await page.send('Performance.enable');
  const { metrics } = (await page.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await page.send('Performance.disable');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  const { processInfo } = (await browser.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  let best = { rss: 0, pss: 0, anon: 0, file: 0 };
  for (const process of processInfo.filter((p) => p.type === 'renderer')) {
    const status = `/proc/${process.id}/status`;
    const rss = procKb(status, 'VmRSS');
    if (rss > best.rss)
      best = {
        rss,
        pss: procKb(`/proc/${process.id}/smaps_rollup`, 'Pss'),
        anon: procKb(status, 'RssAnon'),
        file: procKb(status, 'RssFile'),
      };
  }
  return {
    rssMb: best.rss / 1024,
    pssMb: best.pss / 1024,
    anonMb: best.anon / 1024,
    fileMb: best.file / 1024,
    heapMb: heap / 1024 / 1024,
  };
}

/** Opens document `id` through its route and waits for its text (and, with `highlights`, for that many drawn). */
async function openDocument(page: PipePage, id: string, highlights?: number): Promise<void> {
  await page.evaluate(
    `performance.clearMeasures('lectio:paint-highlights'); location.hash = ${JSON.stringify(`#/read/${id}`)}; true`,
  );
  await page.waitFor(`document.querySelector('.article-body [data-start]') !== null`);
  if (highlights !== undefined) {
    await page.waitFor(
      `performance.getEntriesByName('lectio:paint-highlights', 'measure').some((e) => e.detail?.count === ${highlights})`,
      120_000,
    );
  }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function memoryBenchmark(env: BrowserEnv): Promise<Figure[]> {
  const server = await startServer(env.serveScript, env.dataDir);
  const browser = await launchOverPipe();
  try {
    const page = await browser.open(server.url, { width: 1280, height: 860 });
    await page.waitFor(`[...document.querySelectorAll('h1, h2')].some((h) => h.textContent?.trim() === 'Library')`);
    await openDocument(page, 'sample');
    await settle(500);
    const sample = await usage(page, browser);
    await openDocument(page, LONG_IDS.many, env.manifest.longSpans.many.length);
    await settle(1000);
    const long = await usage(page, browser);
    return [
      {
        name: 'Renderer memory, 100,000-word article with 5,000 highlights (RSS)',
        value: long.rssMb,
        unit: 'MB',
        better: 'lower',
        target: 200,
        detail:
          `after a forced GC, in a Chromium with no automation attached: anonymous (the process's own heaps) ${long.anonMb.toFixed(0)} MB, file-backed (Chromium's code and fonts, shared) ${long.fileMb.toFixed(0)} MB, ` +
          `PSS ${long.pssMb.toFixed(0)} MB, V8 heap ${long.heapMb.toFixed(1)} MB; on the sample article: RSS ${sample.rssMb.toFixed(0)} MB ` +
          `(anonymous ${sample.anonMb.toFixed(0)}, file-backed ${sample.fileMb.toFixed(0)}), PSS ${sample.pssMb.toFixed(0)} MB, V8 heap ${sample.heapMb.toFixed(1)} MB.`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
