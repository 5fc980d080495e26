/**
 * Electron lifecycle only: the single-instance lock, the library, IPC registration, the window and its guards.
 * Everything the app does lives in the service (api/), which browser mode runs too.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import { saveDraftsBeforeClose } from './electron/close-guard';
import { desktopHandlers } from './electron/desktop-handlers';
import { registerIpc } from './electron/ipc';
import { installAppMenu } from './electron/menu';
import { MenuCommandQueue } from './electron/menu-commands';
import { OpenedFiles, articlePathsIn } from './electron/opened-files';
import { denyAllPermissions, hardenWebContents } from './electron/security';
import { rendererUrl as rendererUrlFor } from './electron/renderer-url';
import { createMainWindow } from './electron/window';
import { handleImageProtocol, registerImageScheme } from './electron/image-protocol';
import { openLibrary, type OpenLibrary } from './open-library';
import { CONNECTOR_PORT } from './api/contract';
import { builtExtensionFolder } from './connector/extension-folder';
import { SEALED_SECRET_FILE, SafeStorageSecretStore } from './electron/safe-storage-secret-store';
import { SYNC_FOLDER } from './sync/sync-config';
import { connectorPortFrom } from './connector/listener';

const rendererUrl = rendererUrlFor({ isPackaged: app.isPackaged, env: process.env, mainDir: __dirname });
const preloadPath = path.join(__dirname, '../preload/preload.cjs');

let mainWindow: BrowserWindow | null = null;
let library: OpenLibrary | null = null;
/** Set by 'before-quit': a window whose close was held to save drafts quits again once it has closed. */
let quitRequested = false;
const menuCommands = new MenuCommandQueue();
const openedFiles = new OpenedFiles();

/** Files the system asked us to open (associations, "Open with", the command line) go to the window to import. */
async function openFiles(paths: readonly string[]): Promise<void> {
  await openedFiles.add(paths);
  if (openedFiles.waiting && mainWindow && !mainWindow.isDestroyed())
    menuCommands.push(mainWindow.webContents, 'open-files');
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    const window = createMainWindow({ preloadPath, rendererUrl });
    saveDraftsBeforeClose(window, () => {
      window.close();
      if (quitRequested) app.quit();
    });
    mainWindow = window;
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const dataDir = process.env.LECTIO_DATA_DIR ? path.resolve(process.env.LECTIO_DATA_DIR) : app.getPath('userData');
  try {
    library = await openLibrary(dataDir, {
      host: 'electron',
      extractionWorker: path.join(__dirname, 'extract-worker.js'),
      importWorker: path.join(__dirname, 'import-worker.js'),
      connector: {
        port: connectorPortFrom(process.env.LECTIO_CONNECTOR_PORT, CONNECTOR_PORT),
        extensionFolder: builtExtensionFolder(__dirname),
      },
      // The sync password goes to the OS keychain through safeStorage, never to a plain file, on the desktop.
      secrets: new SafeStorageSecretStore(path.join(dataDir, SYNC_FOLDER, SEALED_SECRET_FILE), safeStorage),
    });
  } catch (error) {
    dialog.showErrorBox('Lectio cannot open its library', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  denyAllPermissions(session.defaultSession);
  handleImageProtocol(library.storage.images);
  registerIpc(ipcMain, library.api, desktopHandlers(dataDir, menuCommands, openedFiles), () => rendererUrl);
  installAppMenu((command) => {
    if (mainWindow && !mainWindow.isDestroyed()) menuCommands.push(mainWindow.webContents, command);
  });
  showWindow();
  await openFiles(articlePathsIn(process.argv.slice(1)));
}

if (!app.requestSingleInstanceLock()) {
  // Another Lectio owns the library; it focuses its window on 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    showWindow();
    void openFiles(articlePathsIn(argv.slice(1)));
  });
  // macOS hands files over by event, before or after the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    void openFiles([file]);
  });
  registerImageScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, rendererUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (library && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('before-quit', () => {
    quitRequested = true;
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    // Hold the quit once, for the quit backup; then quit for real.
    if (!library || quitting) return;
    quitting = true;
    event.preventDefault();
    void library.shutdown().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
