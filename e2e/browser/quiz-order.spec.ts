/**
 * The timeline question as a reader answers it: the events start in the order the question gives them, move with
 * their buttons and with Alt+Up/Down, and the order the reader made is the answer checked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

function firstStoredQuestion(): { answer: string; choices: string[] } {
  const data = JSON.parse(readFileSync(path.join(server.dataDir, 'quiz.json'), 'utf8')) as {
    sessions: { questions: { answer: string; choices: string[] }[] }[];
  };
  const question = data.sessions.at(-1)?.questions[0];
  if (!question) throw new Error('no question was stored');
  return question;
}

test('a timeline question is put in order with the buttons and the keyboard, and that order is checked', async ({
  page,
}) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  const kinds = page.getByRole('group', { name: 'Kinds' });
  await expect(kinds.getByRole('checkbox').first()).toBeVisible();
  for (const box of await kinds.getByRole('checkbox').all()) await box.setChecked(false);
  await kinds.getByRole('checkbox', { name: 'Timeline order' }).check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();

  const stored = firstStoredQuestion();
  const events = page.getByRole('list', { name: 'Events, earliest first' });
  const shown = async () => (await events.locator('.order-label').allInnerTexts()).map((text) => text.trim());
  await expect.poll(shown).toEqual(stored.choices);

  // The last event moves up one place by the keyboard; then each right event is brought up to its place by buttons.
  const last = stored.choices.at(-1) as string;
  await events
    .getByRole('button', { name: new RegExp(`^${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, position`) })
    .focus();
  await page.keyboard.press('Alt+ArrowUp');
  const moved = [...stored.choices];
  moved.splice(-2, 2, last, stored.choices.at(-2) as string);
  await expect.poll(shown).toEqual(moved);

  const target = stored.answer.split(' → ');
  for (const [place, label] of target.entries()) {
    for (let at = (await shown()).indexOf(label); at > place; at--) {
      await events.getByRole('button', { name: `Move “${label}” earlier` }).click();
      await expect.poll(async () => (await shown()).indexOf(label)).toBe(at - 1);
    }
  }
  await expect.poll(shown).toEqual(target);
  await saveScreen(page, 'quiz-order');
  await page.getByRole('button', { name: /^Check/ }).click();
  await expect(page.locator('.verdict')).toHaveText('Correct.');
});
