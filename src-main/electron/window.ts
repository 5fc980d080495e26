/**
 * The main window: context isolation, the sandbox and no Node integration, with the preload as the renderer's only
 * door to the main process. The Content-Security-Policy comes from index.html's meta tag.
 */
import { BrowserWindow, dialog } from 'electron';

export interface WindowOptions {
  preloadPath: string;
  /** The renderer's entry: a dev-server URL or the built index.html's file URL. */
  rendererUrl: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1240,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Lectio',
    backgroundColor: '#f7f4ee',
    // Written out here, not spread from a constant, so static checkers (electronegativity, `npm run security`) see them.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spellchecker downloads its dictionaries from Google; Lectio promises no network at all.
      spellcheck: false,
      preload: options.preloadPath,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.rendererUrl).catch((error: unknown) => {
    // A renderer that cannot load leaves a blank window; say why instead of failing silently.
    dialog.showErrorBox('Lectio could not open its window', error instanceof Error ? error.message : String(error));
  });
  return window;
}
