/**
 * Click to highlight at 5,000 highlights, in the real Reader: real mouse clicks on drawn highlights, timed by the app's
 * `lectio:highlight-lookup` measure (the caret the press left, its canonical offset, the interval-index lookup), against
 * `CSS.highlights.highlightsFromPoint()` timed at the same points on the same page.
 */
import type { Page } from '@playwright/test';
import { LONG_IDS } from '../library/spec';
import type { Figure } from '../result';
import { median, p95 } from '../stats';
import { newPage, openApp, openDocument } from './chromium';
import type { BrowserEnv } from './env';
import { afterFrame, awaitPaint, clearMeasures, measures } from './page-timing';
import { startServer } from './serve';

interface Point {
  x: number;
  y: number;
}

/**
 * Scrolls the article to `fraction` of its length, lets the Reader draw the highlights near the view (long articles
 * draw by window, after the scroll), and returns a point inside the first line of the first drawn highlight on screen.
 */
async function pointAt(page: Page, fraction: number): Promise<Point | null> {
  await page.evaluate((f) => {
    const blocks = document.querySelectorAll('.article-body [data-start]');
    blocks[Math.floor(f * (blocks.length - 1))]?.scrollIntoView({ block: 'start' });
  }, fraction);
  await afterFrame(page);
  await afterFrame(page);
  return page.evaluate(() => {
    const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
    for (const color of [1, 2, 3, 4, 5]) {
      for (const stored of CSS.highlights.get(`lectio-hl-${color}`) ?? []) {
        const range = document.createRange();
        range.setStart(stored.startContainer, stored.startOffset);
        range.setEnd(stored.endContainer, stored.endOffset);
        const rect = [...range.getClientRects()].find(
          (r) => r.width > 6 && r.top > top + 4 && r.bottom < innerHeight - 4,
        );
        if (rect) return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  });
}

/**
 * Times one highlightsFromPoint call at the point, and (for comparison) one caretPositionFromPoint, the browser hit test
 * the app would need if the press had left no caret; returns [baseline ms, highlights found, caret ms].
 */
function fromPoint(page: Page, point: Point): Promise<[number, number, number]> {
  return page.evaluate(({ x, y }) => {
    const registry = CSS.highlights as HighlightRegistry & {
      highlightsFromPoint?: (x: number, y: number) => unknown[];
    };
    document.caretPositionFromPoint(x, y); // the first call after scrolling pays for layout; the click does not
    const caretStart = performance.now();
    document.caretPositionFromPoint(x, y);
    const caret = performance.now() - caretStart;
    if (!registry.highlightsFromPoint) return [Number.NaN, 0, caret] as [number, number, number];
    const started = performance.now();
    const found = registry.highlightsFromPoint(x, y);
    return [performance.now() - started, found.length, caret] as [number, number, number];
  }, point);
}

export async function lookupBenchmark(env: BrowserEnv): Promise<Figure[]> {
  const server = await startServer(env.serveScript, env.dataDir);
  const page = await newPage(env.browser, { isolated: true });
  try {
    await openApp(page, server.url);
    const count = env.manifest.longSpans.many.length;
    await clearMeasures(page, 'lectio:paint-highlights');
    await openDocument(page, LONG_IDS.many);
    await awaitPaint(page, count);
    const isolated = await page.evaluate(() => crossOriginIsolated);
    const { warmup, runs: clicks } = env.reps({ warmup: 10, runs: 60 }, { warmup: 5, runs: 20 });
    /** Clicks a drawn highlight near `fraction` of the article; returns highlightsFromPoint's time there and more. */
    const clickAt = async (fraction: number): Promise<[number, number, number] | null> => {
      const point = await pointAt(page, fraction);
      if (!point) return null;
      const measured = await fromPoint(page, point);
      await page.mouse.click(point.x, point.y);
      await page.keyboard.press('Escape');
      return measured;
    };
    // The first clicks of a page run code V8 has not compiled yet; they are timed apart and reported beside the figure.
    await clearMeasures(page, 'lectio:highlight-lookup');
    for (let k = 0; k < warmup; k += 1) await clickAt((k + 0.25) / warmup);
    const firstClicks = (await measures(page, 'lectio:highlight-lookup')).map((entry) => entry.duration);
    const baseline: number[] = [];
    const carets: number[] = [];
    let baselineHits = 0;
    await clearMeasures(page, 'lectio:highlight-lookup');
    for (let k = 0; k < clicks; k += 1) {
      const measured = await clickAt((k + 0.5) / clicks);
      if (!measured) continue;
      const [ms, found, caretMs] = measured;
      baseline.push(ms);
      carets.push(caretMs);
      if (found > 0) baselineHits += 1;
    }
    const lookups = await measures(page, 'lectio:highlight-lookup');
    const hits = lookups.filter((entry) => entry.detail?.hit).length;
    const times = lookups.map((entry) => entry.duration);
    return [
      {
        name: `Click to highlight lookup, ${count.toLocaleString('en')} highlights, p95`,
        value: p95(times),
        unit: 'ms',
        better: 'lower',
        target: 0.1,
        baseline: { name: 'highlightsFromPoint', value: p95(baseline) },
        detail: `${times.length} real clicks on drawn highlights (${hits} found their highlight) after ${firstClicks.length} warm-up clicks (the page's first click ${(firstClicks[0] ?? Number.NaN).toFixed(3)} ms, the warm-up's median ${median(firstClicks).toFixed(3)} ms, while V8 compiles the path), median ${median(times).toFixed(3)} ms, reading the caret the press left instead of hit-testing the point again (caretPositionFromPoint there: median ${median(carets).toFixed(3)} ms, p95 ${p95(carets).toFixed(3)} ms); highlightsFromPoint at the same points: median ${median(baseline).toFixed(3)} ms, ${baselineHits}/${baseline.length} found one. Timer resolution ${isolated ? '5 µs (cross-origin isolated page)' : '100 µs'}.`,
      },
    ];
  } finally {
    await page.context().close();
    await server.stop();
  }
}
