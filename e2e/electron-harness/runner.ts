/**
 * The harness's main process: `node --import tsx e2e/electron-harness/runner.ts`. It answers `require('electron')`
 * with the stand-in, runs the built main bundle named by package.json "main" (as Electron runs an app), then starts
 * Chromium and emits 'ready'. When the app exits it closes Chromium and hands the spec what it recorded.
 */
import path from 'node:path';
import { launchBrowserHost, chromiumLaunchFromEnv, type BrowserHost } from './browser-host';
import { BrowserWindow, windowNotices } from './browser-window';
import { currentRecords, listenToSpec, sendToSpec } from './control-channel';
import { electronModule } from './electron-module';
import { records } from './recorder';
import { installRequestPolicy } from './request-policy';
import { resolveElectronTo } from './require-hook';
import { APP_ROOT, app, readAppPackage, setBrowserHost } from './runtime';

let host: BrowserHost | null = null;
let exiting = false;

function recordMainError(kind: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  records.mainErrors.push(`${kind}: ${text}`);
  console.error(`[harness] ${kind} in the main process:`, error);
}

app.setHooks({
  async closeAllWindows() {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!(await window.closeAsUser())) return false;
    }
    return true;
  },
  exit(code, pending) {
    if (exiting) return;
    exiting = true;
    void (async () => {
      try {
        await pending;
        await host?.close();
      } finally {
        sendToSpec({ type: 'exit', code, records: currentRecords() }, () => process.exit(code));
      }
    })();
  },
});

process.on('uncaughtException', (error) => recordMainError('uncaught exception', error));
process.on('unhandledRejection', (error) => recordMainError('unhandled rejection', error));
// A terminal's Ctrl-C or the spec's SIGTERM quits the app the orderly way.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
// A spec that goes away must not leave the app and its Chromium behind.
process.on('disconnect', () => app.quit());
windowNotices.on('loaded', (window: BrowserWindow) => {
  sendToSpec({
    type: 'window-loaded',
    windowId: window.id,
    targetId: window.record.targetId ?? '',
    url: window.webContents.getURL(),
  });
});
listenToSpec();
resolveElectronTo(electronModule);

/** Runs the main script before 'ready', as Electron does; returns false when it cannot be loaded. */
function runMainScript(): boolean {
  const main = readAppPackage().main ?? 'index.js';
  try {
    // The built main bundle is CommonJS and must run synchronously before 'ready', as Electron runs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time, loaded as Electron does
    require(path.resolve(APP_ROOT, main));
    return true;
  } catch (error) {
    // Electron would show "A JavaScript error occurred in the main process" and sit without a window; the harness
    // exits with the error instead, so a spec fails at once, not by timing out.
    recordMainError(`cannot run the main script ${main}`, error);
    app.exit(1);
    return false;
  }
}

async function becomeReady(): Promise<void> {
  if (app.isQuitting || exiting) return; // e.g. a second instance quit while its main script ran
  host = await launchBrowserHost(chromiumLaunchFromEnv());
  setBrowserHost(host);
  // Electron's browser process and its Chromium live and die together.
  host.context.on('close', () => app.exit(1));
  await installRequestPolicy(host.context);
  sendToSpec({ type: 'ready', cdpEndpoint: host.cdpEndpoint });
  app.markReady();
}

if (runMainScript()) {
  becomeReady().catch((error: unknown) => {
    recordMainError('harness start failure', error);
    app.exit(1);
  });
}
