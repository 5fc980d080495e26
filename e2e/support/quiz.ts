/**
 * Setting up a quiz as a reader does, shared by the quiz specs: keep one kind of question (the "who" questions'
 * answers are names, so a spec can pick a right or a wrong choice by text) and read each answer from the preview.
 */
import { expect, type Page } from '@playwright/test';

/** Every question kind, as the quiz set-up labels them. */
export const QUIZ_KINDS = [
  'Who (fill the blank)',
  'Roles',
  'When',
  'Timeline order',
  'Match actors to roles',
  'Who said it',
  'True or false',
] as const;

/** On the quiz set-up: only questions of `kind`, `count` of them. */
export async function askOnly(page: Page, kind: (typeof QUIZ_KINDS)[number], count: number): Promise<void> {
  for (const other of QUIZ_KINDS) {
    if (other !== kind) await page.getByRole('checkbox', { name: other, exact: true }).uncheck();
  }
  await page.getByRole('radio', { name: String(count) }).check();
}

/** Opens the preview and returns each question's prompt with its answer; the preview must list `count` questions. */
export async function previewAnswers(page: Page, count: number): Promise<Map<string, string>> {
  await page.getByRole('button', { name: 'Preview questions' }).click();
  const previewed = page.locator('.preview-list li');
  await expect(previewed).toHaveCount(count);
  const answers = new Map<string, string>();
  for (const li of await previewed.all()) {
    answers.set(
      (await li.locator('.preview-prompt').textContent()) ?? '',
      ((await li.locator('.preview-answer').textContent()) ?? '').replace(/^Answer: /, ''),
    );
  }
  return answers;
}

/**
 * Answers the question on screen with whatever comes first, whatever its kind: the first choice, the first role for
 * each name of a match question, any words in a typed answer (an order question is answerable as it stands); then
 * checks it and waits for the verdict. For specs that go through a quiz whose questions they do not choose.
 */
export async function answerAnyhow(page: Page): Promise<void> {
  const choices = page.getByRole('radiogroup').getByRole('radio');
  const roles = page.getByRole('combobox', { name: /^Role of / });
  if ((await choices.count()) > 0) await page.keyboard.press('1');
  else if ((await roles.count()) > 0) for (const role of await roles.all()) await role.selectOption({ index: 1 });
  else if (await page.getByLabel('Your answer').isVisible()) await page.getByLabel('Your answer').fill('x');
  await page.getByRole('button', { name: /^Check/ }).click();
  await expect(page.locator('.verdict')).toBeVisible();
}

/** Opens the Quiz screen from the Library at `url`: the sample article is the one chosen, as in a new library. */
export async function openQuiz(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('checkbox', { name: /Putin’s visit/ })).toBeChecked();
}
