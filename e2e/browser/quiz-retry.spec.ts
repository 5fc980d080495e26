/**
 * "Retry the missed": the results of a quiz offer a new session of exactly the questions answered wrong, with the same
 * wording and answers and the choices in a new order; a past session in the history offers the same.
 */
import { expect, test, type Page } from '@playwright/test';
import { saveScreenWidths } from '../support/screens';
import { askOnly, openQuiz, previewAnswers } from '../support/quiz';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

async function choicesShown(page: Page): Promise<string[]> {
  return page.getByRole('radiogroup').getByRole('radio').locator('span').allTextContents();
}

test('retry the missed from the results and from a past session: the same questions, the choices reshuffled', async ({
  page,
}) => {
  await openQuiz(page, server.url);
  await askOnly(page, 'Who (fill the blank)', 5);

  // The preview shows each answer, so the reader can miss on purpose: questions 1, 2 and 4 wrong, 3 and 5 right.
  const answers = await previewAnswers(page, 5);
  await page.getByRole('button', { name: 'Start quiz' }).click();

  const missed = new Map<string, string[]>();
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(`Question ${i} of 5`)).toBeVisible();
    const prompt = (await page.locator('#question-prompt').textContent()) ?? '';
    const choices = await choicesShown(page);
    const answer = answers.get(prompt) ?? '';
    const miss = i === 1 || i === 2 || i === 4;
    const pick = choices.findIndex((c) => (miss ? c !== answer : c === answer));
    expect(pick).toBeGreaterThanOrEqual(0);
    await page.keyboard.press(String(pick + 1));
    await page.keyboard.press('Enter');
    await expect(page.locator('.verdict')).toHaveText(miss ? /^Not quite/ : /^Correct/);
    if (miss) missed.set(prompt, choices);
    await page.keyboard.press('Enter');
  }

  await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();
  const retry = page.getByRole('button', { name: 'Retry the 3 missed' });
  await expect(retry).toBeVisible();
  await saveScreenWidths(page, 'quiz-retry-results');
  await retry.click();

  // Exactly the missed questions, each with its choices in another order; right answers this time.
  const asked = new Set<string>();
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByText(`Question ${i} of 3`)).toBeVisible();
    const prompt = (await page.locator('#question-prompt').textContent()) ?? '';
    expect([...missed.keys()]).toContain(prompt);
    asked.add(prompt);
    const choices = await choicesShown(page);
    const before = missed.get(prompt) ?? [];
    expect([...choices].sort()).toEqual([...before].sort());
    expect(choices).not.toEqual(before);
    await page.keyboard.press(String(choices.indexOf(answers.get(prompt) ?? '') + 1));
    await page.keyboard.press('Enter');
    await expect(page.locator('.verdict')).toHaveText(/^Correct/);
    await page.keyboard.press('Enter');
  }
  expect(asked.size).toBe(3);
  await expect(page.getByLabel('Score 3 out of 3')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);

  // The first session, opened from the history, still offers its three.
  await page.getByRole('button', { name: 'Back to quizzes' }).click();
  const history = page.getByRole('list', { name: 'Past sessions' });
  await expect(history.getByRole('button')).toHaveCount(2);
  await history.getByRole('button', { name: /2\/5/ }).click();
  await expect(page.getByRole('heading', { name: 'Past session' })).toBeVisible();
  await page.getByRole('button', { name: 'Retry the 3 missed' }).click();
  await expect(page.getByText('Question 1 of 3')).toBeVisible();
  expect([...missed.keys()]).toContain((await page.locator('#question-prompt').textContent()) ?? '');
});
