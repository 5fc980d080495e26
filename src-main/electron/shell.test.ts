/**
 * The Electron shell's wiring, checked without Electron's binary: `electron` is replaced by recording fakes here.
 * (The harness specs in e2e/harness run the built bundles against real Chromium; these are the fast unit checks.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_METHOD_NAMES, METHOD_NAMES, desktopChannel, ipcChannel, type LectioApi } from '../api/contract';

const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  openedExternally: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    entry: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.entry = { options };
      recorded.windows.push(this.entry);
    }
    once() {}
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    dialog: { showErrorBox: () => undefined },
    shell: { openExternal: (url: string) => recorded.openedExternally.push(url) },
  };
});

const { createMainWindow } = await import('./window');
const { registerIpc } = await import('./ipc');
const { denyAllPermissions, hardenWebContents } = await import('./security');

const APP_URL = 'file:///opt/lectio/out/renderer/index.html';
// The desktop calls' answers do not matter here: the tests check which channels exist and who may call them.
const DESKTOP = {
  openTextFile: async () => ({ ok: true as const, value: null }),
  revealDataFolder: async () => ({ ok: true as const, value: null }),
  nextMenuCommand: async () => ({ ok: true as const, value: 'search' as const }),
  takeOpenedFiles: async () => ({ ok: true as const, value: [] }),
};

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, input?: unknown) => unknown>();
  const calls: string[] = [];
  return {
    handlers,
    calls,
    handle(channel: string, handler: (event: unknown, input?: unknown) => unknown) {
      calls.push(channel);
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
  };
}

const api = { listDocuments: async () => [] } as unknown as LectioApi;

beforeEach(() => {
  recorded.windows.length = 0;
  recorded.openedExternally.length = 0;
});

describe('main window', () => {
  it('is created with context isolation, the sandbox, no Node integration and the preload', () => {
    createMainWindow({ preloadPath: '/opt/lectio/out/preload/preload.cjs', rendererUrl: APP_URL });
    const prefs = recorded.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // No spellchecker: it would download dictionaries, and Lectio makes no network request.
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(prefs).not.toHaveProperty('experimentalFeatures');
    expect(prefs.preload).toBe('/opt/lectio/out/preload/preload.cjs');
    expect(recorded.windows[0]?.url).toBe(APP_URL);
  });
});

describe('IPC registration', () => {
  it('registers every contract method and desktop call exactly once', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, api, DESKTOP, () => APP_URL);
    const expected = [...METHOD_NAMES.map(ipcChannel), ...DESKTOP_METHOD_NAMES.map(desktopChannel)];
    expect([...ipc.calls].sort()).toEqual([...expected].sort());
  });

  it('refuses calls from any frame but the app’s top-level page', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, api, DESKTOP, () => APP_URL);
    const handler = ipc.handlers.get(ipcChannel('listDocuments'));
    const call = (senderFrame: unknown) => handler?.({ senderFrame }, {});
    expect(await call({ url: `${APP_URL}#/read/x`, parent: null })).toEqual({ ok: true, value: [] });
    for (const frame of [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: APP_URL, parent: {} },
      { url: 'file:///tmp/other.html', parent: null },
    ]) {
      expect(await call(frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('web contents guards', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    return {
      listeners,
      open: (url: string) => openHandler?.({ url }),
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        openHandler = handler;
      },
      on(name: string, listener: (event: { preventDefault(): void }, url?: string) => void) {
        listeners.set(name, listener);
      },
    };
  }

  it('denies new windows, sending http(s) links to the system browser and dropping the rest', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, APP_URL);
    expect(contents.open('https://example.org/a')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://example.org/a']);
  });

  it('blocks navigation away from the app and any <webview>', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, APP_URL);
    const navigate = (url: string) => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      contents.listeners.get('will-navigate')?.(event, url);
      return event.prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate(`${APP_URL}#/read/sample`)).toBe(false);
    const frame = {
      isMainFrame: false,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents.listeners.get('will-frame-navigate')?.(frame);
    expect(frame.prevented).toBe(true);
    const webview = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents.listeners.get('will-attach-webview')?.(webview);
    expect(webview.prevented).toBe(true);
  });
});

describe('permissions', () => {
  it('denies every permission request and answers every permission check with no', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    } as never);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'midi',
    ]) {
      let granted: boolean | undefined;
      request?.({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(check?.({}, permission, 'file:///', {})).toBe(false);
    }
  });
});
