/** The Markdown import worker thread: answers each source it is sent with its document body (see import/markdown-runner.ts). */
import { parentPort } from 'node:worker_threads';
import { importMarkdown } from './core/import/markdown';
import type { MarkdownReply, MarkdownRequest } from './import/markdown-runner';

parentPort?.on('message', (request: MarkdownRequest) => {
  let reply: MarkdownReply;
  try {
    reply = { id: request.id, ok: true, body: importMarkdown(request.source) };
  } catch (error) {
    // A nesting deep enough to exhaust the stack lands here: refused like any input too complex to read.
    reply = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      tooComplex: error instanceof RangeError,
    };
  }
  parentPort?.postMessage(reply);
});
