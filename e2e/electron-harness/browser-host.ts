/**
 * The Chromium that plays Electron's renderer side: launched by the runner (as Electron's own Chromium starts with
 * the app) through Playwright, and reachable over a CDP endpoint so the spec, a separate process, drives the same pages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type BrowserContext } from '@playwright/test';

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
}

export interface BrowserHost {
  context: BrowserContext;
  cdpEndpoint: string;
  close(): Promise<void>;
}

/**
 * Electron's file:// pages may load file:// subresources, which Vite's `<script type="module" crossorigin>` needs;
 * plain Chromium refuses them (an opaque origin's CORS request). This switch grants file pages exactly that access,
 * and keeps the page at its real file:// URL, the URL main's sender checks compare against.
 */
const ELECTRON_FILE_SCHEME = '--allow-file-access-from-files';

/** The launch settings the spec passed (its Playwright project's), or the project defaults. */
export function chromiumLaunchFromEnv(): ChromiumLaunch {
  const given = process.env.LECTIO_HARNESS_CHROMIUM;
  if (given) return JSON.parse(given) as ChromiumLaunch;
  return {
    executablePath: process.env.LECTIO_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  };
}

async function readDevToolsPort(profile: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const port = readFileSync(path.join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      if (port) return port;
    } catch {
      // Chromium writes the file just after it starts listening.
    }
    await sleep(20);
  }
  throw new Error('harness: Chromium did not report its DevTools port');
}

export async function launchBrowserHost(launch: ChromiumLaunch): Promise<BrowserHost> {
  // Chromium's own profile lives apart from the app's userData, whose singleton files the stand-in owns.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lectio-harness-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.executablePath,
    headless: true,
    args: [...launch.args, ELECTRON_FILE_SCHEME, '--remote-debugging-port=0'],
  });
  const port = await readDevToolsPort(profile);
  for (const blank of context.pages()) await blank.close();
  return {
    context,
    cdpEndpoint: `http://127.0.0.1:${port}`,
    async close() {
      await context.close().catch(() => undefined);
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Chromium's last writes can race the removal; a leftover temporary profile is harmless.
      }
    },
  };
}
