/**
 * Reads PDFs away from the main process's event loop. pdf.js parses a 300-page file for several seconds of solid CPU,
 * and in the desktop app the main process is the whole app: a parse there would freeze every window and, in browser
 * mode, every API call. So the hosts read each PDF in a worker thread of its own (pdf-worker.ts), which reports each
 * page as it goes and is terminated on Cancel, taking all of pdf.js's memory with it. Tests and tools read in process.
 */
import { Worker } from 'node:worker_threads';
import { LectioError } from '../core/errors';
import type { PdfContent } from './pdf-read';

/** The reader pressed Cancel: nothing was stored. */
export function pdfImportCancelled(): LectioError {
  return new LectioError('cancelled', 'The PDF import was cancelled; nothing was added to the library.');
}

export interface PdfRunner {
  /**
   * Resolves with the PDF's laid-out text and information; rejects with an 'unreadable-file' LectioError (encrypted,
   * broken, no text), or a 'cancelled' one once `signal` aborts.
   */
  read(bytes: Uint8Array, onPage: (done: number, total: number) => void, signal: AbortSignal): Promise<PdfContent>;
}

export interface PdfRequest {
  bytes: Uint8Array;
}

export type PdfReply =
  | { type: 'page'; done: number; total: number }
  | { type: 'done'; content: PdfContent }
  | { type: 'error'; message: string; known: boolean };

/** Reads in this thread, checking for Cancel between pages. */
export const inProcessPdf: PdfRunner = {
  async read(bytes, onPage, signal) {
    if (signal.aborted) throw pdfImportCancelled();
    // pdf.js (3 MB of code) is loaded on the first PDF, not when the app starts: every launch used to pay for it.
    const { readPdf } = await import('./pdf-read');
    const content = await readPdf(bytes, (done, total) => {
      if (signal.aborted) throw pdfImportCancelled();
      onPage(done, total);
    });
    if (signal.aborted) throw pdfImportCancelled();
    return content;
  },
};

/** A runner over the built `pdf-worker.js`: one fresh worker per PDF, ended when the read ends or is cancelled. */
export function createPdfWorkerRunner(workerFile: string): PdfRunner {
  return {
    read(bytes, onPage, signal) {
      return new Promise((resolve, reject) => {
        if (signal.aborted) {
          reject(pdfImportCancelled());
          return;
        }
        const worker = new Worker(workerFile);
        let settled = false;
        const settle = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          void worker.terminate();
          outcome();
        };
        const onAbort = () => settle(() => reject(pdfImportCancelled()));
        signal.addEventListener('abort', onAbort, { once: true });
        worker.on('message', (reply: PdfReply) => {
          if (reply.type === 'page') onPage(reply.done, reply.total);
          else if (reply.type === 'done') settle(() => resolve(reply.content));
          else
            settle(() =>
              reject(reply.known ? new LectioError('unreadable-file', reply.message) : new Error(reply.message)),
            );
        });
        worker.on('error', (error) => settle(() => reject(error)));
        worker.on('exit', (code) =>
          settle(() => reject(new LectioError('worker-stopped', `The PDF reader stopped (exit code ${code}).`))),
        );
        const copy = bytes.slice();
        const request: PdfRequest = { bytes: copy };
        worker.postMessage(request, [copy.buffer]);
      });
    },
  };
}
