/**
 * Exports that can take a while (20,000 cards, 5,000 highlights): one runs at a time, built a chunk at a time with a
 * turn of the event loop between chunks, so the process keeps answering other calls (this one's progress among them)
 * and can stop it. A cancelled export returns nothing: its file exists only once it is whole, so none is half-written.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LectioApi } from '../contract';
import { InvalidInputError } from './deps';

/** Items (cards, highlights) built between two turns of the event loop: about a millisecond or two of work. */
export const EXPORT_CHUNK = 200;

/** An export stopped at the reader's request (cancelExport): the call fails with the 'cancelled' error and no file. */
export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled; no file was made.');
    this.name = 'ExportCancelledError';
  }
}

interface Running {
  /** Steps done: each item counts once per pass over the items. */
  steps: number;
  items: number;
  passes: number;
  controller: AbortController;
}

/** What an export's builder works through: its items, a chunk at a time, each item counted as it is done. */
export class ExportRun {
  constructor(private readonly running: Running) {}

  /** Throws ExportCancelledError once the export has been cancelled. */
  check(): void {
    if (this.running.controller.signal.aborted) throw new ExportCancelledError();
  }

  /**
   * `each` over the items in order, EXPORT_CHUNK at a time (the calls of one chunk run together), yielding to the
   * event loop after each chunk; throws ExportCancelledError at the first chunk boundary after a cancel.
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
      this.running.steps += chunk.length;
      await nextTurn();
    }
    this.check();
    return out;
  }
}

/** The one export running, if any: how far it has got, and how to stop it. */
export class ExportJobs {
  #running: Running | null = null;

  /** In items (cards, highlights): an export making two passes over them counts each item half done after the first. */
  progress(): { running: boolean; done: number; total: number } {
    const running = this.#running;
    return running ? { running: true, done: Math.floor(running.steps / running.passes), total: running.items } : { running: false, done: 0, total: 0 };
  }

  /** Returns whether an export was running; if so, it fails with ExportCancelledError and returns no file. */
  cancel(): { cancelled: boolean } {
    this.#running?.controller.abort();
    return { cancelled: this.#running !== null };
  }

  /**
   * Runs `build` as the one export under way, over `items` items and `passes` passes; throws InvalidInputError while
   * another export runs (the reader waits for it or cancels it), and ExportCancelledError if this one is cancelled.
   */
  async run<R>(work: { items: number; passes?: number }, build: (run: ExportRun) => Promise<R>): Promise<R> {
    if (this.#running) throw new InvalidInputError('Another export is under way; try again once it has finished.');
    const running: Running = { steps: 0, items: work.items, passes: work.passes ?? 1, controller: new AbortController() };
    this.#running = running;
    try {
      const run = new ExportRun(running);
      const result = await build(run);
      // The last check: after it nothing awaits, so a cancel that was answered "cancelled" always wins over a result.
      run.check();
      return result;
    } finally {
      this.#running = null;
    }
  }
}

/** The service's two calls over the running export: its progress, and cancelling it. */
export function exportMethods(jobs: ExportJobs): Pick<LectioApi, 'exportProgress' | 'cancelExport'> {
  return {
    exportProgress: async () => jobs.progress(),
    cancelExport: async () => jobs.cancel(),
  };
}
