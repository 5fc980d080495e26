/**
 * The spec's handle on one harness run: starts the runner (a real Node process running the built main bundle on the
 * stand-in), connects Playwright to its Chromium over CDP to drive the windows, and talks to the runner to script
 * dialogs and read what it recorded. Each run gets its own data folder and its own XDG_CONFIG_HOME (so userData and
 * the single-instance lock are the run's own unless a spec shares them on purpose).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ChromiumLaunch } from './browser-host';
import type { ControlEvent, ControlRequest, HarnessRecords, OpenDialogAnswer } from './protocol';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const RUNNER = path.join(__dirname, 'runner.ts');

/** Where the app under test lives (see runtime.ts): the specs compare window URLs against its out/renderer. */
export const APP_ROOT = path.resolve(process.env.LECTIO_HARNESS_APP_ROOT ?? REPO_ROOT);

export interface HarnessOptions {
  dataDir: string;
  /** XDG_CONFIG_HOME for the run: Electron's appData, so userData is `<configHome>/Lectio`. */
  configHome: string;
  chromium: ChromiumLaunch;
  /** Command-line arguments after the app's own, as a user's "lectio FILE" would pass them. */
  args?: string[];
  /** More environment for the run, e.g. LECTIO_HARNESS_KEYRING (the machine's keyring: see safe-storage.ts). */
  env?: Record<string, string>;
}

export interface Exit {
  code: number | null;
  /** What the runner recorded, sent as it exited (null if it died without saying). */
  records: HarnessRecords | null;
}

type ControlPayload = ControlRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function tempFolder(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export class HarnessApp {
  readonly process: ChildProcess;
  readonly exited: Promise<Exit>;
  /** Everything the runner printed, for failure messages. */
  output = '';
  #cdpEndpoint: Promise<string>;
  #browser: Browser | null = null;
  #loads: { windowId: number; targetId: string }[] = [];
  #loadWaiters: (() => void)[] = [];
  #replies = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #nextId = 1;

  constructor(readonly options: HarnessOptions) {
    this.process = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...(options.args ?? [])], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        LECTIO_DATA_DIR: options.dataDir,
        // The browser connector on a free port: runs side by side must not contend for the fixed one.
        LECTIO_CONNECTOR_PORT: process.env.LECTIO_CONNECTOR_PORT ?? '0',
        XDG_CONFIG_HOME: options.configHome,
        LECTIO_HARNESS_CHROMIUM: JSON.stringify(options.chromium),
        ...options.env,
      },
    });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
    };
    this.process.stdout?.on('data', collect);
    this.process.stderr?.on('data', collect);
    let records: HarnessRecords | null = null;
    let announceReady: (endpoint: string) => void = () => undefined;
    let failReady: (error: Error) => void = () => undefined;
    this.#cdpEndpoint = new Promise((resolve, reject) => {
      announceReady = resolve;
      failReady = reject;
    });
    this.#cdpEndpoint.catch(() => undefined);
    this.process.on('message', (event: ControlEvent) => {
      if (event.type === 'ready') announceReady(event.cdpEndpoint);
      if (event.type === 'exit') records = event.records;
      if (event.type === 'window-loaded') {
        this.#loads.push({ windowId: event.windowId, targetId: event.targetId });
        for (const wake of this.#loadWaiters.splice(0)) wake();
      }
      if (event.type === 'reply') {
        const waiter = this.#replies.get(event.id);
        this.#replies.delete(event.id);
        if (event.error) waiter?.reject(new Error(event.error));
        else waiter?.resolve(event.result);
      }
    });
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code) => {
        const gone = new Error(`the harness exited (code ${code}) before answering:\n${this.output}`);
        failReady(gone);
        for (const waiter of this.#replies.values()) waiter.reject(gone);
        for (const wake of this.#loadWaiters.splice(0)) wake();
        resolve({ code, records });
      });
    });
  }

  #request<T>(payload: ControlPayload): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#replies.set(id, { resolve: (value) => resolve(value as T), reject });
      this.process.send({ ...payload, id } as ControlRequest);
    });
  }

  async #connect(): Promise<Browser> {
    this.#browser ??= await chromium.connectOverCDP(await this.#cdpEndpoint);
    return this.#browser;
  }

  async #pageForTarget(targetId: string): Promise<Page> {
    const browser = await this.#connect();
    for (let attempt = 0; attempt < 100; attempt++) {
      for (const page of browser.contexts().flatMap((context) => context.pages())) {
        const session = await page.context().newCDPSession(page);
        const { targetInfo } = await session.send('Target.getTargetInfo');
        await session.detach();
        if (targetInfo.targetId === targetId) return page;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`harness: no page for target ${targetId}`);
  }

  /** The page of window `windowId` once it has loaded (window ids count from 1 in creation order). */
  async window(windowId = 1): Promise<Page> {
    for (;;) {
      const load = this.#loads.find((entry) => entry.windowId === windowId);
      if (load) return this.#pageForTarget(load.targetId);
      if (this.process.exitCode !== null || this.process.signalCode !== null)
        throw new Error(`the harness exited before window ${windowId} loaded:\n${this.output}`);
      await new Promise<void>((wake) => this.#loadWaiters.push(wake));
    }
  }

  /** Clicks an application-menu item by its labels, e.g. ['Edit', 'Find in Library…']. */
  clickMenu(path: string[]): Promise<void> {
    return this.#request({ type: 'click-menu', path });
  }

  /** Closes window `windowId` as its close button does (the app may prevent it, as Electron allows). */
  closeWindow(windowId = 1): Promise<void> {
    return this.#request({ type: 'close-window', windowId });
  }

  records(): Promise<HarnessRecords> {
    return this.#request({ type: 'records' });
  }

  queueOpenDialog(answer: OpenDialogAnswer): Promise<void> {
    return this.#request({ type: 'queue-open-dialog', answer });
  }

  /** Loads `url` into a window the way main's `win.loadURL` would (no 'will-navigate'). */
  loadURL(windowId: number, url: string): Promise<void> {
    return this.#request({ type: 'load-url', windowId, url });
  }

  permissionRequest(windowId: number, permission: string): Promise<boolean> {
    return this.#request({ type: 'permission-request', windowId, permission });
  }

  permissionCheck(windowId: number, permission: string): Promise<boolean> {
    return this.#request({ type: 'permission-check', windowId, permission });
  }

  /** Closes every window as a user would and waits for the app to exit. */
  async closeWindows(): Promise<Exit> {
    const browser = await this.#connect();
    for (const page of browser.contexts().flatMap((context) => context.pages()))
      await page.close().catch(() => undefined);
    return this.exited;
  }

  /** Ends the run whatever state it is in (quit, then kill if it hangs), and lets go of Chromium. */
  async dispose(): Promise<Exit> {
    await this.#browser?.close().catch(() => undefined);
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGTERM');
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exited;
  }
}
