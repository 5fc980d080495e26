/**
 * Electron lifecycle only: the single-instance lock, the library, IPC registration, the window and its guards.
 * Everything the app does lives in the service (api/), which browser mode runs too.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { registerIpc } from './electron/ipc';
import { openTextFile } from './electron/open-file-dialog';
import { denyAllPermissions, hardenWebContents } from './electron/security';
import { createMainWindow } from './electron/window';
import { openLibrary, type OpenLibrary } from './open-library';

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(__dirname, '../renderer/index.html')).href;
const preloadPath = path.join(__dirname, '../preload/preload.cjs');

let mainWindow: BrowserWindow | null = null;
let library: OpenLibrary | null = null;

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preloadPath, rendererUrl });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const dataDir = process.env.LECTIO_DATA_DIR ? path.resolve(process.env.LECTIO_DATA_DIR) : app.getPath('userData');
  try {
    library = await openLibrary(dataDir, { host: 'electron', extractionWorker: path.join(__dirname, 'extract-worker.js') });
  } catch (error) {
    dialog.showErrorBox('Lectio cannot open its library', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  denyAllPermissions(session.defaultSession);
  registerIpc(ipcMain, library.api, { openTextFile }, () => rendererUrl);
  showWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Lectio owns the library; it focuses its window on 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, rendererUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (library && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('will-quit', () => library?.close());
  void app.whenReady().then(start);
}
