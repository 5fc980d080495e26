/**
 * The Library screen with 1,000 documents: from the click on "Library" in the Reader until the list is ready to use
 * (every document loaded; the rows shown, which the screen renders a page at a time as the reader scrolls, with a
 * "Show more" row when there are more) and the frame after it has been produced. Also the same on a page load.
 */
import type { Page } from '@playwright/test';
import type { Figure } from '../result';
import { median } from '../stats';
import { newPage, openApp, openDocument } from './chromium';
import type { BrowserEnv } from './env';
import { startServer } from './serve';

/** In the page: clicks the Library link and resolves with the ms until `count` documents are listed and a frame passed. */
function openLibrary(page: Page, count: number): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve, reject) => {
        const link = document.querySelector('nav a[href="#/"]');
        if (!(link instanceof HTMLElement)) {
          reject(new Error('no Library link'));
          return;
        }
        const started = performance.now();
        const done = () => {
          if (!listReady(n)) return false;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - started);
            channel.port2.postMessage(null);
          });
          return true;
        };
        // Inlined in the page: the list is ready when every row is there, or its first page and the "Show more" row.
        function listReady(total: number): boolean {
          const rows = document.querySelectorAll('ul.doc-list > li').length;
          return rows >= total || (rows > 0 && document.querySelector('.list-more') !== null);
        }
        const observer = new MutationObserver(() => done());
        observer.observe(document.body, { childList: true, subtree: true });
        link.click();
      }),
    count,
  );
}

/** From navigation start to the frame that paints the full list, on a fresh page load. */
async function loadLibrary(page: Page, url: string, count: number): Promise<number> {
  await page.goto(url);
  // Checked on every animation frame: the first frame that finds the full list is the one that paints it.
  const handle = await page.waitForFunction(
    (n) => {
      const rows = document.querySelectorAll('ul.doc-list > li').length;
      return rows >= n || (rows > 0 && document.querySelector('.list-more') !== null) ? performance.now() : 0;
    },
    count,
    {
      timeout: 60_000,
      polling: 'raf',
    },
  );
  return (await handle.jsonValue()) as number;
}

export async function libraryScreenBenchmark(env: BrowserEnv): Promise<Figure[]> {
  const server = await startServer(env.serveScript, env.dataDir);
  const page = await newPage(env.browser);
  try {
    const count = env.manifest.documents;
    await openApp(page, server.url);
    const reps = env.reps({ warmup: 1, runs: 7 }, { warmup: 1, runs: 3 });
    const samples: number[] = [];
    for (let i = 0; i < reps.warmup + reps.runs; i += 1) {
      await openDocument(page, 'sample');
      const ms = await openLibrary(page, count);
      if (i >= reps.warmup) samples.push(ms);
    }
    const loads: number[] = [];
    for (let i = 0; i < (env.quick ? 1 : 3); i += 1) loads.push(await loadLibrary(page, server.url, count));
    return [
      {
        name: `Library screen, ${count.toLocaleString('en')} documents: open to interactive`,
        value: median(samples),
        unit: 'ms',
        better: 'lower',
        target: 300,
        detail: `from the click on "Library" in the Reader to the list ready (all ${count} documents loaded, the first page of rows shown with "Show more") and the next frame, median of ${samples.length}; on a page load (navigation start to the same point): ${median(loads).toFixed(0)} ms.`,
      },
    ];
  } finally {
    await page.context().close();
    await server.stop();
  }
}
