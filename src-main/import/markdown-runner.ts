/**
 * Parses Markdown off the main thread, within a time budget. CommonMark parsing grows far faster than its input on
 * some shapes (a 5 KB line of nested list markers, runs of `*_`), and in the desktop app the main process is the whole
 * app: a parse there would freeze every window and, in browser mode, every API call. A worker thread parses one file
 * at a time; one that overruns its budget is terminated and the import refused, so nothing is half-saved.
 */
import { Worker } from 'node:worker_threads';
import { importMarkdown } from '../core/import/markdown';
import type { DocumentBody } from '../core/model';
import { LectioError } from '../core/errors';

export interface MarkdownRunner {
  /** Resolves with the body; rejects with the 'import-too-complex' LectioError on overrun (the worker that ran it is terminated), or an Error the worker reported. */
  parse(source: string): Promise<DocumentBody>;
  close(): Promise<void>;
}

export interface MarkdownRequest {
  id: number;
  source: string;
}

/** `tooComplex`: the parse gave up on the input itself (a nesting deep enough to exhaust the stack). */
export type MarkdownReply =
  { id: number; ok: true; body: DocumentBody } | { id: number; ok: false; message: string; tooComplex: boolean };

/** Tests and tools parse in process: they have no other caller to keep waiting. */
export const inProcessMarkdown: MarkdownRunner = {
  parse: async (source) => importMarkdown(source),
  close: async () => undefined,
};

/**
 * How long a parse may take: ordinary Markdown parses at well over 100 KB a second even on a busy machine, so
 * 20 seconds plus 20 ms per kilobyte leaves a wide margin for real articles while stopping the pathological shapes.
 */
export function markdownBudgetMs(length: number): number {
  return 20_000 + Math.ceil(length / 1000) * 20;
}

/** A runner over the built `import-worker.js`; one parse at a time, each budgeted from the moment it starts. */
export function createMarkdownWorkerRunner(
  workerFile: string,
  budgetMs: (length: number) => number = markdownBudgetMs,
): MarkdownRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const stop = async (which: Worker) => {
    if (worker === which) worker = null;
    await which.terminate();
  };

  const runOne = (source: string): Promise<DocumentBody> =>
    new Promise((resolve, reject) => {
      const current = (worker ??= new Worker(workerFile));
      current.unref();
      const id = nextId++;
      const finish = () => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
      };
      const onMessage = (reply: MarkdownReply) => {
        if (reply.id !== id) return;
        finish();
        if (reply.ok) resolve(reply.body);
        else reject(reply.tooComplex ? new LectioError('import-too-complex') : new Error(reply.message));
      };
      const onError = (error: Error) => {
        finish();
        void stop(current);
        reject(error);
      };
      const onExit = (code: number) => {
        finish();
        if (worker === current) worker = null;
        reject(new LectioError('worker-stopped', `The Markdown worker stopped (exit code ${code}).`));
      };
      const timer = setTimeout(() => {
        finish();
        void stop(current);
        reject(new LectioError('import-too-complex'));
      }, budgetMs(source.length));
      current.on('message', onMessage);
      current.on('error', onError);
      current.on('exit', onExit);
      const request: MarkdownRequest = { id, source };
      current.postMessage(request);
    });

  return {
    parse(source) {
      const run = queue.then(() => runOne(source));
      // The next parse waits for this one to settle, whichever way it ends.
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
