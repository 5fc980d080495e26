/**
 * Reads documents' files and makes their search entries (titles, paragraphs, highlights, notes) for the search
 * index's build, on a worker thread in the hosts.
 *
 * Why a worker: the build reads every document once (5,000 documents' and annotations' files in a large library), and
 * in the main process what it parses outlives the young generation's collections (a slice holds its documents for a
 * few tens of milliseconds), so it piles up in the old generation. With the card store loaded V8 lets that generation
 * grow to several times what it holds before collecting it: the server went from 260 MB to 610 MB during the build
 * and stayed there. On a worker the parsing's garbage is the worker's own, in a heap capped small, and freed with it:
 * the worker exits once the build has been idle a moment. The main process receives only the entries, which it writes
 * at once (SQLite stays in the main process: one connection, so searches and the change feed's updates see one index).
 *
 * The worker reads a file only when it is of the current schema and valid as it is; anything else (missing, damaged,
 * older, in need of an upgrade) is answered with null, and the main process reads that document through its storage,
 * which recovers, upgrades and announces as usual.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentMeta } from '../core/model';
import { documentEntries } from '../core/search/entries';
import type { SearchEntry } from '../core/search/library-index';
import {
  ANNOTATIONS_SCHEMA_VERSION,
  DOCUMENT_SCHEMA_VERSION,
  isAnnotationsFile,
  isDocumentFile,
  upgradeAnnotationsFile,
} from './file-schemas';

/** A document's entries, or null when the main process must read it through its storage. */
export type EntriesRead = Map<string, SearchEntry[] | null>;

export interface SearchEntryReader {
  /** Where the entries are made: `worker` in the hosts, `process` in tests and tools. */
  readonly where: 'worker' | 'process';
  read(dataDir: string, metas: readonly DocumentMeta[]): Promise<EntriesRead>;
  /** Whether a worker is running now (it exits once the build has been idle a moment). */
  running(): boolean;
  close(): Promise<void>;
}

export interface EntriesRequest {
  id: number;
  dataDir: string;
  metas: DocumentMeta[];
}

export type EntriesReply =
  { id: number; ok: true; entries: [string, SearchEntry[] | null][] } | { id: number; ok: false; message: string };

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** One document's entries from its files as they are on disk; null when they are not current and sound. */
export async function readDocumentEntries(dataDir: string, meta: DocumentMeta): Promise<SearchEntry[] | null> {
  const [doc, annotations] = await Promise.all([
    readJson(path.join(dataDir, 'documents', `${meta.id}.json`)),
    readJson(path.join(dataDir, 'annotations', `${meta.id}.json`)),
  ]);
  if (!isDocumentFile(doc) || doc.schemaVersion !== DOCUMENT_SCHEMA_VERSION) return null;
  // A document never annotated has no annotations file: nothing of it to index.
  if (annotations === null) return documentEntries({ ...meta, body: doc.body }, [], '');
  if (
    !isAnnotationsFile(annotations) ||
    annotations.schemaVersion !== ANNOTATIONS_SCHEMA_VERSION ||
    upgradeAnnotationsFile(annotations) !== null
  )
    return null;
  return documentEntries({ ...meta, body: doc.body }, annotations.highlights, annotations.documentNote);
}

export async function readEntries(dataDir: string, metas: readonly DocumentMeta[]): Promise<EntriesRead> {
  const read: EntriesRead = new Map();
  for (const meta of metas) read.set(meta.id, await readDocumentEntries(dataDir, meta));
  return read;
}

/** Tests and tools read in process: a short-lived process has no session for the garbage to outlast. */
export const inProcessSearchEntries: SearchEntryReader = {
  where: 'process',
  read: readEntries,
  running: () => false,
  close: async () => undefined,
};

/**
 * The worker's heap: ample for the largest book's files (a few MB of text), small enough that its collector runs
 * often; what it held is returned to the system when it exits.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };
/** How long the worker waits for the next batch before it exits (the build sends one every slice). */
const IDLE_EXIT_MS = 3000;

/**
 * A reader over the built `search-worker.js`, started on the first batch and stopped when idle. A batch the worker
 * could not answer (it stopped, ran out of its heap) is read in process instead, so the build never stalls on it.
 */
export function createSearchEntryWorkerReader(workerFile: string): SearchEntryReader {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;

  const stop = (which: Worker) => {
    if (worker === which) worker = null;
    void which.terminate();
  };

  const ask = (dataDir: string, metas: readonly DocumentMeta[]): Promise<EntriesRead> =>
    new Promise((resolve, reject) => {
      if (idle) clearTimeout(idle);
      const current = (worker ??= new Worker(workerFile, { resourceLimits: WORKER_LIMITS }));
      current.unref();
      const id = nextId++;
      const finish = () => {
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
        idle = setTimeout(() => stop(current), IDLE_EXIT_MS);
        idle.unref();
      };
      const onMessage = (reply: EntriesReply) => {
        if (reply.id !== id) return;
        finish();
        if (reply.ok) resolve(new Map(reply.entries));
        else reject(new Error(reply.message));
      };
      const onError = (error: Error) => {
        finish();
        stop(current);
        reject(error);
      };
      const onExit = (code: number) => {
        finish();
        if (worker === current) worker = null;
        reject(new Error(`The search index's worker stopped (exit code ${code}).`));
      };
      current.on('message', onMessage);
      current.on('error', onError);
      current.on('exit', onExit);
      const request: EntriesRequest = { id, dataDir, metas: [...metas] };
      current.postMessage(request);
    });

  return {
    where: 'worker',
    async read(dataDir, metas) {
      try {
        return await ask(dataDir, metas);
      } catch (error) {
        console.warn('The search index read a batch in process:', error);
        return readEntries(dataDir, metas);
      }
    },
    running: () => worker !== null,
    async close() {
      if (idle) clearTimeout(idle);
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
