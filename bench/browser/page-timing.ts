/**
 * Reading the app's own user-timing entries from a page (`lectio:paint-highlights`, `lectio:highlight-lookup`, added
 * in src-renderer/lib/state/highlighting.svelte.ts) and waiting for a rendered frame.
 */
import type { Page } from '@playwright/test';

export interface MeasureEntry {
  duration: number;
  detail: Record<string, unknown> | null;
}

export async function clearMeasures(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => performance.clearMeasures(n), name);
}

export async function measures(page: Page, name: string): Promise<MeasureEntry[]> {
  return page.evaluate(
    (n) =>
      performance.getEntriesByName(n, 'measure').map((entry) => ({
        duration: entry.duration,
        detail: ((entry as PerformanceMeasure).detail ?? null) as Record<string, unknown> | null,
      })),
    name,
  );
}

/** Waits for the first paint of `count` highlights since the entries were cleared; returns its duration. */
export async function awaitPaint(page: Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const entry = performance
        .getEntriesByName('lectio:paint-highlights', 'measure')
        .find((e) => ((e as PerformanceMeasure).detail as { count?: number } | null)?.count === n);
      return entry ? entry.duration : false;
    },
    count,
    { timeout: 120_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

/** Resolves after the next frame has been produced (a task queued from requestAnimationFrame runs after paint). */
export function afterFrame(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        }),
      ),
  );
}
