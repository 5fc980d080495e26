/**
 * The stand-in's process-wide pieces: the app (named from the app's package.json, as Electron names it), ipcMain, and
 * the Chromium host the runner starts before 'ready'. Modules reach each other through here, not through `electron`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from './app';
import type { BrowserHost } from './browser-host';
import { IpcMain } from './ipc-main';

/**
 * The app the harness runs: this repository, whose package.json names the main bundle, or a copy of its package.json
 * and out/ named by LECTIO_HARNESS_APP_ROOT (to test a build without touching the working tree's out/).
 */
export const APP_ROOT = path.resolve(process.env.LECTIO_HARNESS_APP_ROOT ?? path.join(__dirname, '..', '..'));

export interface AppPackage {
  name: string;
  productName?: string;
  main?: string;
}

export function readAppPackage(): AppPackage {
  return JSON.parse(readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as AppPackage;
}

const appPackage = readAppPackage();
export const app = new App(appPackage.productName ?? appPackage.name);
export const ipcMain = new IpcMain();

let host: BrowserHost | null = null;
/** Pages the stand-in is creating right now, so a page that appears meanwhile is not taken for a popup. */
const pendingPages = new Set<Promise<unknown>>();

export function setBrowserHost(value: BrowserHost): void {
  host = value;
}

export function browserHost(): BrowserHost {
  if (!host) throw new Error('harness: Chromium is not running (the app is not ready)');
  return host;
}

/** Opens a page for a window; the promise is tracked until it settles. */
export function openPage(): ReturnType<BrowserHost['context']['newPage']> {
  const page = browserHost().context.newPage();
  pendingPages.add(page);
  void page.finally(() => pendingPages.delete(page)).catch(() => undefined);
  return page;
}

export async function pagesSettled(): Promise<void> {
  await Promise.allSettled([...pendingPages]);
}
