/** A whole quiz on the sample, answered from the keyboard: feedback, score, evidence, and the history after a restart. */
import { expect, test } from '@playwright/test';
import { formatScore } from '@core/quiz/session';
import { saveScreen } from '../support/screens';
import { openQuiz } from '../support/quiz';
import { serverPerTest } from '../support/server';
import { paintedLayers } from '../support/text';

const server = serverPerTest();

test('take a quiz with the keyboard, review the score, open the evidence, find the session after a restart', async ({
  page,
}) => {
  await openQuiz(page, server.url);
  await page.getByRole('radio', { name: '5' }).check();
  await saveScreen(page, 'quiz-setup');
  await page.getByRole('button', { name: 'Start quiz' }).focus();
  await page.keyboard.press('Enter');

  let correct = 0;
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(`Question ${i} of 5`)).toBeVisible();
    const selects = page.locator('.pairs-answer select');
    if (await page.getByRole('radiogroup').count()) {
      await page.keyboard.press(String(((i - 1) % 2) + 1));
    } else if (await selects.count()) {
      // Type-ahead picks an option in a focused select, as a keyboard user does.
      const firstRole = (await selects.first().locator('option').nth(1).textContent()) ?? '';
      for (let s = 0; s < (await selects.count()); s++) {
        await selects.nth(s).focus();
        await page.keyboard.type(firstRole.slice(0, 6));
        await expect(selects.nth(s)).not.toHaveValue('');
      }
      await page.locator('body').focus();
    } else if (await page.getByRole('textbox', { name: 'Your answer' }).count()) {
      await page.getByRole('textbox', { name: 'Your answer' }).fill('I do not know');
    }
    if (i === 1) await saveScreen(page, 'quiz-question');
    await page.keyboard.press('Enter');
    const verdict = page.locator('.verdict');
    await expect(verdict).toBeVisible();
    const said = (await verdict.textContent()) ?? '';
    // A partly right match question earns its share of pairs.
    const partly = /(\d+) of (\d+) pairs right/.exec(said);
    if (said.startsWith('Correct')) correct++;
    else if (partly) correct += Number(partly[1]) / Number(partly[2]);
    await expect(page.locator('blockquote.evidence')).not.toBeEmpty();
    if (i === 1) await saveScreen(page, 'quiz-feedback');
    await page.keyboard.press('Enter');
  }

  await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();
  await expect(page.getByLabel(`Score ${formatScore(correct)} out of 5`)).toBeVisible();
  await saveScreen(page, 'quiz-results');

  const showButtons = page.getByRole('button', { name: 'Show in article' });
  await showButtons.first().click();
  await expect(page).toHaveURL(/#\/read\/sample\?at=\d+-\d+/);
  await expect.poll(async () => (await paintedLayers(page))['lectio-flash']).toBe(1);

  await server.restart();
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Quiz' }).click();
  const history = page.getByRole('list', { name: 'Past sessions' });
  await expect(history).toContainText(`${formatScore(correct)}/5`);
  await history.getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: 'Past session' })).toBeVisible();
});

test('a preview lets the reader hide a question for good', async ({ page }) => {
  await page.goto(`${server.url}`);
  await page.evaluate(() => {
    window.location.hash = '#/quiz?doc=sample';
  });
  await page.getByRole('button', { name: 'Preview questions' }).click();
  const list = page.locator('.preview-list li');
  await expect(list).toHaveCount(10);
  // A question is its prompt with its answer: an order question's prompt ("Put these events in order…") is shared by
  // every order question, so the one hidden is told from a new one of its kind by both.
  const questions = async () =>
    (await list.all()).map(async (item) =>
      [await item.locator('.preview-prompt').textContent(), await item.locator('.preview-answer').textContent()].join(
        ' | ',
      ),
    );
  const hidden = await (await questions())[0];
  await list.first().getByRole('button', { name: 'Hide for good' }).click();
  await expect(list).toHaveCount(9);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Preview questions' }).click();
  await expect(list).toHaveCount(10);
  expect(await Promise.all(await questions())).not.toContain(hidden);
});
