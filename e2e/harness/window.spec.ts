/**
 * The built app on the harness: the window it opens, the settings it opens it with, and its page's CSP. What reaches
 * the page shows the settings at work: no Node, only the bridge's functions.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../electron-harness/launch';
import { REPO_ROOT } from '../support/server';
import { expect, test } from './fixtures';

test('harness: the window opens on the sample article, and the article reads', async ({ harness }) => {
  const app = harness.launch();
  const page = await app.window();
  const sample = page.getByRole('button', { name: /Open Putin’s visit to North Korea/ });
  await expect(sample).toBeVisible();
  await sample.click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(/Putin’s visit to North Korea/);
  await expect(article).toContainText(
    'As Russian President Vladimir Putin’s visit to North Korea becomes virtually official',
  );
  const paragraphs = readFileSync(path.join(REPO_ROOT, 'assets/sample-article.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  await expect(article.locator('p.block')).toHaveCount(paragraphs.length);
  expect((await app.records()).mainErrors).toEqual([]);
});

test('harness: the window has context isolation, the sandbox, no Node integration and an existing preload', async ({
  harness,
}) => {
  const app = harness.launch();
  const page = await app.window();
  // What the page can reach: no Node, only the bridge the preload exposed (frozen, on a read-only key).
  const reach = await page.evaluate(() => {
    const page = globalThis as Record<string, unknown>;
    const bridge = page.lectio as Record<string, unknown> | undefined;
    return {
      require: typeof page.require,
      process: typeof page.process,
      bridge: Object.keys(bridge ?? {}).sort(),
      frozen: Boolean(bridge) && Object.isFrozen(bridge) && Object.isFrozen(bridge?.invoke),
      writable: Object.getOwnPropertyDescriptor(page, 'lectio')?.writable,
    };
  });
  const records = await app.records();
  expect(records.preloadErrors).toEqual([]);
  expect(reach).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['desktop', 'host', 'invoke', 'onMenuCommand'],
    frozen: true,
    writable: false,
  });

  expect(records.windows).toHaveLength(1);
  const prefs = records.windows[0]?.options.webPreferences as Record<string, unknown>;
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
  });
  expect(typeof prefs.preload).toBe('string');
  expect(existsSync(prefs.preload as string)).toBe(true);
  expect(records.windows[0]?.url).toBe(`file://${path.join(APP_ROOT, 'out/renderer/index.html')}`);
  expect(records.windows[0]).toMatchObject({ shown: true, hasWindowOpenHandler: true });
  expect(records.windows[0]?.webContentsListeners).toEqual(
    expect.arrayContaining(['will-navigate', 'will-attach-webview']),
  );
  expect(records.permissionHandlers).toEqual({ request: true, check: true });
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
});

test('harness: permission requests and checks are denied', async ({ harness }) => {
  const app = harness.launch();
  await app.window();
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
    expect(await app.permissionRequest(1, permission)).toBe(false);
    expect(await app.permissionCheck(1, permission)).toBe(false);
  }
});

test('harness: the page’s CSP lets the renderer run and blocks inline script and frames', async ({ harness }) => {
  const app = harness.launch();
  const page = await app.window();
  // The renderer ran: its module script loaded from file:// under `script-src 'self'`.
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const page = window as Window & { inlineRan?: boolean };
    const violations: string[] = [];
    page.document.addEventListener('securitypolicyviolation', (event: { violatedDirective: string }) =>
      violations.push(event.violatedDirective),
    );
    const script = page.document.createElement('script');
    script.textContent = 'globalThis.inlineRan = true';
    page.document.body.append(script);
    const frame = page.document.createElement('iframe');
    frame.src = page.location.href.split('#')[0] ?? '';
    page.document.body.append(frame);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { inlineRan: page.inlineRan === true, violations };
  });
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'frame-src']));
});
