/**
 * When backups are taken automatically: once at start-up and then every 30 minutes, each time only if the library
 * changed since the newest backup, and once more on quit. Timers are injected so tests need not wait.
 *
 * The start-up backup can wait a moment (`startDelayMs`): it reads every data file, a hundred megabytes in a large
 * library, and the hosts let the first screen and the first article come up before it competes with them.
 */
import type { BackupManifest, BackupReason, BackupStore } from './backups';

export interface IntervalTimers {
  setInterval(run: () => void, ms: number): { unref?: () => unknown } | number;
  clearInterval(handle: ReturnType<IntervalTimers['setInterval']>): void;
}

/** Milliseconds the hosts let the start-up backup wait (open-library.ts). */
export const START_BACKUP_DELAY_MS = 10_000;

export interface SchedulerOptions {
  intervalMs?: number;
  timers?: IntervalTimers;
  /** Told about a failed automatic backup (a full disk, say); the next tick tries again. */
  onError?: (error: unknown) => void;
  /** How long the start-up backup waits; 0 (the default) takes it at once. A quit before then takes the quit backup instead. */
  startDelayMs?: number;
}

export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;

export class BackupScheduler {
  #handle: ReturnType<IntervalTimers['setInterval']> | null = null;
  #running: Promise<unknown> = Promise.resolve();
  /** The start-up backup while it waits: its timer, and how to settle start()'s promise if stop() comes first. */
  #waiting: { timer: NodeJS.Timeout; skip: () => void } | null = null;
  readonly #timers: IntervalTimers;

  constructor(
    private readonly backups: BackupStore,
    private readonly options: SchedulerOptions = {},
  ) {
    this.#timers = options.timers ?? { setInterval: (run, ms) => setInterval(run, ms), clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout) };
  }

  /** Takes the start-up backup (if anything changed since the last one) and starts the half-hourly timer. */
  start(): Promise<BackupManifest | null> {
    if (this.#handle === null) {
      this.#handle = this.#timers.setInterval(() => void this.#take('scheduled'), this.options.intervalMs ?? BACKUP_INTERVAL_MS);
      // The timer alone must not keep a process alive that is otherwise done.
      if (typeof this.#handle === 'object') this.#handle.unref?.();
    }
    const delay = this.options.startDelayMs ?? 0;
    if (delay <= 0) return this.#take('start');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting = null;
        resolve(this.#take('start'));
      }, delay);
      timer.unref();
      this.#waiting = { timer, skip: () => resolve(null) };
    });
  }

  /** Stops the timer, lets a backup under way finish, and takes the quit backup if anything changed. */
  async stop(): Promise<BackupManifest | null> {
    if (this.#handle !== null) this.#timers.clearInterval(this.#handle);
    this.#handle = null;
    if (this.#waiting) {
      clearTimeout(this.#waiting.timer);
      this.#waiting.skip();
      this.#waiting = null;
    }
    await this.#running;
    return this.#take('quit');
  }

  #take(reason: BackupReason): Promise<BackupManifest | null> {
    const run = this.backups.create(reason, { onlyIfChanged: true }).catch((error: unknown) => {
      this.options.onError?.(error);
      return null;
    });
    this.#running = run;
    return run;
  }
}
