/** The PDF import worker thread: reads the one PDF it is sent, reporting each page (see import/pdf-runner.ts). */
import { parentPort } from 'node:worker_threads';
import { isLectioError } from './core/errors';
import { readPdf } from './import/pdf-read';
import type { PdfReply, PdfRequest } from './import/pdf-runner';

parentPort?.once('message', async (request: PdfRequest) => {
  const send = (reply: PdfReply) => parentPort?.postMessage(reply);
  try {
    const content = await readPdf(request.bytes, (done, total) => send({ type: 'page', done, total }));
    send({ type: 'done', content });
  } catch (error) {
    send({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      known: isLectioError(error, 'unreadable-file'),
    });
  }
});
