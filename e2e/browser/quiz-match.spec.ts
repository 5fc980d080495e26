/**
 * The match question as a reader meets it: every name beside a list of roles that fits its card at 800 and 1280 px,
 * partial credit for a partly right answer, and flashcards from missed questions that can be answered from the front
 * and show their sentence once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatScore } from '@core/quiz/session';
import { pasteArticle } from '../support/reader';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

interface StoredQuestion {
  id: string;
  kind: string;
  answer: string;
  choices: string[];
  evidence: { text: string };
  items?: { label: string; match?: string }[];
}

function storedQuestions(): StoredQuestion[] {
  const data = JSON.parse(readFileSync(path.join(server.dataDir, 'quiz.json'), 'utf8')) as {
    sessions: { questions: StoredQuestion[] }[];
  };
  return data.sessions.at(-1)?.questions ?? [];
}

async function startQuizOf(page: Page, kind: string) {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await startWithOnly(page, kind);
}

async function startWithOnly(page: Page, kind: string) {
  const kinds = page.getByRole('group', { name: 'Kinds' });
  await expect(kinds.getByRole('checkbox').first()).toBeVisible();
  for (const box of await kinds.getByRole('checkbox').all()) await box.setChecked(false);
  await kinds.getByRole('checkbox', { name: kind }).check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
}

/** How often `text` occurs in `haystack`, whitespace squashed. */
function occurrences(haystack: string, text: string): number {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  return squash(haystack).split(squash(text)).length - 1;
}

for (const width of [800, 1280]) {
  test(`a match question at ${width} px: names with role lists inside the card, and partial credit`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await startQuizOf(page, 'Match actors to roles');
    const questions = storedQuestions();
    const question = page.locator('.quiz-question');

    let points = 0;
    for (const [index, stored] of questions.entries()) {
      await expect(page.getByText(`Question ${index + 1} of ${questions.length}`)).toBeVisible();
      const items = stored.items ?? [];
      expect(items.length).toBeGreaterThanOrEqual(3);
      const roles = items.map((item) => item.match ?? '');
      // The first question is answered partly right: its last two roles swapped.
      const n = roles.length;
      if (index === 0) [roles[n - 2], roles[n - 1]] = [roles[n - 1] as string, roles[n - 2] as string];
      for (const [i, item] of items.entries()) {
        await expect(question.getByText(item.label, { exact: true })).toBeVisible();
        const select = question.getByRole('combobox', { name: `Role of ${item.label}` });
        await select.selectOption(roles[i] as string);
        // The list of roles stays inside the question's card.
        const [box, card] = [await select.boundingBox(), await question.boundingBox()];
        expect(box && card && box.x + box.width <= card.x + card.width + 0.5).toBe(true);
      }
      if (index === 0) await page.screenshot({ path: `test-results/shots/study/quiz-match-${width}.png` });
      await page.getByRole('button', { name: /^Check/ }).click();
      if (index === 0) {
        await expect(page.locator('.verdict')).toHaveText(`Not quite: ${n - 2} of ${n} pairs right. The right answer:`);
        points += (n - 2) / n;
        await page.screenshot({ path: `test-results/shots/study/quiz-match-feedback-${width}.png` });
      } else {
        await expect(page.locator('.verdict')).toHaveText('Correct.');
        points += 1;
      }
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();
    await expect(page.getByLabel(`Score ${formatScore(points)} out of ${questions.length}`)).toBeVisible();
    const firstPairs = questions[0]?.items?.length ?? 0;
    await expect(page.getByRole('list', { name: 'Mistakes' })).toContainText(
      `${firstPairs - 2} of ${firstPairs} pairs right.`,
    );
    await page.screenshot({ path: `test-results/shots/study/quiz-match-results-${width}.png` });
  });
}

test('a flashcard from a missed match question names who to match; its sentence shows once', async ({ page }) => {
  await startQuizOf(page, 'Match actors to roles');
  const stored = storedQuestions()[0];
  const items = stored?.items ?? [];
  const roles = items.map((item) => item.match ?? '');
  for (const [i, item] of items.entries()) {
    await page
      .getByRole('combobox', { name: `Role of ${item.label}` })
      .selectOption(roles[(i + 1) % roles.length] as string);
  }
  await page.getByRole('button', { name: /^Check/ }).click();
  await page.getByRole('button', { name: 'Make a flashcard' }).click();
  await expect(page.getByRole('button', { name: 'Card made' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
  const card = page.locator('article.flashcard');
  for (const item of items) await expect(card).toContainText(item.label);
  await page.keyboard.press('Space');
  for (const item of items) await expect(card).toContainText(`${item.label}: ${item.match ?? ''}`);
  expect(occurrences(await card.innerText(), stored?.evidence.text ?? '')).toBe(1);
});

test('a flashcard from a missed fill-the-blank question shows its sentence once on the answer side', async ({
  page,
}) => {
  await startQuizOf(page, 'Who (fill the blank)');
  const stored = storedQuestions()[0];
  if (!stored) throw new Error('no question');
  const wrong = stored.choices.findIndex((choice) => choice !== stored.answer);
  await page.keyboard.press(String(wrong + 1));
  await page.keyboard.press('Enter');
  await expect(page.locator('.verdict')).toContainText('Not quite');
  await page.getByRole('button', { name: 'Make a flashcard' }).click();
  await expect(page.getByRole('button', { name: 'Card made' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
  const card = page.locator('article.flashcard');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(card).toContainText(stored.answer);
  await expect(card.getByRole('link', { name: 'Show in article' })).toBeVisible();
  expect(occurrences(await card.innerText(), stored.evidence.text)).toBe(1);
  await page.screenshot({ path: 'test-results/shots/study/review-basic-answer-1280.png' });
});

test('a match question whose roles are long keeps every role list inside its card at 800 and 1280 px', async ({
  page,
}) => {
  await page.goto(server.url);
  await pasteArticle(
    page,
    'Long roles',
    [
      'Liu Jianchao, head of the external liaison department of the Communist Party of China Central Committee, met the delegation on Monday.',
      'Prime Minister Ana Sousa said the talks were useful.',
      'Ambassador Tomas Berg agreed.',
      'Maria Lopez, chief executive of the Port of Lisbon Authority, welcomed the deal.',
    ],
    'Ambassador Tomas Berg',
  );
  await page.getByRole('link', { name: 'Quiz me on this article' }).click();
  await expect(
    page.getByRole('group', { name: 'Articles' }).getByRole('checkbox', { name: 'Long roles' }),
  ).toBeChecked();
  await startWithOnly(page, 'Match actors to roles');
  const question = page.locator('.quiz-question');
  await expect(question.getByRole('combobox', { name: 'Role of Liu Jianchao' })).toBeVisible();
  // Each list starts on its prompt, not blank.
  for (const select of await question.getByRole('combobox').all())
    await expect(select.locator('option:checked')).toHaveText('choose a role…');
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const card = await question.boundingBox();
    for (const select of await question.getByRole('combobox').all()) {
      const box = await select.boundingBox();
      expect(
        box && card && box.x + box.width <= card.x + card.width + 0.5,
        `a role list overflows at ${width} px`,
      ).toBe(true);
    }
    await page.screenshot({ path: `test-results/shots/study/quiz-match-long-roles-${width}.png` });
  }
});
