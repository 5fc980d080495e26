/** Mastery: after a quiz, the Reader's header and its Actors panel show how much of it the reader got right. */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();
const OTHER_KINDS = ['Roles', 'When', 'Timeline order', 'Match actors to roles', 'Who said it', 'True or false'];

async function shoot(page: Page, name: string) {
  const size = page.viewportSize();
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await saveScreen(page, `${name}-${width}`);
  }
  if (size) await page.setViewportSize(size);
}

test('after a quiz, the article and each actor asked about show the share answered right', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Never quizzed: no meter.
  await expect(page.getByRole('meter')).toHaveCount(0);

  await page.getByRole('link', { name: 'Quiz me on this article' }).click();
  for (const kind of OTHER_KINDS) await page.getByRole('checkbox', { name: kind, exact: true }).uncheck();
  await page.getByRole('radio', { name: '5' }).check();
  await page.getByRole('button', { name: 'Preview questions' }).click();
  const previewed = page.locator('.preview-list li');
  await expect(previewed).toHaveCount(5);
  const answers = new Map<string, string>();
  for (const li of await previewed.all()) {
    answers.set(
      (await li.locator('.preview-prompt').textContent()) ?? '',
      ((await li.locator('.preview-answer').textContent()) ?? '').replace(/^Answer: /, ''),
    );
  }
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
  await shoot(page, 'quiz-mastery-reader');
});
