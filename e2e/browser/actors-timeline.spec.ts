/** The study panel's Actors and Timeline on the sample article, and corrections that outlive a restart. */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { paintedLayers } from '../support/text';

const server = serverPerTest();

async function openSample(page: Page) {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('tab', { name: /Actors \d+/ })).toBeVisible();
}

test('actors are grouped with roles and mentions, and selecting one draws its mentions', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: /Actors/ }).click();
  const people = page.getByRole('list', { name: 'People' });
  await expect(people).toContainText('Vladimir Putin');
  await expect(people).toContainText('Russian President');
  await expect(people).toContainText('Liu Jianchao');
  await expect(page.getByRole('list', { name: 'Countries' })).toContainText('North Korea');
  await expect(page.getByRole('list', { name: 'Organisations' })).toContainText('Kremlin');

  const putin = people.getByRole('button', { name: /^Vladimir Putin/ });
  const mentions = Number((await putin.locator('.mentions').textContent())?.replace('×', ''));
  await putin.click();
  await expect.poll(async () => (await paintedLayers(page))['lectio-actor']).toBe(mentions);
  await saveScreen(page, 'reader-actors');
});

test('the timeline orders dates, marks expected events, and links to the passage', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(page.getByLabel('Reference date')).toContainText('inferred');
  const election = timeline.locator('li', { hasText: '15–17 March 2024' });
  await expect(election).toContainText('Expected');
  await expect(election).toContainText('presidential election');
  const values = await timeline.locator('.value').allTextContents();
  expect(values.indexOf('July 2000')).toBeLessThan(values.indexOf('21 January 2024'));
  await election.getByRole('button', { name: 'Show in article' }).click();
  await expect.poll(async () => (await paintedLayers(page))['lectio-flash']).toBe(1);
  await saveScreen(page, 'reader-timeline');
});

test('corrections and the published date are stored and win over the engine after a restart', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page.getByRole('list', { name: 'People' }).getByRole('button', { name: /^Choe Son-hee/ }).click();
  const editor = page.getByLabel('Correct Choe Son-hee');
  await editor.getByRole('textbox', { name: 'Name' }).fill('Choe Son-hui');
  await editor.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('list', { name: 'People' })).toContainText('Choe Son-hui');

  await page.getByRole('tab', { name: /Timeline/ }).click();
  await page.getByLabel('Reference date').getByRole('button', { name: 'Set the date' }).click();
  await page.getByLabel('Published on').fill('2025-01-22');
  await page.getByLabel('Reference date').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('21 January 2025');

  await server.restart();
  await openSample(page);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await expect(page.getByRole('list', { name: 'People' })).toContainText('Choe Son-hui');
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('21 January 2025');
  await expect(page.getByLabel('Reference date')).toContainText('published date');
});
