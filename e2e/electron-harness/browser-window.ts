/**
 * The stand-in's BrowserWindow: records its options exactly as given, owns one WebContents (a Chromium page), emits
 * 'web-contents-created' and 'browser-window-created' on the app as it is built, 'ready-to-show' after the first load,
 * and 'close' (preventable) then 'closed'. Windows cannot be created before the app is ready, as in Electron.
 */
import { EventEmitter } from 'node:events';
import { electronEvent } from './electron-event';
import type { WindowRecord } from './protocol';
import { records } from './recorder';
import { app } from './runtime';
import { WebContents, type ContentsOwner } from './web-contents';

type Options = Record<string, unknown>;

/** Harness-internal notices (not Electron API): the runner tells the spec when a window has loaded. */
export const windowNotices = new EventEmitter();

function preferenceFlags(options: Options) {
  const prefs = (options.webPreferences ?? {}) as Options;
  const nodeIntegration = prefs.nodeIntegration === true;
  return {
    preload: typeof prefs.preload === 'string' ? prefs.preload : null,
    // Electron's defaults: context isolation on; the sandbox on unless Node integration is asked for.
    contextIsolation: prefs.contextIsolation !== false,
    sandbox: prefs.sandbox === undefined ? !nodeIntegration : prefs.sandbox === true,
    nodeIntegrationInSubFrames: prefs.nodeIntegrationInSubFrames === true,
    width: typeof options.width === 'number' ? options.width : 800,
    height: typeof options.height === 'number' ? options.height : 600,
  };
}

export class BrowserWindow extends EventEmitter {
  static #nextId = 1;
  static readonly #open = new Set<BrowserWindow>();

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.#open];
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((window) => window.webContents === contents) ?? null;
  }

  static fromId(id: number): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((window) => window.id === id) ?? null;
  }

  readonly id = BrowserWindow.#nextId++;
  readonly webContents: WebContents;
  readonly record: WindowRecord;
  #destroyed = false;
  #visible: boolean;
  #readyToShowSent = false;

  constructor(options: Options = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    const owner: ContentsOwner = {
      openAllowedWindow: (url, override) => void new BrowserWindow(override).loadURL(url).catch(() => undefined),
      contentsLoaded: () => this.#contentsLoaded(),
      contentsDestroyed: () => void this.#contentsDestroyed(),
    };
    this.webContents = new WebContents(preferenceFlags(options), owner);
    this.#visible = options.show !== false;
    this.record = {
      id: this.id,
      webContentsId: this.webContents.id,
      options: structuredClone(options),
      url: '',
      targetId: null,
      shown: this.#visible,
      focusCount: 0,
      destroyed: false,
      webContentsListeners: [],
      hasWindowOpenHandler: false,
    };
    records.windows.push(this.record);
    BrowserWindow.#open.add(this);
    app.emit('web-contents-created', electronEvent(), this.webContents);
    app.emit('browser-window-created', electronEvent(), this);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  #contentsLoaded(): void {
    this.record.url = this.webContents.getURL();
    this.record.targetId = this.webContents.targetId;
    if (!this.#readyToShowSent) {
      this.#readyToShowSent = true;
      this.emit('ready-to-show');
    }
    windowNotices.emit('loaded', this);
  }

  async #contentsDestroyed(): Promise<void> {
    // The page went away under us (the spec closed it, as a user closes the window): too late to prevent.
    if (this.#destroyed) return;
    this.emit('close', electronEvent());
    await this.#teardown();
  }

  show(): void {
    this.#visible = true;
    this.record.shown = true;
    this.emit('show');
  }

  focus(): void {
    this.record.focusCount++;
    void this.webContents
      .page()
      ?.bringToFront()
      .catch(() => undefined);
    this.emit('focus');
  }

  isVisible(): boolean {
    return this.#visible;
  }

  /** A headless page is never minimized. */
  isMinimized(): boolean {
    return false;
  }

  restore(): void {
    this.emit('restore');
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  close(): void {
    void this.closeAsUser();
  }

  /** Electron's close: 'close' may be prevented; resolves whether the window closed. */
  async closeAsUser(): Promise<boolean> {
    if (this.#destroyed) return true;
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    await this.#teardown();
    return true;
  }

  destroy(): void {
    void this.#teardown();
  }

  async #teardown(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.record.destroyed = true;
    BrowserWindow.#open.delete(this);
    await this.webContents.close();
    this.emit('closed');
    if (BrowserWindow.#open.size === 0) app.lastWindowClosed();
  }
}
