/**
 * "Type the answers": who questions asked without choices; an alias, a small typo or another case is accepted and
 * the reader is told why; another actor's name is not.
 */
import { expect, test } from '@playwright/test';
import { saveScreenWidths } from '../support/screens';
import { askOnly, openQuiz, previewAnswers } from '../support/quiz';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

test('typed answers: a misspelt name is accepted with the reason, another actor is not, and the results keep the note', async ({
  page,
}) => {
  await openQuiz(page, server.url);
  await askOnly(page, 'Who (fill the blank)', 5);
  await page.getByRole('checkbox', { name: 'Type the answers' }).check();

  const answers = await previewAnswers(page, 5);
  const names = [...new Set(answers.values())];
  await page.getByRole('button', { name: 'Start quiz' }).click();

  let accepted = 0;
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(`Question ${i} of 5`)).toBeVisible();
    // No choices to pick from: the answer is typed.
    await expect(page.getByRole('radiogroup')).toHaveCount(0);
    const answer = answers.get((await page.locator('#question-prompt').textContent()) ?? '') ?? '';
    const other = names.find((n) => n !== answer);
    const box = page.getByRole('textbox', { name: 'Your answer' });
    if (i === 2 && other) {
      // Another actor of the article, typed as written: wrong.
      await box.fill(other);
      await page.keyboard.press('Enter');
      await expect(page.locator('.verdict')).toHaveText(/^Not quite/);
      await expect(page.locator('.accepted-note')).toHaveCount(0);
    } else if (answer.replace(/[^\p{L}]/gu, '').length < 5) {
      // Too short for any typo to be forgiven: in capitals, it is still right, and written as the answer.
      await box.fill(answer.toUpperCase());
      await page.keyboard.press('Enter');
      await expect(page.locator('.verdict')).toHaveText(/^Correct/);
      await expect(page.locator('.accepted-note')).toHaveCount(0);
    } else {
      // The last letter doubled, in lower case: right, and said why.
      const typo = `${answer}${answer.slice(-1)}`.toLowerCase();
      await box.fill(typo);
      await page.keyboard.press('Enter');
      await expect(page.locator('.verdict')).toHaveText(/^Correct/);
      await expect(page.locator('.accepted-note')).toHaveText(`Accepted: ‘${typo}’ is ${answer} (one letter off).`);
      if (accepted === 0) await saveScreenWidths(page, 'quiz-typed-accepted');
      accepted++;
    }
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();
  await expect(page.getByLabel('Score 4 out of 5')).toBeVisible();
  await page.getByText('4 other questions').click();
  expect(accepted).toBeGreaterThan(0);
  await expect(page.locator('.quiz-results .accepted-note')).toHaveCount(accepted);
});
