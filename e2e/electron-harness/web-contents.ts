/**
 * The stand-in's WebContents: one Chromium page. It injects the page-side stand-in and the window's preload into each
 * document, answers the page's invokes through ipcMain with the calling frame as `senderFrame`, asks main's
 * window-open handler about every window.open and target=_blank click, and emits 'will-navigate' for navigations the
 * page starts itself (not for loadURL, not for same-document ones), cancelling those main prevents.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Frame, Page } from '@playwright/test';
import { electronEvent } from './electron-event';
import { windowInitScript } from './preload-script';
import type { InvokeReply, PageMessage } from './protocol';
import { records } from './recorder';
import { ipcMain, openPage } from './runtime';
import { webFrameMainOf } from './web-frame-main';

export interface ContentsPreferences {
  preload: string | null;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegrationInSubFrames: boolean;
  width: number;
  height: number;
}

export interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: 'foreground-tab' | 'new-window';
  referrer: { url: string; policy: string };
}

export type WindowOpenHandler = (details: WindowOpenDetails) => {
  action: 'allow' | 'deny';
  overrideBrowserWindowOptions?: Record<string, unknown>;
};

/** What the owning window does for its contents. */
export interface ContentsOwner {
  openAllowedWindow(url: string, options: Record<string, unknown>): void;
  contentsLoaded(): void;
  contentsDestroyed(): void;
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

export class WebContents extends EventEmitter {
  static #nextId = 1;
  static readonly #byPage = new Map<Page, WebContents>();

  /** The contents shown in `page`, if the stand-in created that page. */
  static fromPage(page: Page): WebContents | undefined {
    return WebContents.#byPage.get(page);
  }

  readonly id = WebContents.#nextId++;
  targetId: string | null = null;
  readonly #ready: Promise<Page>;
  #page: Page | null = null;
  #destroyed = false;
  /** The URL loadURL is navigating to: its request is browser-initiated, so no 'will-navigate'. */
  #browserInitiated: string | null = null;
  #windowOpenHandler: WindowOpenHandler | null = null;

  constructor(
    readonly preferences: ContentsPreferences,
    readonly owner: ContentsOwner,
  ) {
    super();
    this.#ready = this.#open();
    // A failed page start surfaces in loadURL; keep it from being an unhandled rejection meanwhile.
    this.#ready.catch(() => undefined);
  }

  async #open(): Promise<Page> {
    const page = await openPage();
    WebContents.#byPage.set(page, this);
    this.#page = page;
    page.on('close', () => this.#pageClosed());
    await page.setViewportSize({ width: this.preferences.width, height: this.preferences.height });
    const cdp = await page.context().newCDPSession(page);
    this.targetId = (await cdp.send('Target.getTargetInfo')).targetInfo.targetId;
    await cdp.send('Page.enable');
    cdp.on('Page.windowOpen', (event) => this.#windowOpen(event.url, event.windowName, event.windowFeatures));
    const bindingName = `__lectioHarness_${randomUUID().replaceAll('-', '')}`;
    await page.exposeBinding(bindingName, (source, message: PageMessage) => this.#pageMessage(source.frame, message));
    const { script } = windowInitScript({
      bindingName,
      preloadPath: this.preferences.preload,
      contextIsolation: this.preferences.contextIsolation,
      sandboxed: this.preferences.sandbox,
      nodeIntegrationInSubFrames: this.preferences.nodeIntegrationInSubFrames,
    });
    await page.addInitScript(script);
    return page;
  }

  #pageMessage(frame: Frame, message: PageMessage): Promise<InvokeReply> | undefined {
    if (message.kind === 'invoke') {
      const senderFrame = webFrameMainOf(frame);
      const event = {
        type: 'frame',
        sender: this,
        senderFrame,
        processId: 1,
        frameId: frame === frame.page().mainFrame() ? 1 : 2,
      };
      return ipcMain.dispatch(event, message.channel, message.args);
    }
    records.preloadErrors.push({ webContentsId: this.id, preloadPath: message.preloadPath, message: message.message });
    const error = Object.assign(new Error(message.message), { stack: message.stack });
    this.emit('preload-error', electronEvent(), message.preloadPath, error);
    return undefined;
  }

  #windowOpen(url: string, windowName: string, windowFeatures: string[]): void {
    const features = windowFeatures.join(',');
    const details: WindowOpenDetails = {
      url,
      frameName: windowName === '_blank' ? '' : windowName,
      features,
      disposition: /(^|,)(width|height)=/.test(features) ? 'new-window' : 'foreground-tab',
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    };
    // Without a handler Electron allows the window.
    const decision = this.#windowOpenHandler ? this.#windowOpenHandler(details) : { action: 'allow' as const };
    records.windowOpens.push({ url, action: decision.action });
    if (decision.action === 'allow') this.owner.openAllowedWindow(url, decision.overrideBrowserWindowOptions ?? {});
  }

  #pageClosed(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.emit('destroyed');
    this.owner.contentsDestroyed();
  }

  /** Decides a navigation the page's main frame is about to make; false cancels it. */
  shouldNavigate(url: string): boolean {
    if (this.#browserInitiated !== null && sameUrl(url, this.#browserInitiated)) return true;
    const event = electronEvent({ url, isSameDocument: false, isMainFrame: true, initiator: null });
    this.emit('will-navigate', event, url, false, true);
    records.willNavigate.push({ url, prevented: event.defaultPrevented });
    return !event.defaultPrevented;
  }

  setWindowOpenHandler(handler: WindowOpenHandler | null): void {
    this.#windowOpenHandler = handler;
  }

  get hasWindowOpenHandler(): boolean {
    return this.#windowOpenHandler !== null;
  }

  getURL(): string {
    return this.#page?.url() ?? '';
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** Resolves when the page has loaded; rejects as Electron does when the load fails. */
  async loadURL(url: string): Promise<void> {
    const page = await this.#ready;
    this.#browserInitiated = url;
    try {
      await page.goto(url, { waitUntil: 'load' });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.emit('did-fail-load', electronEvent(), -2, reason, url, true);
      throw new Error(`ERR_FAILED (-2) loading '${url}'`, { cause: error });
    } finally {
      this.#browserInitiated = null;
    }
    this.emit('dom-ready', electronEvent());
    this.emit('did-finish-load', electronEvent());
    this.owner.contentsLoaded();
  }

  /** Electron's executeJavaScript: runs `code` in the page's main world; resolves with its result, awaited. */
  async executeJavaScript(code: string): Promise<unknown> {
    const page = await this.#ready;
    return page.evaluate(code);
  }

  /** Closes the page (the window is being closed or destroyed). */
  async close(): Promise<void> {
    const page = this.#page ?? (await this.#ready.catch(() => null));
    this.#destroyed = true;
    await page?.close().catch(() => undefined);
  }

  /** The page, for the window's show and focus. */
  page(): Page | null {
    return this.#page;
  }
}
