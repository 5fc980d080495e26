/**
 * End-to-end tests. `browser` drives browser mode (`out/main/serve.js`) in Debian's Chromium and runs everywhere;
 * `electron` drives the real desktop app and skips itself where Electron's binary is not installed.
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM_PATH = process.env.LECTIO_CHROMIUM ?? '/usr/bin/chromium';

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
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
        },
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
