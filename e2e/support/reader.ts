/**
 * Steps many specs take in the Reader as a person does: open the bundled sample article, paste an article of their
 * own, highlight a phrase from the selection toolbar. One definition, so a change to the Library or the toolbar is
 * followed in one place.
 */
import { expect, type Page } from '@playwright/test';
import { dragSelect } from './text';

/** Opens the bundled sample article from the Library at `url` and waits for its text. */
export async function openSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('article')).toContainText('Choe Son-hee');
}

/**
 * Pastes an article (one paragraph a line) through the Library's Import panel, the Library being on screen, and
 * waits for the Reader to show `shown`.
 */
export async function pasteArticle(page: Page, title: string, lines: readonly string[], shown: string): Promise<void> {
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByRole('textbox', { name: 'Article text' }).fill(lines.join('\n'));
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Add to library' }).click();
  await expect(page.getByRole('article')).toContainText(shown);
}

/** Selects `phrase` by dragging and highlights it in the colour whose button matches `colour` (Key point). */
export async function highlightPhrase(page: Page, phrase: string, colour: RegExp = /^Key point/): Promise<void> {
  await dragSelect(page, phrase);
  await page.getByRole('toolbar', { name: 'Highlight the selection' }).getByRole('button', { name: colour }).click();
}
