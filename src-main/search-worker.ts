/** The search index's build worker: answers each batch of documents with their entries (see storage/search-entry-reader.ts). */
import { parentPort } from 'node:worker_threads';
import { readEntries, type EntriesReply, type EntriesRequest } from './storage/search-entry-reader';

parentPort?.on('message', (request: EntriesRequest) => {
  readEntries(request.dataDir, request.metas).then(
    (read) => parentPort?.postMessage({ id: request.id, ok: true, entries: [...read] } satisfies EntriesReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies EntriesReply),
  );
});
