/**
 * When backups are taken automatically: once at start-up and then every 30 minutes, each time only if the library
 * changed since the newest backup, and once more on quit. Timers are injected so tests need not wait.
 *
 * The start-up backup can wait a moment (`startDelayMs`): it reads every data file, a hundred megabytes in a large
 * library, and the hosts let the first screen and the first article come up before it competes with them.
 */
import { isLectioError } from '../core/errors';
import { type BackupManifest, type BackupReason, type BackupStore } from './backups';

export interface IntervalTimers {
  setInterval(run: () => void, ms: number): { unref?: () => unknown } | number;
  clearInterval(handle: ReturnType<IntervalTimers['setInterval']>): void;
}

/** Milliseconds the hosts let the start-up backup wait (open-library.ts). */
export const START_BACKUP_DELAY_MS = 10_000;

export interface SchedulerOptions {
  intervalMs?: number;
  timers?: IntervalTimers;
  /** Told about an automatic backup that failed even after its retries (a full disk, say); the next tick tries again. */
  onError?: (error: unknown) => void;
  /**
   * How long to wait before each retry of a failed automatic backup. A failure is often passing (too many open files
   * for a moment, a file locked by another program), and half an hour without a backup is a long gap.
   */
  retryDelaysMs?: readonly number[];
  /** Told about each failed attempt that will be retried, with the wait before the retry. */
  onRetry?: (error: unknown, delayMs: number) => void;
  /** How long the start-up backup waits; 0 (the default) takes it at once. A quit before then takes the quit backup instead. */
  startDelayMs?: number;
}

export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;

/** Waits between retries of a failed automatic backup: growing, and all well within the half-hour interval. */
export const BACKUP_RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 5 * 60_000];

/**
 * An error from the file system (it has an errno code), the kind that may pass; not a cancellation or a bug. A
 * LectioError (a cancel among them) is never one: its `code` is Lectio's, not an errno.
 */
function mayPass(error: unknown): boolean {
  return !isLectioError(error) && typeof (error as NodeJS.ErrnoException | null)?.code === 'string';
}

export class BackupScheduler {
  #handle: ReturnType<IntervalTimers['setInterval']> | null = null;
  #running: Promise<unknown> = Promise.resolve();
  /** The start-up backup while it waits: its timer, and how to settle start()'s promise if stop() comes first. */
  #waiting: { timer: NodeJS.Timeout; skip: () => void } | null = null;
  /** A retry's wait under way: stop() ends it at once, so quitting never waits minutes for a retry. */
  #retryWait: { timer: NodeJS.Timeout; wake: () => void } | null = null;
  #stopping = false;
  readonly #timers: IntervalTimers;

  constructor(
    private readonly backups: BackupStore,
    private readonly options: SchedulerOptions = {},
  ) {
    this.#timers = options.timers ?? {
      setInterval: (run, ms) => setInterval(run, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    };
  }

  /** Takes the start-up backup (if anything changed since the last one) and starts the half-hourly timer. */
  start(): Promise<BackupManifest | null> {
    this.#stopping = false;
    if (this.#handle === null) {
      this.#handle = this.#timers.setInterval(
        () => void this.#take('scheduled'),
        this.options.intervalMs ?? BACKUP_INTERVAL_MS,
      );
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
    this.#stopping = true;
    if (this.#retryWait) {
      clearTimeout(this.#retryWait.timer);
      this.#retryWait.wake();
    }
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
    const run = this.#attempt(reason);
    this.#running = run;
    return run;
  }

  /** The backup, retried after each passing failure with growing waits; null (and onError told) when it never succeeds. */
  async #attempt(reason: BackupReason): Promise<BackupManifest | null> {
    const delays = this.options.retryDelaysMs ?? BACKUP_RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.backups.create(reason, { onlyIfChanged: true });
      } catch (error) {
        const delay = delays[attempt];
        // The quit backup is not retried: the process is about to end, and a retry's wait would hold it open.
        if (delay === undefined || this.#stopping || !mayPass(error)) {
          this.options.onError?.(error);
          return null;
        }
        this.options.onRetry?.(error, delay);
        await new Promise<void>((wake) => {
          const timer = setTimeout(() => {
            this.#retryWait = null;
            wake();
          }, delay);
          timer.unref();
          this.#retryWait = { timer, wake };
        });
        this.#retryWait = null;
      }
    }
  }
}
