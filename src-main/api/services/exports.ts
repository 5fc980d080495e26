/**
 * Exports that can take a while (20,000 cards, 5,000 highlights): one runs at a time, built a chunk at a time with a
 * turn of the event loop between chunks, so the process keeps answering other calls (this one's progress among them)
 * and can stop it. A cancelled export returns nothing: its file exists only once it is whole, so none is half-written.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LectioApi } from '../contract';
import { LectioError } from '../../core/errors';
import { type JobHandle, type JobProgress, SingleJob } from './single-job';

/** Items (cards, highlights) built between two turns of the event loop: about a millisecond or two of work. */
export const EXPORT_CHUNK = 200;

/** An export stopped at the reader's request (cancelExport): the call fails with the 'cancelled' error and no file. */
function exportCancelled(): LectioError {
  return new LectioError('cancelled', 'The export was cancelled; no file was made.');
}

/** What an export's builder works through: its items, a chunk at a time, each item counted as it is done. */
export class ExportRun {
  /** Steps done: each item counts once per pass over the items. */
  #steps = 0;

  constructor(
    private readonly job: JobHandle,
    private readonly work: { items: number; passes: number },
  ) {}

  /** Throws the 'cancelled' error once the export has been cancelled. */
  check(): void {
    if (this.job.signal.aborted) throw exportCancelled();
  }

  /**
   * `each` over the items in order, EXPORT_CHUNK at a time (the calls of one chunk run together), yielding to the
   * event loop after each chunk; throws the 'cancelled' error at the first chunk boundary after a cancel.
   */
  async map<T, R>(items: readonly T[], each: (item: T) => R): Promise<Awaited<R>[]> {
    return (await this.chunks(items, (chunk) => Promise.all(chunk.map(each)))).flat();
  }

  /** Like map, but `each` takes a whole chunk (EXPORT_CHUNK items, fewer at the end); one result per chunk. */
  async chunks<T, R>(items: readonly T[], each: (chunk: T[]) => R): Promise<Awaited<R>[]> {
    const out: Awaited<R>[] = [];
    for (let start = 0; start < items.length; start += EXPORT_CHUNK) {
      this.check();
      const chunk = items.slice(start, start + EXPORT_CHUNK);
      out.push(await each(chunk));
      this.#steps += chunk.length;
      // In items: an export making two passes over them counts each item half done after the first.
      this.job.progress(Math.floor(this.#steps / this.work.passes), this.work.items);
      await nextTurn();
    }
    this.check();
    return out;
  }
}

/** The one export running, if any: how far it has got, and how to stop it. */
export class ExportJobs {
  // A cancel answered "cancelled" always wins over a result, so a cancelled export never hands back a file.
  readonly #job = new SingleJob({
    busy: 'Another export is under way; try again once it has finished.',
    cancelled: exportCancelled,
  });

  /** In items (cards, highlights), counted as ExportRun works through them. */
  progress(): JobProgress {
    return this.#job.progress();
  }

  /** Returns whether an export was running; if so, it fails with the 'cancelled' error and returns no file. */
  cancel(): { cancelled: boolean } {
    return this.#job.cancel();
  }

  /**
   * Runs `build` as the one export under way, over `items` items and `passes` passes; throws the 'busy' error while
   * another export runs (the reader waits for it or cancels it), and the 'cancelled' error if this one is cancelled.
   */
  run<R>(work: { items: number; passes?: number }, build: (run: ExportRun) => Promise<R>): Promise<R> {
    return this.#job.run({ total: work.items }, (job) =>
      build(new ExportRun(job, { items: work.items, passes: work.passes ?? 1 })),
    );
  }
}

/** The service's two calls over the running export: its progress, and cancelling it. */
export function exportMethods(jobs: ExportJobs): Pick<LectioApi, 'exportProgress' | 'cancelExport'> {
  return {
    exportProgress: async () => jobs.progress(),
    cancelExport: async () => jobs.cancel(),
  };
}
