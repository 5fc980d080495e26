/**
 * The window's guards on the harness: navigation away and new windows are refused (http(s) URLs go to the recorded
 * shell.openExternal instead), and an IPC call from a page that is not the app's is refused with `forbidden`.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PreloadBridge } from '@contract';
import { APP_ROOT, tempFolder } from '../electron-harness/launch';
import { expect, test } from './fixtures';

const APP_URL = pathToFileURL(path.join(APP_ROOT, 'out/renderer/index.html')).href;

/** The page's window as the preload leaves it (page.evaluate callbacks run there). */
type BridgedWindow = Window & { lectio: PreloadBridge };

test('harness: navigating away is refused, and an http link goes to shell.openExternal', async ({ harness }) => {
  const app = harness.launch();
  const page = await app.window();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
  // One at a time: a second navigation started while the first is pending would cancel the first.
  for (const [count, url] of [
    [1, 'https://example.org/elsewhere'],
    [2, 'file:///etc/hostname'],
  ] as const) {
    await page.evaluate((target) => {
      window.location.href = target;
    }, url);
    await expect.poll(async () => (await app.records()).willNavigate.length).toBe(count);
  }
  const records = await app.records();
  expect(records.willNavigate).toEqual([
    { url: 'https://example.org/elsewhere', prevented: true },
    { url: 'file:///etc/hostname', prevented: true },
  ]);
  expect(records.openExternal).toEqual(['https://example.org/elsewhere']);
  expect(page.url()).toBe(APP_URL);
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();

  // In-app routes are same-document navigations: no 'will-navigate', and they work.
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('article')).toBeVisible();
  expect((await app.records()).willNavigate).toHaveLength(2);
});

test('harness: window.open and target=_blank links open no window; only http(s) go to shell.openExternal', async ({
  harness,
}) => {
  const app = harness.launch();
  const file = path.join(tempFolder('lectio-harness-files-'), 'links.md');
  writeFileSync(file, 'See [the report](https://example.org/report).\n');
  await app.queueOpenDialog({ canceled: false, filePaths: [file] });
  const page = await app.window();
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByRole('button', { name: 'Open a file…' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('links');
  await page.getByRole('button', { name: 'Add to library' }).click();
  await page.getByRole('article').getByRole('link', { name: 'the report' }).click();
  await page.evaluate(() => {
    window.open('mailto:desk@example.org');
    window.open('file:///etc/passwd');
  });
  await expect.poll(async () => (await app.records()).windowOpens.length).toBe(3);
  const records = await app.records();
  expect(records.windowOpens).toEqual([
    { url: 'https://example.org/report', action: 'deny' },
    { url: 'mailto:desk@example.org', action: 'deny' },
    { url: 'file:///etc/passwd', action: 'deny' },
  ]);
  expect(records.openExternal).toEqual(['https://example.org/report']);
  expect(records.windows).toHaveLength(1);
  await expect.poll(() => page.context().pages().length).toBe(1);
});

test('harness: IPC from a page at another URL is refused as forbidden, and subframes get no bridge', async ({
  harness,
}) => {
  const app = harness.launch();
  const page = await app.window();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
  expect(
    await page.evaluate(
      async () => (window as unknown as BridgedWindow).lectio.invoke.listDocuments({}) as Promise<{ ok: boolean }>,
    ),
  ).toMatchObject({ ok: true });

  // A copy of the renderer at another path, holding the real app page in an iframe; loaded as main's loadURL would.
  const elsewhere = tempFolder('lectio-harness-elsewhere-');
  cpSync(path.join(APP_ROOT, 'out/renderer'), elsewhere, { recursive: true });
  const host = path.join(elsewhere, 'host.html');
  writeFileSync(host, `<!doctype html><title>host</title><iframe name="app" src="${APP_URL}"></iframe>`);
  await app.loadURL(1, pathToFileURL(path.join(elsewhere, 'index.html')).href);
  await expect(page.getByRole('alert')).toContainText('did not come from the Lectio window');
  const foreign = await page.evaluate(
    async () => (window as unknown as BridgedWindow).lectio.invoke.listDocuments({}) as Promise<unknown>,
  );
  expect(foreign).toEqual({
    ok: false,
    error: { code: 'forbidden', message: 'This call did not come from the Lectio window.' },
  });
  const desktop = await page.evaluate(
    async () => (window as unknown as BridgedWindow).lectio.desktop.openTextFile() as Promise<unknown>,
  );
  expect(desktop).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  await app.loadURL(1, pathToFileURL(host).href);
  await expect.poll(() => page.frame({ name: 'app' })?.url()).toBe(APP_URL);
  const bridgeInFrame = await page
    .frame({ name: 'app' })
    ?.evaluate(() => typeof (globalThis as Record<string, unknown>).lectio);
  expect(bridgeInFrame).toBe('undefined');
  expect((await app.records()).openDialogs).toEqual([]);
});
