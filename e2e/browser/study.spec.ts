/**
 * Studying across articles as a reader does: a quiz on a collection started from its header (questions that need two
 * articles, each naming both and opening each article's sentence in the Reader), on last week's reading, on one
 * actor found by name, and the Today screen with the due cards and a five-question quiz, each part done or skipped.
 */
import { expect, test, type Page } from '@playwright/test';
import { callApi } from '../support/api-client';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { answerAnyhow } from '../support/quiz';
import { EARLY_ARTICLE as EARLY, LATER_ARTICLE as LATER } from '@core/quiz/test-cross-articles';

const server = serverPerTest();

const CROSS_KINDS = ['Role changes across articles', 'Which came first (two articles)'];

/** Two articles on one official, analysed, in a collection "Fisheries" (setup through the API, not what is tested). */
async function seed(): Promise<{ early: string; later: string }> {
  const ids: string[] = [];
  for (const [text, title, publishedDate] of [
    [EARLY, 'Quota talks', '2024-03-02'],
    [LATER, 'A station in the north', '2024-06-10'],
  ] as const) {
    const made = await callApi(server, 'importDocument', {
      text,
      title,
      source: 'Herald',
      publishedDate,
      format: 'text',
    });
    if (!made.ok) throw new Error(made.error.message);
    await callApi(server, 'getAnalysis', { id: made.value.id });
    ids.push(made.value.id);
  }
  const fish = await callApi(server, 'createCollection', { name: 'Fisheries' });
  if (!fish.ok) throw new Error(fish.error.message);
  await callApi(server, 'organiseDocuments', { ids, addToCollection: fish.value.id });
  return { early: ids[0]!, later: ids[1]! };
}

async function shoot(page: Page, name: string) {
  const size = page.viewportSize();
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await saveScreen(page, `${name}-${width}`);
  }
  if (size) await page.setViewportSize(size);
}

/** Only the kinds named stay checked in the quiz setup. */
async function onlyKinds(page: Page, keep: string[]) {
  for (const box of await page.getByRole('group', { name: 'Kinds' }).getByRole('checkbox').all()) {
    const name = (await box.evaluate((el) => el.parentElement?.textContent ?? '')).trim();
    if (keep.includes(name)) await box.check();
    else await box.uncheck();
  }
}

test('a quiz on a collection, from its header: questions across its two articles, each naming both', async ({
  page,
}) => {
  const { later } = await seed();
  await page.goto(server.url);
  await page.getByRole('button', { name: /^Fisheries/ }).click();
  await expect(page.getByRole('heading', { name: 'Fisheries' })).toBeVisible();
  await shoot(page, 'study-library-collection');
  await page.getByRole('button', { name: 'Study', exact: true }).click();
  await expect(page.getByTestId('study-banner')).toContainText('Collection “Fisheries” · 2 articles');
  await onlyKinds(page, CROSS_KINDS);
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  const seen = new Set<string>();
  for (let i = 1; i <= 2; i++) {
    await expect(page.getByText(`Question ${i} of 2`)).toBeVisible();
    const prompt = (await page.locator('#question-prompt').textContent()) ?? '';
    seen.add(prompt);
    await expect(page.locator('.question-meta')).toContainText('Quota talks · A station in the north');
    if (prompt.startsWith('In “Quota talks”')) {
      expect(prompt).toBe(
        'In “Quota talks” (March 2, 2024), Maria Lindqvist was described as Swedish ambassador to Norway; by “A station in the north” (June 10, 2024), as what?',
      );
      await page.getByRole('radio', { name: /European environment commissioner/ }).click();
    } else {
      expect(prompt).toBe('Which of these comes first in time?');
      await expect(page.getByRole('radio', { name: /from “Quota talks”/ })).toBeVisible();
      await page.getByRole('radio', { name: /met fishing officials in Bergen/ }).click();
    }
    await page.keyboard.press('Enter');
    await expect(page.locator('.verdict')).toHaveText(/^Correct/);
    const evidence = page.getByRole('list', { name: 'Evidence from each article' });
    await expect(evidence.getByText('From Quota talks')).toBeVisible();
    await expect(evidence.getByText('From A station in the north')).toBeVisible();
    if (i === 1) await shoot(page, 'study-cross-feedback');
    if (i < 2) await page.keyboard.press('Enter');
  }
  expect(seen.size).toBe(2);
  // Each article's sentence opens in the Reader.
  await page.getByRole('button', { name: 'Show in “A station in the north”' }).click();
  await expect(page).toHaveURL(new RegExp(`#/read/${later}\\?at=`));
  await expect(page.getByRole('heading', { name: 'A station in the north' })).toBeVisible();
});

test("a quiz on last week's reading, and one on an actor found by name", async ({ page }) => {
  await seed();
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Quiz' }).click();
  await page.getByRole('button', { name: 'Last week’s reading' }).click();
  // The sample and both articles joined the library today.
  await expect(page.getByTestId('study-banner')).toContainText('Last week’s reading · 3 articles');
  await shoot(page, 'study-setup-recent');
  await page.getByRole('radio', { name: '5' }).check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText(/^Question 1 of [1-5]$/)).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Choose articles instead' }).click();
  await page.getByRole('searchbox', { name: 'An actor' }).fill('Lindq');
  await page.getByRole('list', { name: 'Actors found' }).getByRole('button', { name: 'Maria Lindqvist' }).click();
  await expect(page.getByTestId('study-banner')).toContainText('2 articles · only questions about Maria Lindqvist');
  await page.getByRole('radio', { name: '10' }).check();
  await page.getByRole('button', { name: 'Preview questions' }).click();
  const previewed = page.locator('.preview-list li');
  await expect(previewed.first()).toBeVisible();
  for (const li of await previewed.all())
    await expect(li).toContainText(/Lindqvist|ambassador|commissioner|Bergen|Tromso/);
  await expect(page.locator('.preview-list')).toContainText('Role changes across articles');
  await shoot(page, 'study-actor-preview');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText(/^Question 1 of/)).toBeVisible();
  await page.keyboard.press('Escape');
  // The history names what each quiz was on.
  await expect(page.getByRole('list', { name: 'Past sessions' })).toContainText('Maria Lindqvist');
  await expect(page.getByRole('list', { name: 'Past sessions' })).toContainText('Last week’s reading');
});

test('Today: the due cards, then a five-question quiz on last week’s reading; each part done or skipped', async ({
  page,
}) => {
  // A review and a whole quiz on a busy 2-core machine: more than the default minute.
  test.setTimeout(120_000);
  await seed();
  await callApi(server, 'createCard', { kind: 'basic', front: 'Who opened the station?', back: 'Maria Lindqvist' });
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(page.getByTestId('today-cards-status')).toContainText('1 card to review');
  await expect(page.getByTestId('today-quiz-status')).toContainText(
    'Up to 5 questions from 3 articles added or read since',
  );
  await shoot(page, 'today');

  // The cards, reviewed here.
  await page.getByRole('button', { name: 'Review cards' }).click();
  await expect(page.getByText('Who opened the station?')).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await page.getByRole('button', { name: 'Back to Today' }).click();
  await expect(page.getByTestId('today-cards-status')).toContainText('No cards left for today');

  // The quiz, asked here to the end.
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const progress = page.getByText(/^Question 1 of (\d)$/);
  await expect(progress).toBeVisible();
  const total = Number(/of (\d)/.exec((await progress.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(5);
  for (let i = 1; i <= total; i++) {
    await expect(page.getByText(`Question ${i} of ${total}`)).toBeVisible();
    await answerAnyhow(page);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to Today' }).click();
  await expect(page.getByTestId('today-quiz-status')).toContainText(`Done today:`);
  await expect(page.getByTestId('today-quiz-status')).toContainText(`of ${total}`);
  await shoot(page, 'today-done');
});

test('Today: either part can be skipped', async ({ page }) => {
  await seed();
  await callApi(server, 'createCard', { kind: 'basic', front: 'Where is the station?', back: 'Tromso' });
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Skip cards' }).click();
  await expect(page.getByTestId('today-cards-status')).toHaveText('Cards skipped for today.');
  await page.getByRole('button', { name: 'Skip quiz' }).click();
  await expect(page.getByTestId('today-quiz-status')).toHaveText('Quiz skipped for today.');
  await expect(page.getByRole('button', { name: 'Review anyway' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start anyway' })).toBeVisible();
});

test("the actor quiz from the actor's dossier: only questions about them, the change of role among them", async ({
  page,
}) => {
  await seed();
  await page.goto(server.url);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search the library' }).fill('Lindqvist');
  await page.getByRole('option', { name: /Maria Lindqvist\s*Dossier/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maria Lindqvist' })).toBeVisible();
  await shoot(page, 'study-dossier');
  await page.getByRole('link', { name: 'Quiz on Maria Lindqvist' }).click();
  await expect(page.getByTestId('study-banner')).toContainText('2 articles · only questions about Maria Lindqvist');
  await onlyKinds(page, ['Role changes across articles']);
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText('Question 1 of 1')).toBeVisible();
  await expect(page.locator('#question-prompt')).toContainText('Maria Lindqvist was described as');
});
