/**
 * A long Anki export as a reader meets it: past a moment it shows "Exporting… N of M cards" with a Cancel button;
 * Cancel (from the keyboard) stops it in the service, with no file and a quiet "Export cancelled"; left alone, it
 * downloads the whole file. The server process is paused (SIGSTOP, as a machine too busy to run it) from just before
 * the click: the page's calls wait in the kernel and are read, in the order they were made, when it runs again, so the
 * spec holds the export at its start and needs no race against it, however fast or slow the machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import type { StoredCard } from '@core/cards/card';
import { describe } from '@core/anchoring/describe';
import { passagesOf } from '@core/passages';
import { CARDS_SCHEMA_VERSION } from '@main/storage/card-file-schemas';
import { mustCall } from '../support/api-client';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();
const CARDS = 2000;

/** Fills the library with CARDS cards made from the sample's sentences, as cards from highlights are, then restarts. */
async function seedCards(): Promise<void> {
  const text = (await mustCall(server, 'getDocument', { id: 'sample' })).body.text;
  const passages = passagesOf(text).filter((p) => p.end - p.start > 20);
  const at = new Date().toISOString();
  const cards: StoredCard[] = Array.from({ length: CARDS }, (_, i) => {
    const passage = passages[i % passages.length]!;
    return {
      id: `seeded-${i}`,
      kind: 'basic',
      front: `Question ${i + 1} on this passage`,
      back: `Answer ${i + 1}`,
      tags: ['seeded'],
      source: { documentId: 'sample', selectors: describe(text, passage.start, passage.end) },
      highlightId: null,
      color: null,
      suspended: false,
      guid: null,
      createdAt: at,
      updatedAt: at,
    };
  });
  await server.stop();
  writeFileSync(
    path.join(server.dataDir, 'cards.json'),
    JSON.stringify({ schemaVersion: CARDS_SCHEMA_VERSION, cards }),
  );
  await server.start(server.dataDir);
}

async function openCards(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  await expect(
    page.getByText(`${CARDS.toLocaleString('en')} of ${CARDS.toLocaleString('en')} cards match`),
  ).toBeVisible();
  // Thousands of cards are listed a page at a time.
  const rows = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
  expect(await rows.count()).toBeLessThan(CARDS);
  await expect(page.getByRole('button', { name: /^Show more \(\d+ left\)$/ })).toBeVisible();
}

/** Clicks Export for Anki with the server paused: the export is asked for, and waits for the server to run again. */
async function clickExportWhilePaused(page: Page): Promise<void> {
  server.pause();
  await page.getByRole('button', { name: 'Export for Anki' }).click();
}

/** Counts the page's exportProgress calls still waiting for an answer. */
function pendingProgressCalls(page: Page): () => number {
  let pending = 0;
  const isProgress = (url: string) => url.endsWith('/api/exportProgress');
  page.on('request', (request) => void (isProgress(request.url()) && pending++));
  page.on('requestfinished', (request) => void (isProgress(request.url()) && pending--));
  page.on('requestfailed', (request) => void (isProgress(request.url()) && pending--));
  return () => pending;
}

test.beforeEach(async () => {
  test.setTimeout(120_000);
  await seedCards();
});

test('a long Anki export shows its progress, and Cancel stops it with no file', async ({ page }) => {
  await openCards(page);
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/exportCards'));

  try {
    await clickExportWhilePaused(page);
    // Past a moment the bar shows, with a Cancel reached from the keyboard.
    const bar = page.getByRole('progressbar', { name: 'Exporting cards' });
    await expect(bar).toBeVisible();
    await expect(page.getByRole('status').filter({ has: bar })).toContainText('Exporting…');
    await saveScreen(page, 'cards-export-progress');
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Cancelling…' })).toBeVisible();
  } finally {
    server.resume();
  }

  await expect(page.getByRole('status').filter({ hasText: 'Export cancelled' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Exporting cards' })).toBeHidden();
  // The service stopped it (read after the export's start, the cancel reached it running), and nothing was downloaded.
  expect(await (await answer).json()).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  expect(await mustCall(server, 'exportProgress', {})).toEqual({ running: false, done: 0, total: 0 });
  expect(downloads).toEqual([]);
  // Focus is back on the button that started the export.
  await expect(page.getByRole('button', { name: 'Export for Anki' })).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a long Anki export left to finish shows "N of M cards" and downloads the whole file', async ({ page }) => {
  await openCards(page);
  const pending = pendingProgressCalls(page);
  // Every value the bar announces, recorded as it changes (the export may end before a check could see it).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { barTexts: string[] }).barTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('progress[aria-label="Exporting cards"]')?.getAttribute('aria-valuetext');
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const downloaded = page.waitForEvent('download');

  try {
    await clickExportWhilePaused(page);
    await expect(page.getByRole('progressbar', { name: 'Exporting cards' })).toBeVisible();
    // The bar has asked how far the export has got: read after the export's start, that call is answered mid-export.
    await expect.poll(pending).toBeGreaterThan(0);
  } finally {
    server.resume();
  }

  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('lectio-anki.txt');
  const content = readFileSync(await download.path(), 'utf8');
  expect(content).toBe((await mustCall(server, 'exportCards', {})).content);
  const lines = content.split('\n');
  expect(lines.slice(0, 2)).toEqual(['#separator:tab', '#html:false']);
  expect(lines.filter((line) => line.startsWith('lectio-seeded-'))).toHaveLength(CARDS);
  const shown = await page.evaluate(() => (window as unknown as { barTexts: string[] }).barTexts);
  expect(shown).toContainEqual(
    expect.stringMatching(new RegExp(`^Exporting… [\\d,]+ of ${CARDS.toLocaleString('en')} cards$`)),
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'Exported lectio-anki.txt: in Anki, File › Import' }),
  ).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Exporting cards' })).toBeHidden();
});
