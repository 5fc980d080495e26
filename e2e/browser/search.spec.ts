/** Ctrl/Cmd+K search across the library: results from text and highlights, and Enter jumps to the passage. */
import { expect, test } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { dragSelect, paintedLayers } from '../support/text';

const server = serverPerTest();

test('search finds a passage and a highlight’s note (its Markdown read as words), and opens the article at the passage', async ({
  page,
}) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await dragSelect(page, 'Ri Ryong-nam');
  await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
  await page
    .getByRole('textbox', { name: 'Note', exact: true })
    .fill('**ambassador** in [Beijing](https://example.org/beijing)');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('link', { name: 'Lectio library' }).click();

  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search the library' });
  await expect(box).toBeFocused();
  await box.fill('beijing');
  const results = page.getByRole('listbox', { name: 'Results' });
  await expect(results.getByRole('option').first()).toContainText('ambassador in Beijing');
  // The note is light Markdown: its snippet shows the words, not the syntax.
  await expect(results.getByRole('option').first()).not.toContainText(/\*\*|\]\(|example\.org/);

  await box.fill('temperature difference');
  await expect(results.getByRole('option').first()).toContainText('Text');
  await saveScreen(page, 'search');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/read\/sample\?at=\d+-\d+/);
  await expect.poll(async () => (await paintedLayers(page))['lectio-flash']).toBe(1);
});

test('the shortcuts sheet opens with ? and closes with Escape', async ({ page }) => {
  await page.goto(server.url);
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Highlight the focused sentence or the selection');
  await expect(sheet).toContainText('Focus a sentence (no highlight yet)');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
