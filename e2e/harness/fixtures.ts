/**
 * The harness specs' fixture: `harness.launch()` starts the built app on the Electron stand-in with this project's
 * Chromium settings, on fresh (or given) data and config folders, and every run is ended after the test.
 */
import { test as base } from '@playwright/test';
import { HarnessApp, tempFolder, type HarnessOptions } from '../electron-harness/launch';

export interface HarnessLauncher {
  launch(options?: Partial<Pick<HarnessOptions, 'dataDir' | 'configHome' | 'args' | 'env'>>): HarnessApp;
}

export const test = base.extend<{ harness: HarnessLauncher }>({
  harness: async ({ launchOptions }, use) => {
    const runs: HarnessApp[] = [];
    const chromium = {
      executablePath: launchOptions.executablePath ?? '/usr/bin/chromium',
      args: launchOptions.args ?? [],
    };
    await use({
      launch(options = {}) {
        const run = new HarnessApp({
          dataDir: options.dataDir ?? tempFolder('lectio-harness-data-'),
          configHome: options.configHome ?? tempFolder('lectio-harness-config-'),
          chromium,
          ...(options.args ? { args: options.args } : {}),
          ...(options.env ? { env: options.env } : {}),
        });
        runs.push(run);
        return run;
      },
    });
    await Promise.all(runs.map((run) => run.dispose()));
  },
});

export { expect } from '@playwright/test';
