/** Settings a reader changes apply at once, across the app, and are still there after a restart. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

test('theme, font, text size and colour labels apply at once and survive a restart', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await saveScreen(page, 'settings');

  await page.getByText('Sepia', { exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
  await page.getByText('Sans-serif', { exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.font)).toBe('sans');
  const size = page.getByRole('slider', { name: /Text size/ });
  await size.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await size.dispatchEvent('change');
  await expect
    .poll(() => page.evaluate(() => document.documentElement.style.getPropertyValue('--reading-size')))
    .toBe('21px');

  await page.getByRole('textbox', { name: 'Label of colour 1' }).fill('Thesis');
  await page.getByRole('button', { name: 'Save labels' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Colour labels saved.' })).toBeVisible();
  const stored = JSON.parse(readFileSync(path.join(server.dataDir, 'settings.json'), 'utf8'));
  expect(stored).toMatchObject({ colorLabels: { '1': 'Thesis' }, reading: { theme: 'sepia', font: 'sans', size: 21 } });

  await server.restart();
  await page.goto(server.url);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('button', { name: /^Thesis/ })).toBeVisible();
});
