/** Mastery: after a quiz, the Reader's header and its Actors panel show how much of it the reader got right. */
import { expect, test } from '@playwright/test';
import { saveScreenWidths } from '../support/screens';
import { askOnly, previewAnswers } from '../support/quiz';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

test('after a quiz, the article and each actor asked about show the share answered right', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Never quizzed: no meter.
  await expect(page.getByRole('meter')).toHaveCount(0);

  await page.getByRole('link', { name: 'Quiz me on this article' }).click();
  await askOnly(page, 'Who (fill the blank)', 5);
  const answers = await previewAnswers(page, 5);
  await page.getByRole('button', { name: 'Start quiz' }).click();

  // Questions 1, 2 and 3 right, 4 and 5 wrong: 60% of the article; each actor its own share.
  const byActor = new Map<string, boolean[]>();
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(`Question ${i} of 5`)).toBeVisible();
    const answer = answers.get((await page.locator('#question-prompt').textContent()) ?? '') ?? '';
    const choices = await page.getByRole('radiogroup').getByRole('radio').locator('span').allTextContents();
    const right = i <= 3;
    await page.keyboard.press(String(choices.findIndex((c) => (right ? c === answer : c !== answer)) + 1));
    await page.keyboard.press('Enter');
    await expect(page.locator('.verdict')).toHaveText(right ? /^Correct/ : /^Not quite/);
    byActor.set(answer, [...(byActor.get(answer) ?? []), right]);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();

  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('meter', { name: 'Mastery of this article: 60%' })).toBeVisible();
  await page.getByRole('tab', { name: /Actors \d+/ }).click();
  for (const [name, results] of byActor) {
    const percent = Math.round((results.filter(Boolean).length / results.length) * 100);
    await expect(page.getByRole('meter', { name: `Mastery of ${name}: ${percent}%` })).toBeVisible();
  }
  await expect(page.locator('.actor-list').getByRole('meter')).toHaveCount(byActor.size);
  await saveScreenWidths(page, 'quiz-mastery-reader');
});
