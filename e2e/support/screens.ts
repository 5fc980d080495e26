/**
 * Screenshots of each screen, as a person sees them. They land in test-results/screens; with
 * LECTIO_UPDATE_SCREENSHOTS=1 they also refresh docs/screens, which the README shows.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './server';

export async function saveScreen(page: Page, name: string): Promise<void> {
  const file = path.join(REPO_ROOT, 'test-results', 'screens', `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: false });
  if (process.env.LECTIO_UPDATE_SCREENSHOTS === '1') {
    const docs = path.join(REPO_ROOT, 'docs', 'screens');
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, path.join(docs, `${name}.png`));
  }
}

/** The same screen at 800 and 1280 px wide (named `<name>-800`, `<name>-1280`), then the viewport as it was. */
export async function saveScreenWidths(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await saveScreen(page, `${name}-${width}`);
  }
  if (size) await page.setViewportSize(size);
}
