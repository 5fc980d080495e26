/** Highlighting as a reader does it, by mouse and by keyboard alone, and what reaches the disk and the exports. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSample } from '../support/reader';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { dragSelect, paintedLayers, phraseBoxes } from '../support/text';

const server = serverPerTest();

function storedHighlights(): {
  note: string;
  color: number;
  tags: string[];
  selectors: [{ start: number }, { exact: string }];
}[] {
  const file = path.join(server.dataDir, 'annotations', 'sample.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).highlights : [];
}

test('select with the mouse, highlight, write a note; both are there after a restart', async ({ page }) => {
  await openSample(page, server.url);
  await dragSelect(page, 'Foreign Minister Choe Son-hee');
  const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
  await expect(toolbar).toBeVisible();
  await saveScreen(page, 'reader-selection-toolbar');
  await toolbar.getByRole('button', { name: /^Actor/ }).click();
  await expect.poll(async () => (await paintedLayers(page))['lectio-hl-2']).toBe(1);

  await page.getByRole('toolbar', { name: 'Highlight actions' }).getByRole('button', { name: 'Note' }).click();
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('North Korea’s *foreign minister*');
  await page.getByRole('textbox', { name: 'Tags' }).fill('people, dprk');
  await page.getByRole('button', { name: 'Save note' }).click();
  const list = page.getByRole('list', { name: 'Highlights' });
  await expect(list).toContainText('Foreign Minister Choe Son-hee');
  await expect(list.locator('.note-text .em')).toHaveText('foreign minister');
  await saveScreen(page, 'reader-highlights');
  await expect.poll(() => storedHighlights()[0]?.note).toBe('North Korea’s *foreign minister*');
  expect(storedHighlights()[0]).toMatchObject({
    color: 2,
    tags: ['people', 'dprk'],
    selectors: [expect.anything(), { exact: 'Foreign Minister Choe Son-hee' }],
  });

  await server.restart();
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toContainText(/\b1 highlight(?!s)/);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('list', { name: 'Highlights' })).toContainText('foreign minister');
  await expect.poll(async () => (await paintedLayers(page))['lectio-hl-2']).toBe(1);
});

test('the same with the keyboard alone: move, highlight, colour, note, undo', async ({ page }) => {
  await openSample(page, server.url);
  await page.getByRole('region', { name: /Article text/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('h');
  await expect.poll(() => storedHighlights().length).toBe(1);
  expect(storedHighlights()[0]?.selectors[1].exact).toMatch(/^On the 21st, North Korea introduced/);

  await page.keyboard.press('4');
  await expect.poll(() => storedHighlights()[0]?.color).toBe(4);
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toBeFocused();
  await page.keyboard.type('Why through the Assistant’s Office?');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => storedHighlights()[0]?.note).toBe('Why through the Assistant’s Office?');

  await page.getByRole('region', { name: /Article text/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('5');
  await expect.poll(() => storedHighlights().length).toBe(2);
  await page.keyboard.press('Control+z');
  await expect.poll(() => storedHighlights().length).toBe(1);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Delete');
  await expect.poll(() => storedHighlights().length).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => storedHighlights()[0]?.note).toBe('Why through the Assistant’s Office?');
});

const KREMLIN_SENTENCE =
  /^The Kremlin showed a relatively cautious attitude.*local time\), saying, “Coordination through diplomatic channels is still in progress,” but North Korea appears to be pushing for Putin’s visit to North Korea more actively\.$/;

/** Clicks once, as a person does, at the start of `phrase` in the article. */
async function clickPhrase(page: Page, phrase: string, clickCount = 1): Promise<void> {
  const [box] = await phraseBoxes(page, phrase);
  if (!box) throw new Error(`"${phrase}" is not on screen`);
  await page.mouse.click(box.x + 5, box.y + box.height / 2, { clickCount });
}

/** The text of the sentence drawn as focused (the faint passage layer), or null when none is. */
async function focusedSentence(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('lectio-passage') ?? [])] as AbstractRange[];
    if (!range) return null;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.toString();
  });
}

// Until issue #16 a single click made a highlight (and so did the first click of every double-click): now a click
// only focuses its sentence, and highlighting it is an explicit act.
test('a click focuses a sentence without highlighting it; the margin button or H highlights it; a click on a highlight selects it', async ({
  page,
}) => {
  await openSample(page, server.url);
  await clickPhrase(page, 'The Kremlin showed');
  const marginButton = page.getByRole('button', { name: 'Highlight this sentence' });
  await expect(marginButton).toBeVisible();
  await expect.poll(() => focusedSentence(page)).toMatch(KREMLIN_SENTENCE);
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  expect(storedHighlights()).toHaveLength(0);
  expect((await paintedLayers(page))['lectio-hl-1'] ?? 0).toBe(0);

  await marginButton.click();
  await expect.poll(() => storedHighlights()[0]?.selectors[1].exact).toMatch(KREMLIN_SENTENCE);
  await expect(page.getByRole('toolbar', { name: 'Highlight actions' })).toBeVisible();
  await page.keyboard.press('Escape');
  // The sentence is highlighted now: no offer to highlight it again.
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(marginButton).toBeHidden();
  await clickPhrase(page, 'The Kremlin showed');
  await expect(page.getByRole('toolbar', { name: 'Highlight actions' })).toBeVisible();
  expect(storedHighlights()).toHaveLength(1);

  // Another sentence, by click and then the keyboard's H.
  await clickPhrase(page, 'North Korea’s confident tone');
  await expect.poll(() => focusedSentence(page)).toMatch(/^North Korea’s confident tone of announcement/);
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await page.keyboard.press('h');
  await expect
    .poll(() => storedHighlights().map((h) => h.selectors[1].exact))
    .toContainEqual(expect.stringMatching(/^North Korea’s confident tone of announcement.*has become official\.$/));
  expect(storedHighlights()).toHaveLength(2);
});

test('a double-click selects a word, as everywhere else, and the toolbar offers to highlight it', async ({ page }) => {
  await openSample(page, server.url);
  await clickPhrase(page, 'cooperation and strengthening', 2);
  const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
  await expect(toolbar).toBeVisible();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('cooperation');
  expect(storedHighlights()).toHaveLength(0);
  await toolbar.getByRole('button', { name: /^Key point/ }).click();
  await expect.poll(() => storedHighlights().map((h) => h.selectors[1].exact)).toEqual(['cooperation']);
});

test('↓ and ↑ go on from the sentence last clicked, or from what is on screen, not from the top', async ({ page }) => {
  await openSample(page, server.url);
  await clickPhrase(page, 'The Kremlin showed');
  await expect.poll(() => focusedSentence(page)).toMatch(KREMLIN_SENTENCE);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedSentence(page)).toMatch(/^It’s just a matter of timing/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedSentence(page)).toMatch(/^North Korea’s confident tone of announcement/);
  await page.keyboard.press('h');
  await expect
    .poll(() => storedHighlights()[0]?.selectors[1].exact)
    .toMatch(/^North Korea’s confident tone of announcement/);

  // A fresh visit, read down to the paragraph on Liu Jianchao without clicking: ↓ starts from what is on screen.
  await page.reload();
  await expect(page.getByRole('article')).toContainText('Choe Son-hee');
  await page
    .getByRole('region', { name: /Article text/ })
    .evaluate((region: HTMLElement) => region.focus({ preventScroll: true }));
  await phraseBoxes(page, 'Liu Jianchao');
  await page.keyboard.press('ArrowDown');
  const onScreen = () =>
    page.evaluate(() => {
      const [range] = [...(CSS.highlights.get('lectio-passage') ?? [])] as AbstractRange[];
      if (!range) return null;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const rect = live.getClientRects()[0];
      const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
      return rect ? rect.top >= top && rect.bottom <= innerHeight : false;
    });
  await expect.poll(onScreen).toBe(true);
  expect(await focusedSentence(page)).not.toMatch(/^As Russian President/);
});

test('exports Markdown and Web Annotation JSON, and the JSON imports back', async ({ page }) => {
  await openSample(page, server.url);
  await dragSelect(page, 'Liu Jianchao');
  await page
    .getByRole('toolbar')
    .getByRole('button', { name: /^Key point/ })
    .click();
  await page.getByRole('toolbar').getByRole('button', { name: 'Note' }).click();
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('next foreign minister?');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => storedHighlights()[0]?.note).toBe('next foreign minister?');

  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  const md = readFileSync(await markdown.path(), 'utf8');
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  expect(md).toContain('# Putin’s visit to North Korea');
  expect(md).toContain('> Liu Jianchao');
  expect(md).toContain('Key point');
  expect(md).toContain('next foreign minister?');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const jsonPath = await json.path();
  const collection = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(collection).toMatchObject({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    total: 1,
  });
  expect(JSON.stringify(collection)).toContain('TextQuoteSelector');

  await page.getByRole('list', { name: 'Highlights' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => storedHighlights().length).toBe(0);
  await page.locator('input[type=file][accept*="json"]').setInputFiles(jsonPath);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 highlight' })).toBeVisible();
  await expect.poll(() => storedHighlights()[0]?.note).toBe('next foreign minister?');
  expect(readdirSync(path.join(server.dataDir, 'annotations'))).toEqual(['sample.json']);
});
