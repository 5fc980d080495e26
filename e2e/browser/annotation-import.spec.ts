/**
 * Importing Web Annotation JSON as a reader does: a file exported from one article never lands silently on another
 * (the reader is asked whether to import it where it belongs), and a highlight from another tool, whose W3C id is an
 * IRI, can be edited and deleted like any other.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { describe } from '@core/anchoring/describe';
import { mustCall } from '../support/api-client';
import { highlightPhrase, openSample, pasteArticle } from '../support/reader';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

type Stored = { id: string; note: string; foreignId?: string; selectors: [unknown, { exact: string }] };
function storedHighlights(documentId: string): Stored[] {
  const file = path.join(server.dataDir, 'annotations', `${documentId}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).highlights as Stored[]) : [];
}

test('highlights exported from one article are not put on another: the reader is asked, and they go where they belong', async ({
  page,
}) => {
  await openSample(page, server.url);
  await highlightPhrase(page, 'Liu Jianchao');
  await expect.poll(() => storedHighlights('sample').length).toBe(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const jsonPath = await download.path();
  await page.keyboard.press('Escape');
  await page.getByRole('list', { name: 'Highlights' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => storedHighlights('sample').length).toBe(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await pasteArticle(
    page,
    'Lisbon talks',
    ['Ministers met in Lisbon on Monday.', 'They agreed to meet again in May.'],
    'They agreed to meet again in May.',
  );
  const lisbon = /#\/read\/([\w-]+)/.exec(page.url())?.[1] ?? '';
  expect(lisbon).not.toBe('');

  await page.locator('input[type=file][accept*="json"]').setInputFiles(jsonPath);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 0 highlights; 1 left out' })).toBeVisible();
  const question = page.getByRole('group', { name: 'Highlights left out of the import' });
  // Text nodes may wrap in the markup (the page shows one space): match across any whitespace.
  await expect(question).toContainText(/1\s+highlight belongs to “Putin’s visit to North Korea.*”\. Import it there\?/);
  expect(storedHighlights(lisbon)).toEqual([]);
  await expect(page.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(0);

  await question.getByRole('button', { name: /^Import into “Putin’s visit/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Imported 1 highlight into “Putin’s visit/ })).toBeVisible();
  await expect(question).toBeHidden();
  expect(storedHighlights('sample').map((h) => h.selectors[1].exact)).toEqual(['Liu Jianchao']);
  expect(storedHighlights(lisbon)).toEqual([]);
});

test('a highlight from another tool (an IRI id) can be edited and deleted', async ({ page }, testInfo) => {
  const doc = await mustCall(server, 'getDocument', { id: 'sample' });
  const start = doc.body.text.indexOf('Liu Jianchao');
  const annotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example.org/anno/42',
    type: 'Annotation',
    created: '2025-02-03T10:00:00Z',
    body: { type: 'TextualBody', purpose: 'commenting', value: 'From my other reader' },
    target: {
      source: 'https://www.donga.com/news/putin-north-korea',
      selector: describe(doc.body.text, start, start + 'Liu Jianchao'.length),
    },
  };
  const file = testInfo.outputPath('foreign.json');
  writeFileSync(file, JSON.stringify(annotation));

  await openSample(page, server.url);
  await page.locator('input[type=file][accept*="json"]').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 highlight' })).toBeVisible();
  expect(storedHighlights('sample')[0]).toMatchObject({
    foreignId: 'https://annotations.example.org/anno/42',
    id: expect.stringMatching(/^[\w-]+$/),
  });

  const item = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: 'Liu Jianchao' });
  await item.getByRole('button', { name: 'Edit note' }).click();
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Edited here');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => storedHighlights('sample')[0]?.note).toBe('Edited here');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await item.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => storedHighlights('sample').length).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => storedHighlights('sample')[0]?.note).toBe('Edited here');
});
