/**
 * Runs the extraction engine off the main thread: a worker thread takes one article at a time, so a long article
 * never freezes the Electron main process or browser mode's server. Tests use the in-process runner.
 */
import { Worker } from 'node:worker_threads';
import { ENGINE_VERSION, extract } from '../core/extract';
import type { ExtractionResult } from '../core/extract/types';

export interface ExtractionRunner {
  /** The engine version results will carry; the cache is keyed by it. */
  version: string;
  run(text: string, referenceDate: string | null): Promise<ExtractionResult>;
  close(): Promise<void>;
}

export interface WorkerRequest {
  id: number;
  text: string;
  referenceDate: string | null;
}

export type WorkerReply = { id: number; ok: true; result: ExtractionResult } | { id: number; ok: false; message: string };

export const inProcessRunner: ExtractionRunner = {
  version: ENGINE_VERSION,
  run: async (text, referenceDate) => extract(text, { referenceDate }),
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
    created.on('error', (error) => failAll(error));
    created.on('exit', (code) => failAll(new Error(`The extraction worker stopped (exit code ${code}).`)));
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
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
