/**
 * Renderer memory with the 100,000-word article and 5,000 highlights drawn, in a fresh Chromium. The figure is the
 * renderer process's resident set (VmRSS from /proc, Linux) after a forced garbage collection: the whole process
 * (DOM, layout, V8, Blink's own heaps), which is what the machine pays. The V8 heap (CDP Performance.getMetrics
 * JSHeapUsedSize) and the proportional set size (PSS, shared pages divided among processes) are reported beside it.
 * `performance.memory` was not used: it needs a flag, is coarsened, and covers the JS heap only.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { LONG_IDS } from '../library/spec';
import type { Figure } from '../result';
import { launchChromium, newPage, openApp, openDocument } from './chromium';
import type { BrowserEnv } from './env';
import { awaitPaint, clearMeasures } from './page-timing';
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
async function usage(page: Page, browserSession: CDPSession): Promise<Usage> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  let best = { rss: 0, pss: 0, anon: 0, file: 0 };
  for (const process of processInfo.filter((p) => p.type === 'renderer')) {
    const status = `/proc/${process.id}/status`;
    const rss = procKb(status, 'VmRSS');
    if (rss > best.rss) best = { rss, pss: procKb(`/proc/${process.id}/smaps_rollup`, 'Pss'), anon: procKb(status, 'RssAnon'), file: procKb(status, 'RssFile') };
  }
  return { rssMb: best.rss / 1024, pssMb: best.pss / 1024, anonMb: best.anon / 1024, fileMb: best.file / 1024, heapMb: heap / 1024 / 1024 };
}

export async function memoryBenchmark(env: BrowserEnv): Promise<Figure[]> {
  const browser = await launchChromium();
  const server = await startServer(env.serveScript, env.dataDir);
  try {
    const page = await newPage(browser);
    const browserSession = await browser.newBrowserCDPSession();
    await openApp(page, server.url);
    await openDocument(page, 'sample');
    await page.waitForTimeout(500);
    const sample = await usage(page, browserSession);
    await clearMeasures(page, 'lectio:paint-highlights');
    await openDocument(page, LONG_IDS.many);
    await awaitPaint(page, env.manifest.longSpans.many.length);
    await page.waitForTimeout(1000);
    const long = await usage(page, browserSession);
    return [
      {
        name: 'Renderer memory, 100,000-word article with 5,000 highlights (RSS)',
        value: long.rssMb,
        unit: 'MB',
        better: 'lower',
        target: 200,
        detail:
          `after a forced GC: anonymous (the process's own heaps) ${long.anonMb.toFixed(0)} MB, file-backed (Chromium's code and fonts, shared) ${long.fileMb.toFixed(0)} MB, ` +
          `PSS ${long.pssMb.toFixed(0)} MB, V8 heap ${long.heapMb.toFixed(1)} MB; on the sample article: RSS ${sample.rssMb.toFixed(0)} MB ` +
          `(anonymous ${sample.anonMb.toFixed(0)}, file-backed ${sample.fileMb.toFixed(0)}), PSS ${sample.pssMb.toFixed(0)} MB, V8 heap ${sample.heapMb.toFixed(1)} MB.`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
