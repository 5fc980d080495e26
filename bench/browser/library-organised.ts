/**
 * The organised Library with 5,000 documents in Chromium: the first render on a page load (navigation start to the
 * frame that paints the first page of rows), and a change of sort or filter made in the screen, from the change to
 * the frame that paints the new order. The library is the generated index and organisation only (no bodies).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { LibraryView } from '@core/library/organisation';
import { queryLibrary } from '@core/library/query';
import { organisedIndex, writeOrganisedLibrary, type OrganisedIndex } from '../library/organised-index';
import type { Figure } from '../result';
import { median, p95 } from '../stats';
import { newPage } from './chromium';
import type { BrowserEnv } from './env';
import { startServer } from './serve';

/** Navigation start to the first frame whose list shows its first page of rows (with "Show more"). */
async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () =>
      document.querySelectorAll('ul.doc-list > li').length > 0 && document.querySelector('.list-more')
        ? performance.now()
        : 0,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * In the page: selects `value` in the select labelled `label` and times until the frame that shows the result has
 * been produced (the change runs the query and Svelte's update before that frame; a message after it marks its end).
 * Resolves with the ms and the first title then shown, so the caller can check the change took effect.
 */
export function changeView(page: Page, label: string, value: string): Promise<{ ms: number; first: string }> {
  return page.evaluate(
    ([name, choice]) =>
      new Promise<{ ms: number; first: string }>((resolve, reject) => {
        const select = [...document.querySelectorAll('label')].find((el) => el.textContent?.trim() === name)?.control;
        if (!(select instanceof HTMLSelectElement)) {
          reject(new Error(`no select ${name}`));
          return;
        }
        const started = performance.now();
        select.value = choice;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () =>
            resolve({
              ms: performance.now() - started,
              first: document.querySelector('ul.doc-list .doc-title')?.textContent ?? '',
            });
          channel.port2.postMessage(null);
        });
      }),
    [label, value] as const,
  );
}

/** The title the query puts first for `view`, to check the screen shows it. */
function expectedFirst(index: OrganisedIndex, view: LibraryView): string {
  return (
    queryLibrary({ documents: index.documents, organisation: index.organisation.documents, due: null, view })[0]
      ?.title ?? ''
  );
}

export async function libraryOrganisedBenchmark(env: BrowserEnv): Promise<Figure[]> {
  const index = organisedIndex();
  const dir = writeOrganisedLibrary(mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-organised-')), index);
  const server = await startServer(env.serveScript, dir);
  const page = await newPage(env.browser);
  try {
    const loads: number[] = [];
    for (let i = 0; i < (env.quick ? 2 : 4); i++) loads.push(await firstRender(page, server.url));
    const changes: number[] = [];
    // Each step with the view it leads to (a text sort starts A to Z, the others newest or most first).
    const steps: [string, string, LibraryView][] = [
      ['Sort by', 'title', { sort: 'title', direction: 'asc', filter: {} }],
      ['Sort by', 'published', { sort: 'published', direction: 'desc', filter: {} }],
      ['Sort by', 'source', { sort: 'source', direction: 'asc', filter: {} }],
      ['Sort by', 'added', { sort: 'added', direction: 'desc', filter: {} }],
      ['Progress', 'reading', { sort: 'added', direction: 'desc', filter: { progress: 'reading', source: null } }],
      ['Progress', '', { sort: 'added', direction: 'desc', filter: { progress: null, source: null } }],
    ];
    for (let round = 0; round < (env.quick ? 1 : 4); round++) {
      for (const [label, value, view] of steps) {
        const { ms, first } = await changeView(page, label, value);
        if (first !== expectedFirst(index, view))
          throw new Error(
            `after ${label} = ${value} the list starts with “${first}”, not “${expectedFirst(index, view)}”`,
          );
        changes.push(ms);
      }
    }
    return [
      {
        name: 'Library first render, 5,000 documents (page load)',
        value: median(loads.slice(1)),
        unit: 'ms',
        better: 'lower',
        target: 1500,
        detail: `navigation start to the frame painting the first page of rows (those the window shows, and two more) of 5,000 (index and organisation file only: ${Object.keys(index.organisation.documents).length} organised documents, 80 tags, 24 collections), median of ${loads.length - 1} loads after one warm-up (all: ${loads.map((ms) => ms.toFixed(0)).join(', ')} ms).`,
      },
      {
        name: 'Library sort or filter change in the screen, 5,000 documents, p95',
        value: p95(changes),
        unit: 'ms',
        better: 'lower',
        target: 50,
        detail: `from the select's change to the frame after the new first row is in (the query, the re-render of the first page of rows, layout and paint), ${changes.length} changes: sort by title, published, source, added; progress filter on and off; median ${median(changes).toFixed(1)} ms.`,
      },
    ];
  } finally {
    await page.context().close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
