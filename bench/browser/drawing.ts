/**
 * Drawing highlights on the 100,000-word article, in the real Reader: the JavaScript time of the app's own paint
 * (the `lectio:paint-highlights` measure around HighlightController.paint) when the document opens, and on a repaint,
 * against Hypothesis-style `<mark>` wrapping of the same spans over the same DOM; and the elements drawing adds.
 */
import type { Page } from '@playwright/test';
import { LONG_IDS } from '../library/spec';
import type { Figure } from '../result';
import { median, p95 } from '../stats';
import { newPage, openApp, openDocument } from './chromium';
import type { BrowserEnv } from './env';
import { wrapWithMarks } from './mark-baseline';
import { afterFrame, awaitPaint, clearMeasures } from './page-timing';
import { startServer } from './serve';

interface Repaint {
  paintMs: number;
  frameMs: number;
  elementsBefore: number;
  elementsAfter: number;
  mutations: number;
}

/**
 * Removes the drawn layers and presses Escape in the page (the Reader repaints every highlight on dismiss, and
 * redraws a layer only when it is not drawn as asked), so each repaint draws every range again with the text map
 * warm; times it until the next frame.
 */
function repaint(page: Page): Promise<Repaint> {
  return page.evaluate(async () => {
    const body = document.querySelector('.article-body');
    if (!body) throw new Error('no article on the page');
    performance.clearMeasures('lectio:paint-highlights');
    const elementsBefore = body.querySelectorAll('*').length;
    let mutations = 0;
    const observer = new MutationObserver((records) => {
      mutations += records.length;
    });
    observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
    CSS.highlights.clear();
    const started = performance.now();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      }),
    );
    const frameMs = performance.now() - started;
    mutations += observer.takeRecords().length;
    observer.disconnect();
    const entry = performance.getEntriesByName('lectio:paint-highlights', 'measure').at(-1);
    return {
      paintMs: entry?.duration ?? Number.NaN,
      frameMs,
      elementsBefore,
      elementsAfter: body.querySelectorAll('*').length,
      mutations,
    };
  });
}

interface DrawResult {
  count: number;
  /** Ranges drawn on opening: long articles draw the highlights near the view, the rest as the reader scrolls. */
  drawn: number;
  cold: number[];
  warm: Repaint[];
  marks: Awaited<ReturnType<typeof wrapWithMarks>>[];
}

/** How many ranges the highlight layers hold now. */
function drawnRanges(page: Page): Promise<number> {
  return page.evaluate(() =>
    [1, 2, 3, 4, 5].reduce((sum, color) => sum + (CSS.highlights.get(`lectio-hl-${color}`)?.size ?? 0), 0),
  );
}

/**
 * Scrolls the open article from top to bottom a screen at a time, a frame per step, and returns the durations of
 * the window redraws it caused (the app's `lectio:paint-window` measures) and the steps taken.
 */
async function scrollThrough(page: Page, maxSteps: number): Promise<{ redraws: number[]; steps: number }> {
  await page.evaluate(() => {
    performance.clearMeasures('lectio:paint-window');
    window.scrollTo(0, 0);
  });
  await afterFrame(page);
  let steps = 0;
  while (steps < maxSteps) {
    const atEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.9);
      return window.scrollY === before;
    });
    if (atEnd) break;
    steps += 1;
    await afterFrame(page);
  }
  const redraws = await page.evaluate(() =>
    performance.getEntriesByName('lectio:paint-window', 'measure').map((entry) => entry.duration),
  );
  return { redraws, steps };
}

async function measureDocument(
  env: BrowserEnv,
  page: Page,
  id: string,
  count: number,
  spans: readonly { start: number; end: number }[],
): Promise<DrawResult> {
  const reps = env.reps({ warmup: 1, runs: 4 }, { warmup: 0, runs: 2 });
  const cold: number[] = [];
  for (let i = 0; i < reps.warmup + reps.runs; i += 1) {
    await openDocument(page, 'sample');
    await clearMeasures(page, 'lectio:paint-highlights');
    await openDocument(page, id);
    const ms = await awaitPaint(page, count);
    if (i >= reps.warmup) cold.push(ms);
  }
  const drawn = await drawnRanges(page);
  await page.waitForTimeout(300); // let the Reader's panels settle before repainting
  const warm: Repaint[] = [];
  for (let i = 0; i < (env.quick ? 3 : 10); i += 1) warm.push(await repaint(page));
  // Collect garbage first, so that neither side pays for the other's garbage (live Ranges left by the page's own
  // code are visited by Chromium on each DOM mutation).
  const session = await page.context().newCDPSession(page);
  const marks = [];
  for (let i = 0; i < (env.quick ? 1 : 3); i += 1) {
    await session.send('HeapProfiler.collectGarbage');
    marks.push(await page.evaluate(wrapWithMarks, spans));
  }
  await session.detach();
  return { count, drawn, cold, warm, marks };
}

function figures(result: DrawResult, target: number | undefined): Figure[] {
  const markScript = median(result.marks.map((m) => m.scriptMs));
  const warmPaint = median(result.warm.map((w) => w.paintMs));
  const n = result.count.toLocaleString('en');
  const firstMarks = result.marks[0];
  const detail =
    `app paint measured on opening the document (first paint, text map cold), median of ${result.cold.length} opens; ` +
    `a long article draws the highlights within a screen of the view: ${result.drawn.toLocaleString('en')} of ${n} on opening, the others as the reader scrolls to them; ` +
    `repaint (warm) ${warmPaint.toFixed(2)} ms, next frame ${median(result.warm.map((w) => w.frameMs)).toFixed(0)} ms. ` +
    `<mark> wrapping: median of ${result.marks.length}, next frame ${median(result.marks.map((m) => m.frameMs)).toFixed(0)} ms, ${firstMarks?.marksAdded ?? 0} elements added.`;
  return [
    {
      name: `Draw ${n} highlights, 100,000-word article (JS)`,
      value: median(result.cold),
      unit: 'ms',
      better: 'lower',
      ...(target === undefined ? {} : { target }),
      baseline: { name: '<mark> wrapping', value: markScript },
      ratioTarget: 50,
      detail,
    },
  ];
}

/** Where wrapping pays: until the next frame (style, layout, paint), Lectio's repaint against the same <mark> runs. */
function frameFigure(result: DrawResult): Figure {
  return {
    name: `Draw ${result.count.toLocaleString('en')} highlights: until the next frame`,
    value: median(result.warm.map((w) => w.frameMs)),
    unit: 'ms',
    better: 'lower',
    baseline: { name: '<mark> wrapping', value: median(result.marks.map((m) => m.frameMs)) },
    detail:
      'from the start of drawing to the first task after the next frame (requestAnimationFrame, then a message); Lectio: median of the repaints, article already open.',
  };
}

export async function drawingBenchmark(env: BrowserEnv): Promise<Figure[]> {
  const server = await startServer(env.serveScript, env.dataDir);
  const page = await newPage(env.browser, { isolated: true });
  try {
    await openApp(page, server.url);
    const few = await measureDocument(
      env,
      page,
      LONG_IDS.few,
      env.manifest.longSpans.few.length,
      env.manifest.longSpans.few,
    );
    const many = await measureDocument(
      env,
      page,
      LONG_IDS.many,
      env.manifest.longSpans.many.length,
      env.manifest.longSpans.many,
    );
    const elements = many.warm.map((w) => w.elementsAfter - w.elementsBefore);
    const scroll = await scrollThrough(page, env.quick ? 60 : 10_000);
    const mutations = many.warm.reduce((sum, w) => sum + w.mutations, 0);
    return [
      ...figures(few, 5),
      ...figures(many, undefined),
      ...[few, many].map((result) => frameFigure(result)),
      {
        name: `Scrolling the ${many.count.toLocaleString('en')}-highlight article: redraw as the view moves, p95`,
        value: p95(scroll.redraws),
        unit: 'ms',
        better: 'lower',
        detail: `${scroll.steps} scroll steps of 0.9 screen, a frame each, top to bottom; ${scroll.redraws.length} window redraws (median ${median(scroll.redraws).toFixed(2)} ms, max ${Math.max(...scroll.redraws).toFixed(2)} ms); each step that redraws nothing costs two binary searches over the blocks' boxes.`,
      },
      {
        name: `Elements added to the article by drawing ${many.count.toLocaleString('en')} highlights`,
        value: Math.max(...elements),
        unit: 'elements',
        better: 'lower',
        target: 0,
        detail: `article elements counted before and after each repaint (${many.warm[0]?.elementsBefore ?? 0} before), and ${mutations} DOM mutations observed; <mark> wrapping adds ${many.marks[0]?.marksAdded ?? 0} elements.`,
      },
    ];
  } finally {
    await page.context().close();
    await server.stop();
  }
}
