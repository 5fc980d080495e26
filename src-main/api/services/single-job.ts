/**
 * A long job the reader starts and may stop (an export, a backup taken by hand), one at a time: a second is refused
 * while one runs, how far the running one has got can be read meanwhile, and it can be cancelled. The job itself does
 * the counting and watches the signal; this keeps only what every such job shares, so each kind keeps just its own work.
 */
import { LectioError } from '../../core/errors';

/** How far the job under way has got, in whatever it counts; all zero when none runs. */
export interface JobProgress {
  running: boolean;
  done: number;
  total: number;
}

/** What a job is handed: where it reports its progress, and the signal that tells it it has been cancelled. */
export interface JobHandle {
  readonly signal: AbortSignal;
  /** `done` of `total`; a plain function, so it can be passed on as a callback as it is. */
  readonly progress: (done: number, total: number) => void;
}

export interface SingleJobOptions {
  /** The message of the 'busy' error that refuses a job started while another runs: the reader sees it. */
  busy: string;
  /**
   * The error a cancelled job fails with even when its work got done, so a cancel answered `{ cancelled: true }` always
   * wins over a result. Left out, a job that finishes in spite of a cancel keeps its result: the job alone decides, by
   * the signal, how far a cancel reaches (a backup already complete on disk is kept, not reported as never taken).
   */
  cancelled?: () => Error;
}

interface Running {
  done: number;
  total: number;
  controller: AbortController;
}

/** The one job of its kind running, if any: how far it has got, and how to stop it. */
export class SingleJob {
  #running: Running | null = null;

  constructor(private readonly options: SingleJobOptions) {}

  progress(): JobProgress {
    const running = this.#running;
    return running
      ? { running: true, done: running.done, total: running.total }
      : { running: false, done: 0, total: 0 };
  }

  /** Returns whether a job was running; if so, its signal is aborted and the job stops as it sees fit. */
  cancel(): { cancelled: boolean } {
    this.#running?.controller.abort();
    return { cancelled: this.#running !== null };
  }

  /**
   * Runs `job` as the one under way, its progress starting at 0 of `work.total`; throws a 'busy' LectioError while another
   * runs (the reader waits for it or cancels it), and whatever `job` throws, its own cancellation error among them.
   */
  async run<R>(work: { total: number }, job: (handle: JobHandle) => Promise<R>): Promise<R> {
    if (this.#running) throw new LectioError('busy', this.options.busy);
    const running: Running = { done: 0, total: work.total, controller: new AbortController() };
    this.#running = running;
    try {
      // The handle writes to this job's own record, so a late report from it never shows as a later job's progress.
      const progress = (done: number, total: number) => Object.assign(running, { done, total });
      const result = await job({ signal: running.controller.signal, progress });
      // The last check: after it nothing awaits before the job stops counting as running, so no cancel slips between.
      if (running.controller.signal.aborted && this.options.cancelled) throw this.options.cancelled();
      return result;
    } finally {
      this.#running = null;
    }
  }
}
