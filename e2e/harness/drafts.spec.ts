/**
 * Closing the desktop window saves what the reader was typing: main holds the close, the page saves its drafts, then
 * the window closes and the app quits. Without that, words typed in the moment before the close were lost.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempFolder } from '../electron-harness/launch';
import { expect, test } from './fixtures';

function storedNote(dataDir: string): unknown {
  const file = path.join(dataDir, 'annotations', 'sample.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).documentNote : undefined;
}

test('harness: the article note being typed is saved when the window is closed', async ({ harness }) => {
  const dataDir = tempFolder('lectio-harness-data-');
  const app = harness.launch({ dataDir, configHome: tempFolder('lectio-harness-config-') });
  const page = await app.window();
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await page.getByRole('textbox', { name: 'Notes on this article' }).click();
  // Typed, and the window closed at once: no pause for the autosave, no blur.
  await page.keyboard.type('Closed mid-thought');
  await app.closeWindow(1);
  const exit = await app.exited;
  expect(exit.code).toBe(0);
  expect(exit.records?.mainErrors).toEqual([]);
  expect(storedNote(dataDir)).toBe('Closed mid-thought');
});
