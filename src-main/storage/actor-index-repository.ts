/**
 * The library's actors: a persisted index of every analysed document's actors, mentions (with their sentences),
 * roles and quotations (`actor-index.json`, derived data), and the reader's library-level merges and splits
 * (`library-actors.json`, a record of its own, reported on the change feed as 'library-actor-correction').
 *
 * The index is kept up to date from the change feed: a document's analysis, corrections or metadata written marks it
 * dirty, and it is indexed again on the next read (then saved shortly after, in the background). When the index is first read
 * in a process, each document's entry is checked against the modification times of its analysis and annotations files,
 * so a change made while the index was not saved (a crash, a restore, an older Lectio) is caught; a missing or
 * unreadable index is rebuilt. A dossier then reads this one file, never each document's.
 */
import { randomUUID } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyCorrections } from '../core/analysis/corrections';
import type { LibraryActorCorrection } from '../core/library/actor-identity';
import { indexDocumentActors, type IndexedDocument } from '../core/library/actor-index';
import { LectioError } from '../core/errors';
import type { AnalysisRepository } from './analysis-repository';
import type { AnnotationRepository } from './annotation-repository';
import type { ChangeFeed } from './change-feed';
import type { DocumentRepository } from './document-repository';
import { writeFileDurably } from './durable-file';
import type { LibraryActorsStore, StoredActorCorrection } from './library-actors-store';

export const ACTOR_INDEX_FILE = 'actor-index.json';
/** Bumped when the shape of an entry or the way it is built changes: an index of another version is rebuilt. */
export const ACTOR_INDEX_VERSION = 1;
/** How long after a change the index is brought up to date in the background. */
const REFRESH_DELAY_MS = 400;

interface Entry {
  /** Null when the document has no analysis yet. */
  doc: IndexedDocument | null;
  /** Modification times (ms) of the document's analysis and annotations files when indexed; 0 for none. */
  stamp: [number, number];
}

interface ActorIndexFile {
  version: number;
  entries: Record<string, Entry>;
}

export interface ActorIndexSources {
  dataDir: string;
  documents: DocumentRepository;
  annotations: AnnotationRepository;
  analysis: AnalysisRepository;
  /** Where each document's analysis and annotations files are, for their modification times. */
  analysisPath: (documentId: string) => string;
  annotationsPath: (documentId: string) => string;
  store: LibraryActorsStore;
  feed: ChangeFeed;
  now: () => Date;
}

function serialise(entries: Map<string, Entry>): string {
  const file: ActorIndexFile = { version: ACTOR_INDEX_VERSION, entries: Object.fromEntries(entries) };
  return JSON.stringify(file);
}

/** Who a document names, for telling whether its identities can have changed. */
function namesOf(entry: Entry): string {
  return JSON.stringify(entry.doc?.actors.map((a) => [a.id, a.name, a.kind, a.aliases]) ?? null);
}

function mtime(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

export class ActorIndexRepository {
  #loading: Promise<Map<string, Entry>> | null = null;
  readonly #dirty = new Set<string>();
  #closed = false;
  #generation = 0;
  #namesGeneration = 0;
  #saveTimer: NodeJS.Timeout | null = null;
  #pending: Map<string, Entry> | null = null;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly sources: ActorIndexSources) {
    sources.feed.onWrite((change) => {
      if (change.documentId === null) return;
      if (change.kind !== 'analysis' && change.kind !== 'corrections' && change.kind !== 'document') return;
      // Only marked: the entry is built on the next read. Nothing is written for a library that never opens a dossier.
      this.#dirty.add(change.documentId);
      this.#generation++;
    });
  }

  /** Changes whenever what the index or the corrections say may have changed: a cache of identities keys on it. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Changes only when who is named where may have changed (a document's actor names, aliases or kinds, a document
   * added or gone, a library correction): identities grouped for one value still hold while it stays.
   */
  get namesGeneration(): number {
    return this.#namesGeneration;
  }

  /** Every analysed document in the library (not in the trash) with its actors, up to date. */
  documents(): Promise<ReadonlyMap<string, IndexedDocument>> {
    return this.#serial(async () => {
      const entries = await this.#refresh();
      const out = new Map<string, IndexedDocument>();
      for (const meta of this.sources.documents.list()) {
        const doc = entries.get(meta.id)?.doc;
        if (doc) out.set(meta.id, doc);
      }
      return out;
    });
  }

  async corrections(): Promise<StoredActorCorrection[]> {
    return structuredClone((await this.sources.store.db()).data.corrections);
  }

  /** Stores a library-level merge or split; reported on the change feed. */
  async addCorrection(correction: LibraryActorCorrection): Promise<StoredActorCorrection> {
    const stored = { ...correction, id: randomUUID(), at: this.sources.now().toISOString() };
    await this.#writeCorrections((list) => [...list, stored], stored.id, 'put');
    return structuredClone(stored);
  }

  /** Takes back a correction (Undo); throws a 'not-found' LectioError for an unknown id. */
  async removeCorrection(id: string): Promise<void> {
    const db = await this.sources.store.db();
    if (!db.data.corrections.some((c) => c.id === id))
      throw new LectioError('not-found', `There is no actor correction ${id}.`);
    await this.#writeCorrections((list) => list.filter((c) => c.id !== id), id, 'delete');
  }

  /** After the library was restored from a backup: everything is read again on next use. */
  forget(): void {
    this.sources.store.reset();
    this.#loading = null;
    this.#generation++;
    this.#namesGeneration++;
    // A save still waiting holds the library as it was before the restore.
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    this.#pending = null;
  }

  close(): void {
    this.#closed = true;
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
      // Closing is synchronous (on quit): the pending save is written at once. A torn write is only a cache lost.
      if (this.#pending) writeFileSync(this.#file, serialise(this.#pending));
    }
  }

  /** The one place the corrections file is changed: saved, then reported. */
  async #writeCorrections(
    change: (list: StoredActorCorrection[]) => StoredActorCorrection[],
    id: string,
    op: 'put' | 'delete',
  ): Promise<void> {
    const db = await this.sources.store.db();
    await db.update((data) => {
      data.corrections = change(data.corrections);
    });
    this.#generation++;
    this.#namesGeneration++;
    this.sources.feed.emit([{ kind: 'library-actor-correction', id, documentId: null, op }]);
  }

  /** One refresh at a time: a background refresh and a read never index the same document twice at once. */
  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#chain.then(run, run);
    this.#chain = next.catch(() => undefined);
    return next;
  }

  get #file(): string {
    return path.join(this.sources.dataDir, ACTOR_INDEX_FILE);
  }

  /** Loads the index (checking each entry against its files) once, then indexes what is dirty or missing. */
  async #refresh(): Promise<Map<string, Entry>> {
    const entries = await (this.#loading ??= this.#load());
    const live = this.sources.documents.list();
    const liveIds = new Set(live.map((m) => m.id));
    // A document in the trash keeps its entry, for its Undo.
    const trashed = new Set(this.sources.documents.trashed().map((t) => t.id));
    let changed = false;
    for (const id of [...entries.keys()])
      if (!liveIds.has(id) && !trashed.has(id)) {
        entries.delete(id);
        changed = true;
      }
    let renamed = changed;
    for (const meta of live) {
      if (entries.has(meta.id) && !this.#dirty.has(meta.id)) continue;
      this.#dirty.delete(meta.id);
      const before = entries.get(meta.id);
      const after = await this.#index(meta.id);
      entries.set(meta.id, after);
      changed = true;
      if (!before || namesOf(before) !== namesOf(after)) renamed = true;
    }
    if (renamed) this.#namesGeneration++;
    // Saved shortly after rather than before answering: a read need not wait for the disk, and an entry the save
    // misses (the app stopped first) is found stale by its files' times on the next start.
    if (changed) this.#scheduleSave(entries);
    return entries;
  }

  async #load(): Promise<Map<string, Entry>> {
    const entries = new Map<string, Entry>();
    try {
      const file = JSON.parse(await readFile(this.#file, 'utf8')) as ActorIndexFile;
      if (file.version === ACTOR_INDEX_VERSION && typeof file.entries === 'object' && file.entries !== null)
        for (const [id, entry] of Object.entries(file.entries)) entries.set(id, entry);
    } catch {
      // Missing or unreadable: derived data, rebuilt below.
    }
    // Stale entries: their files changed after they were indexed. Synchronous stats: thousands of small calls cost far
    // less than as many promises through the thread pool.
    for (const [id, entry] of entries) {
      const stamp = this.#stampNow(id);
      if (stamp[0] !== entry.stamp[0] || stamp[1] !== entry.stamp[1]) this.#dirty.add(id);
    }
    return entries;
  }

  #stampNow(id: string): [number, number] {
    return [mtime(this.sources.analysisPath(id)), mtime(this.sources.annotationsPath(id))];
  }

  async #index(id: string): Promise<Entry> {
    const cache = await this.sources.analysis.cached(id);
    if (!cache) return { doc: null, stamp: this.#stampNow(id) };
    const document = await this.sources.documents.get(id);
    const { corrections } = await this.sources.annotations.read(id);
    const shown = applyCorrections(document.body.text, cache.result, corrections);
    const doc = indexDocumentActors(document, document.body.text, shown);
    return { doc, stamp: this.#stampNow(id) };
  }

  #scheduleSave(entries: Map<string, Entry>): void {
    this.#pending = entries;
    if (this.#saveTimer || this.#closed) return;
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      if (!this.#closed)
        void this.#serial(() => this.#save(entries)).catch((error: unknown) => console.error('Actor index:', error));
    }, REFRESH_DELAY_MS);
    this.#saveTimer.unref?.();
  }

  async #save(entries: Map<string, Entry>): Promise<void> {
    this.#pending = null;
    await writeFileDurably(this.#file, serialise(entries));
  }
}
