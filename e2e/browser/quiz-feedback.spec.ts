/**
 * "This question is wrong": the question is hidden at once, one click says why, and the reason corrects the fact for
 * the document: gone from the next quiz and from the Actors panel.
 */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen, saveScreenWidths } from '../support/screens';
import { askOnly, openQuiz } from '../support/quiz';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

/** The Quiz screen for the sample, asking role questions only (each is about one named actor). */
async function rolesOnly(page: Page) {
  await openQuiz(page, server.url);
  await askOnly(page, 'Roles', 5);
}

async function actorNames(page: Page): Promise<string[]> {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await page.getByRole('tab', { name: /Actors \d+/ }).click();
  await expect(page.getByRole('list', { name: 'People' })).toBeVisible();
  return page.locator('.actor-list .actor-name').allTextContents();
}

test('"not an actor" on a role question hides it, and the actor is gone from the next quiz and the Actors panel', async ({
  page,
}) => {
  const before = await actorNames(page);
  await rolesOnly(page);
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText('Question 1 of 5')).toBeVisible();
  const prompt = (await page.locator('#question-prompt').textContent()) ?? '';

  const wrong = page.getByRole('button', { name: 'This question is wrong' });
  await expect(wrong).toBeVisible();
  await saveScreenWidths(page, 'quiz-wrong-button');
  await wrong.click();
  const why = page.getByRole('group', { name: 'Hidden for good. What is wrong with it?' });
  await expect(why.getByRole('button')).toHaveText([
    'Wrong answer',
    'Not an actor',
    'Wrong role',
    'Wrong date',
    'Unclear',
  ]);
  // Hidden: it can no longer be answered, only skipped.
  await expect(page.getByRole('button', { name: /^Check/ })).toHaveCount(0);
  await expect(why.getByRole('button', { name: 'Wrong answer' })).toBeFocused();
  await saveScreenWidths(page, 'quiz-wrong-reasons');

  await why.getByRole('button', { name: 'Not an actor' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Hidden for good (not an actor).' });
  await expect(status).toBeVisible();
  const name = /Hidden for good \(not an actor\)\. (.+) is no longer listed as an actor\./.exec(
    (await status.textContent())?.trim() ?? '',
  )?.[1];
  expect(name, 'the status names the actor removed').toBeTruthy();
  expect(before).toContain(name);
  await saveScreenWidths(page, 'quiz-wrong-done');

  // Enter goes on to the next question, as after an answer.
  await page.keyboard.press('Enter');
  await expect(page.getByText('Question 2 of 5')).toBeVisible();
  await page.keyboard.press('Escape');

  // The next quiz of the document asks nothing about that actor, and not the hidden question.
  await page.getByRole('button', { name: 'Preview questions' }).click();
  const prompts = page.locator('.preview-list .preview-prompt');
  await expect(prompts.first()).toBeVisible();
  expect(await prompts.allTextContents()).not.toContain(prompt);
  expect(await prompts.allTextContents()).not.toContain(`What position does ${name} hold?`);
  expect(await page.locator('.preview-list .preview-answer').allTextContents()).not.toContain(`Answer: ${name}`);
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText(/Question 1 of \d/)).toBeVisible();
  await expect(page.locator('#question-prompt')).not.toHaveText(`What position does ${name} hold?`);

  // The Actors panel shows the correction: the actor is no longer listed.
  const after = await actorNames(page);
  expect(after).not.toContain(name);
  expect(after.length).toBe(before.length - 1);
  const removed = page.getByRole('region', { name: 'Removed by you' });
  await expect(removed).toContainText(name ?? '');
  await removed.scrollIntoViewIfNeeded();
  await saveScreen(page, 'actors-removed-by-you');

  // And can undo it there.
  await removed.getByRole('button', { name: `Put back ${name}` }).click();
  await expect(page.locator('.actor-list .actor-name', { hasText: name })).not.toHaveCount(0);
  await expect(removed).toHaveCount(0);
});

test('on the results, "wrong role" drops that role from the actor in the Actors panel', async ({ page }) => {
  await rolesOnly(page);
  await page.getByRole('button', { name: 'Start quiz' }).click();
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(new RegExp(`Question ${i} of \\d`))).toBeVisible();
    if (await page.getByRole('textbox', { name: 'Your answer' }).count())
      await page.getByRole('textbox', { name: 'Your answer' }).fill('I do not know');
    else await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect(page.locator('.verdict')).toBeVisible();
    if (await page.getByRole('heading', { name: 'Your score' }).count()) break;
    await page.keyboard.press('Enter');
    if (await page.getByRole('heading', { name: 'Your score' }).count()) break;
  }
  await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();

  // A forward role question names the actor in its prompt and its answer is the role as written.
  const results = page.locator('.result').filter({ hasText: /What position does .+ hold\?/ });
  // Questions answered right are folded away under a summary.
  if (await page.locator('details summary').count()) await page.locator('details summary').click();
  const item = results.first();
  const prompt = (await item.locator('.result-prompt').textContent()) ?? '';
  const actor = /What position does (.+) hold\?/.exec(prompt)?.[1] ?? '';
  await item.getByRole('button', { name: 'This question is wrong' }).click();
  await item.getByRole('group').getByRole('button', { name: 'Wrong role' }).click();
  const status = item.getByRole('status');
  await expect(status).toContainText(`${actor} is no longer listed as “`);
  const role = /no longer listed as “(.+)”\./.exec((await status.textContent()) ?? '')?.[1] ?? '';
  expect(role).not.toBe('');
  await saveScreenWidths(page, 'quiz-results-wrong');

  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await page.getByRole('tab', { name: /Actors \d+/ }).click();
  const name = new RegExp(`^${actor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const entry = page.locator('.actor-list .actor-main').filter({ has: page.locator('.actor-name', { hasText: name }) });
  await expect(entry).toHaveCount(1);
  const roles = (await entry.locator('.roles').count())
    ? ((await entry.locator('.roles').textContent()) ?? '').split('; ')
    : [];
  expect(roles).not.toContain(role);

  await page
    .getByRole('region', { name: 'Removed by you' })
    .getByRole('button', { name: `Put back ${actor}: “${role}”` })
    .click();
  await expect(entry.locator('.roles')).toContainText(role);
});
