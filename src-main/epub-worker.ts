/** The EPUB import worker thread: reads each book it is sent and answers with it, or with why not (see import/epub-runner.ts). */
import { parentPort } from 'node:worker_threads';
import { readEpub } from './import/epub/epub-book';
import { EpubError } from './import/epub/epub-error';
import type { EpubReply, EpubRequest } from './import/epub-runner';

parentPort?.on('message', (request: EpubRequest) => {
  let reply: EpubReply;
  try {
    const progress = (done: number, total: number) =>
      parentPort?.postMessage({ id: request.id, progress: { done, total } } satisfies EpubReply);
    reply = { id: request.id, ok: true, book: readEpub(request.bytes, undefined, progress) };
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      refused: error instanceof EpubError,
    };
  }
  parentPort?.postMessage(reply);
});
