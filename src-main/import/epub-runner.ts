/**
 * Reads EPUB books off the main thread. A 150,000-word book takes about a second of parsing and sanitising (more on a
 * busy machine), and in the desktop app the main process is the whole app: every window would freeze meanwhile, and in
 * browser mode every API call. Each book is read by a worker thread started for it and ended after it (books are
 * imported rarely, and the jsdom it loads is large); one that overruns its budget is stopped and the book refused, and
 * the reader's Cancel ends the worker at once.
 */
import { Worker } from 'node:worker_threads';
import { ImportCancelledError, type EpubReader } from './epub/epub-reader';
import type { EpubBook } from './epub/epub-book';
import { EpubError } from './epub/epub-error';
import { LectioError } from '../core/errors';

export interface EpubRequest {
  id: number;
  bytes: Uint8Array;
}

/** `refused`: the book itself cannot be read (an EpubError, whose message is for the reader). `progress`: a chapter read. */
export type EpubReply =
  | { id: number; ok: true; book: EpubBook }
  | { id: number; ok: false; message: string; refused: boolean }
  | { id: number; progress: { done: number; total: number } };

/** Far beyond the seconds a real book takes, even on a busy machine; what runs longer is refused, not waited for. */
export const EPUB_BUDGET_MS = 120_000;

/** A reader over the built `epub-worker.js`; rejects with EpubError for a book that cannot be read or takes too long. */
export function createEpubWorkerReader(workerFile: string, budgetMs = EPUB_BUDGET_MS): EpubReader {
  let nextId = 1;
  /** The books being read, each with the way to stop it. */
  const running = new Set<() => void>();
  return {
    read: (bytes, onProgress = () => {}) =>
      new Promise<EpubBook>((resolve, reject) => {
        const worker = new Worker(workerFile);
        const id = nextId++;
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          running.delete(stop);
          worker.removeAllListeners();
          void worker.terminate();
          settle();
        };
        const stop = () => finish(() => reject(new ImportCancelledError()));
        running.add(stop);
        const timer = setTimeout(
          () => finish(() => reject(new EpubError('This book took too long to read, so it was not imported.'))),
          budgetMs,
        );
        worker.on('message', (reply: EpubReply) => {
          if (reply.id !== id) return;
          if ('progress' in reply) onProgress(reply.progress);
          else if (reply.ok) finish(() => resolve(reply.book));
          else finish(() => reject(reply.refused ? new EpubError(reply.message) : new Error(reply.message)));
        });
        worker.on('error', (error) => finish(() => reject(error)));
        worker.on('exit', (code) =>
          finish(() =>
            reject(
              new LectioError(
                'worker-stopped',
                `The EPUB reader stopped (exit code ${code}); the book was not imported.`,
              ),
            ),
          ),
        );
        // A copy the worker owns: the caller's buffer may be a slice of a larger one.
        const copy = new Uint8Array(bytes);
        const request: EpubRequest = { id, bytes: copy };
        worker.postMessage(request, [copy.buffer]);
      }),
    cancel() {
      const stops = [...running];
      for (const stop of stops) stop();
      return stops.length;
    },
  };
}
