/** The extraction worker thread: answers each article it is sent with the engine's result (see extraction-runner.ts). */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './analysis/extraction-runner';
import { extract } from './core/extract';

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, result: extract(request.text, { referenceDate: request.referenceDate }) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
