/**
 * Runs the extraction engine off the main thread: a worker thread takes one article at a time, so a long article
 * never freezes the Electron main process or browser mode's server. Tests use the in-process runner.
 */
import { Worker } from 'node:worker_threads';
import { ENGINE_VERSION } from '../core/extract/engine-version';
import type { ExtractionResult } from '../core/extract/types';
import { LectioError } from '../core/errors';

/** A run stopped at the reader's request; the engine restarts on the next run. */
function extractionCancelled(): LectioError {
  return new LectioError('cancelled', 'The analysis was stopped.');
}

export interface ExtractionRunner {
  /** The engine version results will carry; the cache is keyed by it. */
  version: string;
  run(text: string, referenceDate: string | null): Promise<ExtractionResult>;
  /** Stops every run in progress (they reject with the 'cancelled' LectioError); returns how many were stopped. */
  cancel(): Promise<number>;
  close(): Promise<void>;
}

export interface WorkerRequest {
  id: number;
  text: string;
  referenceDate: string | null;
}

export type WorkerReply =
  { id: number; ok: true; result: ExtractionResult } | { id: number; ok: false; message: string };

export const inProcessRunner: ExtractionRunner = {
  version: ENGINE_VERSION,
  // The engine (compromise's lexicon) loads on the first run: the hosts run it in a worker and never load it here.
  run: async (text, referenceDate) => (await import('../core/extract')).extract(text, { referenceDate }),
  // In-process runs are synchronous: by the time a cancel could arrive, there is nothing left to stop.
  cancel: async () => 0,
  close: async () => undefined,
};

interface Pending {
  resolve: (result: ExtractionResult) => void;
  reject: (error: Error) => void;
}

/** A runner over a worker script (the built `extract-worker.js`); the worker starts on first use and restarts after a crash. */
export function createWorkerRunner(workerFile: string): ExtractionRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
    worker = null;
  };

  const start = (): Worker => {
    const created = new Worker(workerFile);
    created.on('message', (reply: WorkerReply) => {
      const entry = pending.get(reply.id);
      if (!entry) return;
      pending.delete(reply.id);
      if (reply.ok) entry.resolve(reply.result);
      else entry.reject(new Error(reply.message));
    });
    // A worker that was cancelled and replaced must not fail the runs of its successor.
    created.on('error', (error) => {
      if (worker === created) failAll(error);
    });
    created.on('exit', (code) => {
      if (worker === created)
        failAll(new LectioError('worker-stopped', `The extraction worker stopped (exit code ${code}).`));
    });
    created.unref();
    return created;
  };

  return {
    version: ENGINE_VERSION,
    run(text, referenceDate) {
      worker ??= start();
      const id = nextId++;
      const request: WorkerRequest = { id, text, referenceDate };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker?.postMessage(request);
      });
    },
    async cancel() {
      const stopped = pending.size;
      const running = worker;
      if (!running || stopped === 0) return 0;
      failAll(extractionCancelled());
      await running.terminate();
      return stopped;
    },
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
