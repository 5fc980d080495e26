/**
 * Flashcards as a reader makes and studies them: a card from a highlight in one step, reviewed with the keyboard
 * (Space, then a grade, with an undo), and its next due date found in the card browser after a restart.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { highlightPhrase, pasteArticle } from '../support/reader';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { storedReviewLog } from '../support/review-log';

const server = serverPerTest();

function readJson<T>(name: string, key: string): T[] {
  const file = path.join(server.dataDir, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8'))[key] as T[]) : [];
}

const storedCards = () => readJson<{ front: string; back: string; color: number | null }>('cards.json', 'cards');
const storedReviews = () => storedReviewLog<{ grade: number; next: { due: string; state: string } }>(server.dataDir);

async function highlightAndMakeCard(page: Page, phrase: string, colour: RegExp, note: string) {
  await highlightPhrase(page, phrase, colour);
  await page.getByRole('toolbar', { name: 'Highlight actions' }).getByRole('button', { name: 'Note' }).click();
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill(note);
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.keyboard.press('Escape');
  const item = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: phrase });
  await item.getByRole('button', { name: `Make card: ${phrase}` }).click();
  await expect(item.getByRole('status')).toHaveText('Card made · Review');
}

test('a card from a highlight, reviewed by keyboard, keeps its next due date across a restart', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('article')).toContainText('Choe Son-hee');

  await highlightAndMakeCard(page, 'Foreign Minister Choe Son-hee', /^Actor/, 'North Korea’s foreign minister');
  await highlightAndMakeCard(page, 'Liu Jianchao', /^Key point/, 'Tipped as **China’s next foreign minister**');
  await expect.poll(() => storedCards().length).toBe(2);
  await saveScreen(page, 'reader-make-card');
  expect(storedCards()[0]).toMatchObject({
    front: expect.stringMatching(
      /^On the 21st, North Korea introduced the results of \{\{c1::Foreign Minister Choe Son-hee\}\}’s visit to Russia/,
    ),
    back: 'North Korea’s foreign minister',
    color: 2,
  });

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Review' }).click();
  const card = page.getByRole('article');
  // The gap reads "[…]" on screen and "blank" to a screen reader.
  await expect(card).toContainText(/North Korea introduced the results of \[…\]blank’s visit to Russia/);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await saveScreen(page, 'review-question');

  await page.keyboard.press('Space');
  await expect(card.locator('.cloze-answer')).toHaveText('Foreign Minister Choe Son-hee');
  await expect(card).toContainText('North Korea’s foreign minister');
  await expect(page.getByRole('button', { name: /^Good, next in 10m/ })).toBeVisible();
  await saveScreen(page, 'review-answer');

  // Grade, undo (the log entry goes, the card comes back as a question, to be recalled again), grade again.
  await page.keyboard.press('3');
  await expect.poll(() => storedReviews().length).toBe(1);
  await expect(card).toContainText(/\[…\]blank, head of the external liaison department/);
  await page.keyboard.press('Control+z');
  await expect.poll(() => storedReviews().length).toBe(0);
  await expect(card).toContainText(/North Korea introduced the results of \[…\]blank’s visit to Russia/);
  await expect(card.locator('.cloze-answer')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(card.locator('.cloze-answer')).toHaveText('Foreign Minister Choe Son-hee');
  await page.keyboard.press('4');
  await expect.poll(() => storedReviews().map((r) => r.grade)).toEqual([4]);
  await expect(card).toContainText(/\[…\]blank, head of the external liaison department/);
  await page.keyboard.press('Space');
  // The note is light Markdown: the answer side shows it rendered, not its syntax.
  await expect(card.locator('.card-extra')).toHaveText('Tipped as China’s next foreign minister');
  await expect(card).not.toContainText('**');
  await page.keyboard.press('3');
  await expect.poll(() => storedReviews().map((r) => r.grade)).toEqual([4, 3]);
  await expect(page.getByRole('heading', { name: 'Done: 2 cards reviewed' })).toBeVisible();
  await expect(page.getByText(/The next card is due in \d+ min/)).toBeVisible();
  const easyDue = storedReviews()[0]?.next.due ?? '';
  expect(new Date(easyDue).getTime()).toBeGreaterThan(Date.now() + 86_400_000);

  await server.restart();
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  const list = page.getByRole('list', { name: 'Cards' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const choe = list.getByRole('listitem').filter({ hasText: 'Choe Son-hee' });
  // Calendar days from today to the due day, as the browser counts them (same machine, same time zone).
  const dayNumber = (d: Date) => Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
  const days = dayNumber(new Date(easyDue)) - dayNumber(new Date());
  await expect(choe.getByTestId('card-due')).toHaveText(new RegExp(`^Due in ${days} days \\(`));
  await expect(list.getByRole('listitem').filter({ hasText: 'Liu Jianchao' }).getByTestId('card-due')).toHaveText(
    /^Due in \d+ min$/,
  );
  await expect(list.getByRole('listitem').filter({ hasText: 'Liu Jianchao' })).toContainText(
    'Liu Jianchao — Tipped as China’s next foreign minister',
  );
  await saveScreen(page, 'cards-browser');

  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByRole('img', { name: /Reviews per day/ })).toBeVisible();
  // The learning card is due within minutes; the Easy one counts this week only if FSRS set it 6 days out or less,
  // counted as the statistics count: in the reader's days, which start at 4 am (the default), not at midnight.
  const readerDay = (d: Date) => dayNumber(new Date(d.getTime() - 4 * 3_600_000));
  const dueThisWeek = 1 + (readerDay(new Date(easyDue)) - readerDay(new Date()) <= 6 ? 1 : 0);
  await expect(page.getByText('Due this week').locator('..')).toHaveText(
    new RegExp(`Due this week\\s*${dueThisWeek}$`),
  );
  await saveScreen(page, 'cards-statistics');

  // "Show in article" opens the document at the card's passage.
  await page.getByRole('tab', { name: 'Browse' }).click();
  await choe.getByRole('link', { name: /^Show in article/ }).click();
  await expect(page).toHaveURL(/#\/read\/sample\?at=\d+-\d+$/);
  await expect(page.getByRole('article')).toContainText('Choe Son-hee');
});

test('cards by hand: add, filter, suspend, delete with undo; Anki export and import add no duplicates', async ({
  page,
}) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  await expect(page.getByRole('heading', { name: 'No cards yet' })).toBeVisible();
  await page.getByRole('button', { name: 'New card' }).click();
  await page.getByRole('textbox', { name: 'Front' }).fill('Who heads the CPC external liaison department?');
  await page.getByRole('textbox', { name: 'Back' }).fill('Liu Jianchao');
  await page.getByRole('textbox', { name: 'Tags' }).fill('china, people');
  await page.getByRole('button', { name: 'Add card' }).click();
  await page.getByRole('button', { name: 'New card' }).click();
  await page.getByRole('radio', { name: /Cloze/ }).check();
  await page.getByRole('textbox', { name: 'Text' }).fill('Putin last visited North Korea in {{c1::2000}}.');
  await page.getByRole('button', { name: 'Add card' }).click();
  const list = page.getByRole('list', { name: 'Cards' });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('china');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('');
  await list.getByRole('button', { name: /^Suspend card: Putin/ }).click();
  await page.getByRole('combobox', { name: 'Filter by state' }).selectOption('suspended');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Filter by state' }).selectOption('all');

  await list.getByRole('button', { name: /^Delete card: Who heads/ }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect.poll(() => storedCards().length).toBe(2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export for Anki' }).click(),
  ]);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported.split('\n').slice(0, 6)).toEqual([
    '#separator:tab',
    '#html:false',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:6',
  ]);
  await page.locator('input[type="file"]').setInputFiles(await download.path());
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 0 new, 0 updated, 2 unchanged' })).toBeVisible();
  expect(storedCards()).toHaveLength(2);
});

test('a card from a whole-sentence highlight blanks the date or name in it, or says why it cannot', async ({
  page,
}) => {
  await page.goto(server.url);
  await pasteArticle(
    page,
    'Harbour board',
    [
      'The harbour board met in Lisbon on Monday.',
      'Everyone agreed that it had gone well.',
      'Dock workers walked out at dawn.',
    ],
    'Everyone agreed',
  );

  const highlights = page.getByRole('list', { name: 'Highlights' });
  for (const sentence of ['The harbour board met in Lisbon on Monday.', 'Everyone agreed that it had gone well.']) {
    await highlightPhrase(page, sentence);
    await page.keyboard.press('Escape');
    await expect(highlights.getByRole('listitem').filter({ hasText: sentence })).toBeVisible();
  }

  const dated = highlights.getByRole('listitem').filter({ hasText: 'The harbour board met' });
  await dated.getByRole('button', { name: /^Make card: The harbour board/ }).click();
  await expect(dated.getByRole('status')).toHaveText('Card made · Review');
  await expect
    .poll(() => storedCards().map((card) => card.front))
    .toEqual(['The harbour board met in Lisbon on {{c1::Monday}}.']);

  // Nothing in this sentence to ask about: no card, and the reason, where the reader asked.
  const vague = highlights.getByRole('listitem').filter({ hasText: 'Everyone agreed' });
  await vague.getByRole('button', { name: /^Make card: Everyone agreed/ }).click();
  await expect(vague.getByRole('alert')).toContainText('whole sentence with no name, date or number');
  expect(storedCards()).toHaveLength(1);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Review/ })
    .click();
  await expect(page.getByRole('article')).toContainText(/The harbour board met in Lisbon on \[…\]blank\./);
});
