/**
 * What `require('electron')` returns to the main bundle under the harness: exactly the surface Lectio's main process
 * uses, frozen so the bundle cannot patch it. (The preload gets its own, page-side module: see page/preload-world.ts.)
 */
import { BrowserWindow } from './browser-window';
import { dialog } from './dialog';
import { Menu } from './menu';
import { protocol } from './custom-protocol';
import { app, ipcMain } from './runtime';
import { safeStorage } from './safe-storage';
import { session } from './session';
import { shell } from './shell';

export const electronModule = Object.freeze({
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
});
