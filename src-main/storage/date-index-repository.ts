/**
 * The library's date index (`date-index/bNN.json`): each analysed document's dated events, so the library timeline
 * reads 64 small files instead of every document's analysis. Entries are spread over buckets by document id, so
 * keeping one document's entry up to date rewrites one bucket, not the whole index. Derived data: rebuilt from the
 * analyses when missing or stale, and reported on the change feed as a derived kind (sync recomputes it).
 *
 * Staleness is told by the analysis and annotations files' stamps (modification time and size, read with `stat`, never
 * by reading the files): an entry whose stamp differs from its files' was made before their last write.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bucketOf, type DateIndexEntry } from '../core/library/date-index';
import { emptyCorrections, type Corrections } from '../core/analysis/corrections';
import type { ChangeFeed } from './change-feed';
import { isAnalysisFile, isAnnotationsFile, type AnalysisFile } from './file-schemas';
import type { PerDocumentStore } from './per-document-store';

export const DATE_INDEX_SCHEMA_VERSION = 1;
export const DATE_INDEX_FOLDER = 'date-index';
export const DATE_INDEX_BUCKETS = 64;

export interface DateIndexBucket {
  schemaVersion: number;
  entries: Record<string, DateIndexEntry>;
}

const STATUSES = new Set(['past', 'expected', 'unknown']);
const isString = (v: unknown): v is string => typeof v === 'string';
const isOffset = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function isIndexedEvent(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    isString(e.text) &&
    isOffset(e.start) &&
    isOffset(e.end) &&
    isString(e.value) &&
    isString(e.precision) &&
    isString(e.event) &&
    isOffset(e.eventStart) &&
    isOffset(e.eventEnd) &&
    Array.isArray(e.actors) &&
    e.actors.every(isString) &&
    STATUSES.has(e.status as string) &&
    isString(e.first) &&
    isString(e.last) &&
    isString(e.key)
  );
}

/**
 * The shape check of a bucket, written out rather than with zod: a large library's index holds 150,000 events, which
 * a zod parse took seconds over as the buckets opened.
 */
export function isDateIndexBucket(data: unknown): data is DateIndexBucket {
  if (typeof data !== 'object' || data === null) return false;
  const file = data as { schemaVersion?: unknown; entries?: unknown };
  if (file.schemaVersion !== DATE_INDEX_SCHEMA_VERSION || typeof file.entries !== 'object' || file.entries === null)
    return false;
  return Object.values(file.entries).every((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return false;
    const e = entry as Record<string, unknown>;
    return (
      isString(e.documentId) &&
      isString(e.stamp) &&
      typeof e.current === 'boolean' &&
      Array.isArray(e.events) &&
      e.events.every(isIndexedEvent)
    );
  });
}

export function emptyDateIndexBucket(): DateIndexBucket {
  return { schemaVersion: DATE_INDEX_SCHEMA_VERSION, entries: {} };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

const bucketId = (n: number) => `b${String(n).padStart(2, '0')}`;

export class DateIndexRepository {
  /** Whether the stored entries were checked against the files' stamps since the library (or a backup) was opened. */
  #checked = false;
  #generation = 0;

  constructor(
    private readonly buckets: PerDocumentStore<DateIndexBucket>,
    private readonly dataDir: string,
    private readonly feed: ChangeFeed,
  ) {}

  get checked(): boolean {
    return this.#checked;
  }

  /** After a full check; cleared when the files may have changed behind the change feed (a restore, a bad bucket). */
  markChecked(checked = true): void {
    this.#checked = checked;
    if (!checked) this.#generation++;
  }

  /** Changes whenever the entries may have: what is worked out from them can be kept until it does. */
  get generation(): number {
    return this.#generation;
  }

  /** Every stored entry (the buckets stay open after the first call, so later calls read no file). */
  async entries(): Promise<DateIndexEntry[]> {
    const buckets = await Promise.all(
      Array.from({ length: DATE_INDEX_BUCKETS }, (_, n) => this.buckets.get(bucketId(n))),
    );
    return buckets.flatMap((db) => Object.values(db.data.entries));
  }

  /**
   * Each document's stamp: its analysis and annotations files' modification times and sizes; null for a document
   * with no analysis file. Reads no file's contents.
   */
  async stamps(documentIds: readonly string[]): Promise<Map<string, string | null>> {
    const result = new Map<string, string | null>();
    const stampOf = async (folder: string, id: string) => {
      try {
        const info = await stat(path.join(this.dataDir, folder, `${id}.json`));
        return `${info.mtimeMs}:${info.size}`;
      } catch {
        return null;
      }
    };
    // A few at a time: thousands of stats at once would hold the thread pool from every other file operation.
    const queue = [...documentIds];
    const worker = async () => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        const analysis = await stampOf('analysis', id);
        result.set(id, analysis === null ? null : `${analysis}/${(await stampOf('annotations', id)) ?? '-'}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return result;
  }

  /**
   * A document's analysis and corrections, read from its files without keeping them open (a rebuild goes through
   * every analysed document, and the stores keep what they open); null when it has no usable analysis. A file that
   * does not pass its check is left to its store, which recovers it when the document is next opened.
   */
  async sourcesOf(documentId: string): Promise<DateIndexSources | null> {
    const stamp = (await this.stamps([documentId])).get(documentId) ?? null;
    if (stamp === null) return null;
    const analysis = await readJson(path.join(this.dataDir, 'analysis', `${documentId}.json`));
    if (!isAnalysisFile(analysis) || !analysis.cache) return null;
    const annotations = await readJson(path.join(this.dataDir, 'annotations', `${documentId}.json`));
    const corrections = isAnnotationsFile(annotations) ? annotations.corrections : emptyCorrections();
    return { stamp, cache: analysis.cache, corrections };
  }

  /** Keeps these entries (replacing earlier ones) and drops the entries of `removed`, one write per bucket touched. */
  async save(entries: readonly DateIndexEntry[], removed: readonly string[] = []): Promise<void> {
    const byBucket = new Map<string, { put: DateIndexEntry[]; drop: string[] }>();
    const slot = (id: string) => {
      const key = bucketId(bucketOf(id, DATE_INDEX_BUCKETS));
      let found = byBucket.get(key);
      if (!found) byBucket.set(key, (found = { put: [], drop: [] }));
      return found;
    };
    for (const entry of entries) slot(entry.documentId).put.push(entry);
    for (const id of removed) slot(id).drop.push(id);
    for (const [key, change] of byBucket) {
      // Rebuilding an entry that had not changed (a highlight saved, which touches the annotations file) writes nothing.
      const { entries: stored } = (await this.buckets.get(key)).data;
      const same =
        change.drop.every((id) => !(id in stored)) &&
        change.put.every((entry) => JSON.stringify(stored[entry.documentId]) === JSON.stringify(entry));
      if (same) continue;
      await this.#write(key, (data) => {
        for (const entry of change.put) data.entries[entry.documentId] = structuredClone(entry);
        for (const id of change.drop) delete data.entries[id];
      });
    }
  }

  /** The one place a bucket is changed: saved under its lock, then reported. */
  async #write(key: string, change: (data: DateIndexBucket) => void): Promise<void> {
    await this.buckets.update(key, change);
    this.#generation++;
    this.feed.emit([{ kind: 'date-index', id: key, documentId: null, op: 'put' }]);
  }
}

/** What a document's entry is built from, read straight from its files (see DateIndexRepository.sourcesOf). */
export interface DateIndexSources {
  /** The files' stamp, taken before they were read: a write after it makes the entry stale again. */
  stamp: string;
  cache: NonNullable<AnalysisFile['cache']>;
  corrections: Corrections;
}
