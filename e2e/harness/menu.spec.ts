/**
 * The application menu on the harness: the built main bundle sets a menu with the standard roles and Lectio's own
 * actions and accelerators, and clicking an item reaches the page through the sender-checked invoke path.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempFolder } from '../electron-harness/launch';
import type { MenuItemRecord } from '../electron-harness/protocol';
import { expect, test } from './fixtures';

function find(items: MenuItemRecord[] | null, path: string[]): MenuItemRecord | undefined {
  let level = items ?? [];
  let found: MenuItemRecord | undefined;
  for (const label of path) {
    found = level.find((item) => item.label?.replace(/&/g, '') === label);
    level = found?.submenu ?? [];
  }
  return found;
}

test('harness: the menu has Lectio’s actions with accelerators, and its commands reach the page', async ({
  harness,
}) => {
  const app = harness.launch();
  const page = await app.window();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
  const menu = (await app.records()).applicationMenu;
  expect(find(menu, ['File', 'Import Article…'])?.accelerator).toBe('CmdOrCtrl+O');
  expect(find(menu, ['Edit', 'Find in Library…'])?.accelerator).toBe('CmdOrCtrl+K');
  expect(find(menu, ['Edit', 'Undo'])?.accelerator).toBe('CmdOrCtrl+Z');
  expect(find(menu, ['View', 'Toggle Study Panel'])?.accelerator).toBe('CmdOrCtrl+\\');
  expect(find(menu, ['View', 'Theme'])?.submenu.map((item) => item.label)).toEqual([
    'Follow the System',
    'Light',
    'Dark',
    'Sepia',
  ]);
  expect(menu?.flatMap((item) => item.submenu.map((sub) => sub.role)).filter(Boolean)).toEqual(
    expect.arrayContaining(['copy', 'paste', 'zoomIn', 'togglefullscreen']),
  );

  await app.clickMenu(['Edit', 'Find in Library…']);
  await expect(page.getByRole('dialog', { name: 'Search the library' })).toBeVisible();
  await page.keyboard.press('Escape');

  await app.clickMenu(['View', 'Quiz']);
  await expect(page.getByRole('heading', { name: 'Quiz', level: 1 })).toBeVisible();

  await app.clickMenu(['File', 'Import Article…']);
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();

  await app.clickMenu(['View', 'Theme', 'Dark']);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
});

test('harness: a file named on the command line (a file association) is imported and opened', async ({ harness }) => {
  const folder = tempFolder('lectio-harness-open-');
  const file = path.join(folder, 'Field notes.md');
  writeFileSync(file, '# Field notes\n\nThe survey team reached the *upper valley* on Tuesday.\n');
  const app = harness.launch({ args: [file] });
  const page = await app.window();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Field notes');
  await expect(page.getByRole('article')).toContainText('The survey team reached the upper valley on Tuesday.');
  await expect(page.getByRole('article').locator('.em')).toHaveText('upper valley');
});

test('harness: the Reader takes the menu’s Toggle Study Panel and Undo', async ({ harness }) => {
  const app = harness.launch();
  const page = await app.window();
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  const panel = page.getByRole('complementary', { name: 'Study panel' });
  await expect(panel).toBeVisible();
  await app.clickMenu(['View', 'Toggle Study Panel']);
  await expect(panel).toBeHidden();
  await app.clickMenu(['View', 'Toggle Study Panel']);
  await expect(panel).toBeVisible();

  // A sentence highlighted with the keyboard, then taken back with the menu's Undo.
  await page.getByRole('region', { name: /^Article text/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('h');
  await expect(panel.getByRole('tab', { name: /Highlights/ })).toContainText('1');
  await app.clickMenu(['Edit', 'Undo']);
  await expect(panel.getByRole('tab', { name: /Highlights/ })).toContainText('0');
});
