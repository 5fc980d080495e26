/**
 * An actor's dossier across the library, as a reader reaches it: from the Actors panel, from search and from a quiz
 * question; its roles over time with date and source, its mentions linking to the Reader, and merging and splitting
 * the actor across documents (kept in library-actors.json, undone).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callApi } from '../support/api-client';
import { serverPerTest } from '../support/server';
import { FIRST, SECOND } from '@main/api/services/test-actor-articles';

const server = serverPerTest();

const ARTICLES = [
  {
    title: 'Treaty talks',
    source: 'Northern Herald',
    publishedDate: '2024-03-05',
    text: FIRST,
  },
  {
    title: 'A visit',
    source: 'Coastal Times',
    publishedDate: '2025-01-10',
    text: SECOND,
  },
];

/** Imports and analyses the articles through the API (setup, not what is tested); returns their ids in order. */
async function seed(): Promise<string[]> {
  const ids: string[] = [];
  for (const article of ARTICLES) {
    const imported = await callApi(server, 'importDocument', { ...article, format: 'text' });
    if (!imported.ok) throw new Error(imported.error.message);
    const analysed = await callApi(server, 'getAnalysis', { id: imported.value.id });
    if (!analysed.ok) throw new Error(analysed.error.message);
    ids.push(imported.value.id);
  }
  return ids;
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = path.join(__dirname, '..', '..', 'test-results', 'shots', 'dossier');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The dossier's documents (each holds its own list of mentions, so only the items with a title). */
const documentsOf = (page: Page) =>
  page
    .getByRole('list', { name: 'Documents' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });

/** Opens the app, then a screen by its address (the access token is in the first address's fragment). */
async function openAt(page: Page, hash: string): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

test('from the Actors panel: roles over time with date and source, every document, mentions opening the Reader', async ({
  page,
}) => {
  const [first] = await seed();
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAt(page, `#/read/${first}`);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page.getByRole('button', { name: /^Marta Quellen/ }).click();
  await page.getByRole('link', { name: 'Marta Quellen across the library →' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Marta Quellen' })).toBeVisible();
  const roles = page.getByRole('region', { name: 'Roles over time' }).getByRole('listitem');
  await expect(roles).toHaveText([
    /Foreign Minister\s*\(2024, Northern Herald\)/,
    /Prime Minister\s*\(2025, Coastal Times\)/,
  ]);
  await expect(documentsOf(page)).toHaveCount(2);
  await expect(documentsOf(page).first()).toContainText('A visit');
  await expect(page.getByRole('region', { name: 'Seen most with' })).toContainText('Oren Talvik');
  await expect(page.getByRole('region', { name: 'What they said' })).toContainText('We will sign the treaty in June');
  await shot(page, 'dossier-1280');
  await page.setViewportSize({ width: 800, height: 900 });
  await shot(page, 'dossier-800');

  await page.getByRole('link', { name: /Foreign Minister Marta Quellen of France met/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/read/${first}\\?at=\\d+-\\d+`));
  await expect(page.getByRole('article')).toContainText('Foreign Minister Marta Quellen');
});

test('from search: matching actors come first, and Enter opens the dossier', async ({ page }) => {
  await seed();
  await page.goto(server.url);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search the library' }).fill('Quell');
  const option = page.getByRole('option', { name: /Person\s*Marta Quellen\s*Dossier: 2 documents/ });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Marta Quellen' })).toBeVisible();
  await expect(documentsOf(page)).toHaveCount(2);
});

test('split a document off and merge it back across documents, kept in the library, then undo', async ({ page }) => {
  const [, second] = await seed();
  await openAt(page, `#/actor?key=${encodeURIComponent('person:marta-quellen')}`);
  await expect(documentsOf(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Merge or split…' }).click();
  await page.getByRole('checkbox', { name: 'Split off A visit' }).check();
  await page.getByRole('button', { name: 'Split 1 document off' }).click();
  await expect(page.getByRole('status')).toContainText('One document is now a separate “Marta Quellen”');
  await expect(documentsOf(page)).toHaveCount(1);
  await expect(documentsOf(page)).toContainText('Treaty talks');
  // Its Undo stays at hand on the dossier it was taken out of.
  await expect(page.getByRole('list', { name: 'Your changes' })).toContainText(
    'Split “Marta Quellen” out of 1 document',
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'dossier-split-1280');

  // The other one opens on its own.
  await page.getByRole('link', { name: 'Open the other “Marta Quellen”' }).click();
  await expect(documentsOf(page)).toHaveCount(1);
  await expect(documentsOf(page)).toContainText('A visit');
  await page.goBack();
  await expect(documentsOf(page)).toContainText('Treaty talks');

  // Merged back through the merge box, by name.
  await page.getByRole('button', { name: 'Merge or split…' }).click();
  await page.getByRole('searchbox', { name: 'Merge with another person' }).fill('Quel');
  await page.getByRole('button', { name: 'Merge “Marta Quellen” here' }).click();
  await expect(page.getByRole('status')).toContainText('Merged “Marta Quellen” into this dossier: 2 documents.');
  await expect(documentsOf(page)).toHaveCount(2);
  const file = path.join(server.dataDir, 'library-actors.json');
  const stored = () =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { corrections: { type: string }[] }).corrections : [];
  await expect.poll(() => stored().map((c) => c.type)).toEqual(['split', 'merge']);

  // Undo the merge: apart again, also after a restart.
  const merge = page
    .getByRole('list', { name: 'Your changes' })
    .getByRole('listitem')
    .filter({ hasText: 'Merged “Marta Quellen”' });
  await merge.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toHaveText('Undone.');
  await expect(documentsOf(page)).toHaveCount(1);
  await server.restart();
  await openAt(page, `#/actor?doc=${second}&actor=${encodeURIComponent('person:marta-quellen')}`);
  await expect(documentsOf(page)).toHaveCount(1);
  await expect(documentsOf(page)).toContainText('A visit');
});

test('from a quiz question about an actor, once answered', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('checkbox', { name: /Putin’s visit/ })).toBeChecked();
  // Role questions are each about one actor.
  for (const kind of await page.locator('.kind-grid input[type="checkbox"]').all())
    if (await kind.isChecked()) await kind.uncheck();
  await page.getByRole('checkbox', { name: 'Roles', exact: true }).check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText('Question 1 of')).toBeVisible();
  // Not before the answer: the dossier would give it away.
  await expect(page.getByRole('link', { name: 'Actor’s dossier' })).toHaveCount(0);
  await page.getByRole('radiogroup').getByRole('radio').first().check();
  await page.getByRole('button', { name: /Check/ }).click();
  await expect(page.locator('.verdict')).toBeVisible();
  await page.getByRole('link', { name: 'Actor’s dossier' }).click();
  await expect(page).toHaveURL(/#\/actor\?doc=sample&actor=/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Roles over time' }).getByRole('listitem').first()).toContainText(
    'Donga',
  );
});
