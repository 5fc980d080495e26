/**
 * End-to-end tests. `browser` drives browser mode (`out/main/serve.js`) in Debian's Chromium and runs everywhere;
 * `electron` drives the real desktop app and skips itself where Electron's binary is not installed; `harness` runs the
 * built main and preload bundles on a test-only stand-in for Electron (e2e/electron-harness) with the same Chromium.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH } from './e2e/support/chromium';

const chromiumLaunch = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ],
};

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  reporter: [['list']],
  forbidOnly: Boolean(process.env.CI),
  outputDir: 'test-results/artifacts',
  projects: [
    {
      name: 'browser',
      testDir: 'e2e/browser',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        launchOptions: chromiumLaunch,
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
    // The harness's runner launches this Chromium itself (as Electron starts its own) with these settings.
    { name: 'harness', testDir: 'e2e/harness', use: { browserName: 'chromium', launchOptions: chromiumLaunch } },
  ],
});
