/**
 * The stand-in's `app`: ready and whenReady, getPath, the single-instance lock, and quitting in Electron's order
 * (before-quit, every window closed, will-quit, quit, exit; each of the first three preventable). 'window-all-closed'
 * is not emitted while quitting, and an app without a 'window-all-closed' listener quits when its last window closes.
 */
import { EventEmitter } from 'node:events';
import { appPathFor } from './app-paths';
import { electronEvent } from './electron-event';
import { records } from './recorder';
import { requestSingleInstanceLock, type SingleInstanceLock } from './single-instance-lock';

export interface AppHooks {
  /** Closes every window as a user would; resolves false when a window prevented its 'close'. */
  closeAllWindows(): Promise<boolean>;
  /** Ends the process once the lock's pending message, if any, is delivered. */
  exit(code: number, pending: Promise<void>): void;
}

export class App extends EventEmitter {
  /** As Electron reports for an app run from its folder (`electron .`), which is what the harness does. */
  readonly isPackaged = false;
  #ready = false;
  #quitting = false;
  #lock: SingleInstanceLock | null = null;
  #hooks: AppHooks | null = null;
  readonly #whenReady: Promise<void>;
  #resolveReady: () => void = () => undefined;

  constructor(readonly name: string) {
    super();
    this.#whenReady = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
  }

  /** Called once by the runner: how windows are closed and how the process ends. */
  setHooks(hooks: AppHooks): void {
    this.#hooks = hooks;
  }

  /** Called by the runner once Chromium is up: Electron's 'ready'. */
  markReady(): void {
    this.#ready = true;
    this.emit('ready', electronEvent(), {});
    this.#resolveReady();
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  get isQuitting(): boolean {
    return this.#quitting;
  }

  getPath(name: string): string {
    return appPathFor(name, this.name);
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    if (this.#lock?.held) return true;
    this.#lock = requestSingleInstanceLock(this.getPath('userData'), additionalData ?? null, (message) => {
      records.secondInstances.push({ argv: message.argv, workingDirectory: message.workingDirectory });
      this.emit('second-instance', electronEvent(), message.argv, message.workingDirectory, message.additionalData);
    });
    records.singleInstanceLock = this.#lock.held;
    return this.#lock.held;
  }

  hasSingleInstanceLock(): boolean {
    return Boolean(this.#lock?.held);
  }

  releaseSingleInstanceLock(): void {
    this.#lock?.release();
    this.#lock = null;
  }

  quit(): void {
    if (this.#quitting) return;
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.#quitting = true;
    void this.#finishQuit();
  }

  async #finishQuit(): Promise<void> {
    const closed = (await this.#hooks?.closeAllWindows()) ?? true;
    const willQuit = electronEvent();
    if (closed) this.emit('will-quit', willQuit);
    if (!closed || willQuit.defaultPrevented) {
      this.#quitting = false;
      return;
    }
    this.emit('quit', electronEvent(), 0);
    this.exit(0);
  }

  /** Ends at once: no before-quit or will-quit, windows closed without their 'close' event. */
  exit(exitCode = 0): void {
    const pending = this.#lock?.notified ?? Promise.resolve();
    if (this.#lock?.held) this.releaseSingleInstanceLock();
    if (!this.#hooks) process.exit(exitCode);
    this.#hooks.exit(exitCode, pending);
  }

  /** What a window calls after its 'closed': Electron's last-window rule. */
  lastWindowClosed(): void {
    if (this.#quitting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }
}
