/**
 * The real desktop app through Playwright's Electron driver. These run wherever Electron's binary is installed
 * (after one `npm start`); on machines without it they report as skipped, never as passed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPath } from '@scripts/electron-binary.cjs';
import { REPO_ROOT, newDataDir } from '../support/server';

const binary = electronBinaryPath();
test.skip(binary === null, 'Electron’s binary is not installed here (run `npm start` once where the network allows)');

async function launch(dataDir: string) {
  return electron.launch({
    executablePath: binary ?? undefined,
    args: [REPO_ROOT],
    env: { ...process.env, LECTIO_DATA_DIR: dataDir, LECTIO_CONNECTOR_PORT: '0' },
  });
}

test('electron: the window opens on the library with the sample article', async () => {
  const app = await launch(newDataDir());
  const page = await app.firstWindow();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
  // What the page can reach shows the settings: no Node (nodeIntegration off, sandbox on), only the bridge's functions.
  const reach = await page.evaluate(() => {
    const page = globalThis as Record<string, unknown>;
    return {
      require: typeof page.require,
      process: typeof page.process,
      bridge: Object.keys(page.lectio ?? {}).sort(),
    };
  });
  expect(reach).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['desktop', 'host', 'invoke', 'onMenuCommand'],
  });
  await app.close();
});

test('electron: a pasted article persists across a restart', async () => {
  const dataDir = newDataDir();
  let app = await launch(dataDir);
  let page = await app.firstWindow();
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByRole('textbox', { name: 'Article text' }).fill('Desk test.\nA second paragraph.');
  await page.getByRole('button', { name: 'Add to library' }).click();
  await expect(page.getByRole('article')).toContainText('A second paragraph.');
  await app.close();
  const index = JSON.parse(readFileSync(path.join(dataDir, 'library.json'), 'utf8')) as {
    documents: { title: string }[];
  };
  expect(index.documents.map((doc) => doc.title)).toContain('Desk test');

  app = await launch(dataDir);
  page = await app.firstWindow();
  await expect(page.getByRole('button', { name: 'Open Desk test' })).toBeVisible();
  await app.close();
});
