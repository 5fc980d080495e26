/**
 * Text a reader types is saved as they type, with "Saved" shown beside it: a reload with the cursor still in the box
 * (no blur, no Save button) loses nothing, for the article’s note, a highlight’s note, a card being edited, an
 * actor’s new name and a date being fixed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { highlightPhrase, openSample } from '../support/reader';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

function readJson(relative: string): Record<string, unknown> {
  const file = path.join(server.dataDir, relative);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

const storedNote = () => readJson('annotations/sample.json').documentNote;
const storedHighlights = () => (readJson('annotations/sample.json').highlights ?? []) as { note: string }[];
const storedCards = () => (readJson('cards.json').cards ?? []) as { back: string }[];

test('the article’s note is saved as it is typed, says “Saved”, and survives a reload with the cursor still in it', async ({
  page,
}) => {
  await openSample(page, server.url);
  const box = page.getByRole('textbox', { name: 'Notes on this article' });
  await box.click();
  await page.keyboard.type('Follow up: who met Choe in Moscow?');
  const note = page.locator('.doc-note');
  await expect(note.getByRole('status')).toHaveText('Saved', { timeout: 15_000 });
  await expect(box).toBeFocused();
  expect(storedNote()).toBe('Follow up: who met Choe in Moscow?');

  // More words, and the page reloaded at once, before the pause that would save them: they are sent as it goes.
  await page.keyboard.type(' And when?');
  await page.reload();
  await expect.poll(storedNote, { timeout: 15_000 }).toBe('Follow up: who met Choe in Moscow? And when?');
  await expect(page.getByRole('textbox', { name: 'Notes on this article' })).toHaveValue(
    'Follow up: who met Choe in Moscow? And when?',
  );
});

test('a highlight’s note is saved as it is typed, and a reload in the middle of typing loses nothing', async ({
  page,
}) => {
  await openSample(page, server.url);
  await highlightPhrase(page, 'Liu Jianchao');
  await page.getByRole('toolbar', { name: 'Highlight actions' }).getByRole('button', { name: 'Note' }).click();
  const noteBox = page.getByRole('textbox', { name: 'Note', exact: true });
  await expect(noteBox).toBeFocused();
  await page.keyboard.type('Tipped as the next foreign minister');
  const item = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: 'Liu Jianchao' });
  await expect(item.getByRole('status')).toHaveText('Saved', { timeout: 15_000 });
  expect(storedHighlights()[0]?.note).toBe('Tipped as the next foreign minister');

  await page.keyboard.type(', says Yonhap');
  await page.reload();
  await expect
    .poll(() => storedHighlights()[0]?.note, { timeout: 15_000 })
    .toBe('Tipped as the next foreign minister, says Yonhap');
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('list', { name: 'Highlights' })).toContainText(
    'Tipped as the next foreign minister, says Yonhap',
  );
});

test('Cancel puts a highlight’s note back as it was, though the draft was saved meanwhile', async ({ page }) => {
  await openSample(page, server.url);
  await highlightPhrase(page, 'Liu Jianchao');
  await page.getByRole('toolbar', { name: 'Highlight actions' }).getByRole('button', { name: 'Note' }).click();
  await page.keyboard.type('A draft I will abandon');
  await expect.poll(() => storedHighlights()[0]?.note, { timeout: 15_000 }).toBe('A draft I will abandon');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => storedHighlights()[0]?.note, { timeout: 15_000 }).toBe('');
});

test('a card being edited is saved as it is typed, and a reload in the middle of typing loses nothing', async ({
  page,
}) => {
  await openSample(page, server.url);
  await highlightPhrase(page, 'Liu Jianchao');
  await page.keyboard.press('Escape');
  const item = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: 'Liu Jianchao' });
  await item.getByRole('button', { name: 'Make card: Liu Jianchao' }).click();
  await expect.poll(() => storedCards().length).toBe(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  await page.getByRole('button', { name: /^Edit card:/ }).click();
  const extra = page.getByRole('textbox', { name: 'Extra (shown with the answer)' });
  await extra.click();
  await page.keyboard.type('Head of the liaison department');
  await expect(page.locator('.card-editor').getByRole('status')).toHaveText('Saved', { timeout: 15_000 });
  expect(storedCards()[0]?.back).toBe('Head of the liaison department');

  await page.keyboard.type(' since 2022');
  await page.reload();
  await expect
    .poll(() => storedCards()[0]?.back, { timeout: 15_000 })
    .toBe('Head of the liaison department since 2022');
});

test('a new actor name typed but not yet confirmed is saved when the page is reloaded', async ({ page }) => {
  await openSample(page, server.url);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page
    .getByRole('list', { name: 'People' })
    .getByRole('button', { name: /^Choe Son-hee/ })
    .click();
  const name = page.getByLabel('Correct Choe Son-hee').getByRole('textbox', { name: 'Name' });
  await name.click();
  await name.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('ui');
  await page.reload();
  const renames = () =>
    (readJson('annotations/sample.json').corrections as { renames?: Record<string, string> } | undefined)?.renames ??
    {};
  await expect.poll(() => Object.values(renames()), { timeout: 15_000 }).toEqual(['Choe Son-hui']);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await expect(page.getByRole('list', { name: 'People' })).toContainText('Choe Son-hui');
});

test('a date being fixed in the Timeline is saved when the page is reloaded before Save', async ({ page }) => {
  await openSample(page, server.url);
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const event = page.getByRole('list', { name: 'Timeline' }).locator('li', { hasText: '“July 2000”' });
  await event.getByRole('button', { name: 'Fix date' }).click();
  const value = event.getByRole('textbox', { name: 'Value' });
  await value.fill('');
  await value.pressSequentially('2000-07-19');
  await page.reload();
  const dateValues = () =>
    (readJson('annotations/sample.json').corrections as { dateValues?: Record<string, string> } | undefined)
      ?.dateValues ?? {};
  await expect.poll(() => Object.values(dateValues()), { timeout: 15_000 }).toEqual(['2000-07-19']);
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('19 July 2000');
});
