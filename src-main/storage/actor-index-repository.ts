/**
 * The library's actors: a persisted index of every analysed document's actors, mentions (with their sentences),
 * roles and quotations (the `actor-index/` folder, derived data), and the reader's library-level merges and splits
 * (`library-actors.json`, a record of its own, reported on the change feed as 'library-actor-correction').
 *
 * The index is split so that one dossier reads only what it needs: `actor-index/table.idx` holds each document's
 * summary (who it names, under which names, how often; its file times) and the identities grouped over them with the
 * corrections, and `actor-index/doc-<id>.idx` holds one document's full entry (mentions, sentences, quotations), read
 * only when a dossier names that document. The identities are grouped again only when who is named where may have
 * changed (a fingerprint of every document's names and the corrections says so), so a new process answers its first
 * dossier from the table and the shards of that actor's documents.
 *
 * The index is kept up to date from the change feed: a document's analysis, corrections or metadata written marks it
 * dirty, and it is indexed again on the next read (then saved shortly after, in the background). When the table is
 * first read in a process, each document's entry is checked against the modification times of its analysis and
 * annotations files, and each shard against its table entry when read, so a change made while the index was not saved
 * (a crash, a restore, an older Lectio) is caught; a missing, unreadable or older-version table or shard is rebuilt.
 * The files end in `.idx`, not `.json`: they are not the reader's data, so backups and the corruption checks leave
 * them out, and sync never sees them (no change is reported for them).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyCorrections } from '../core/analysis/corrections';
import type { LibraryActorCorrection } from '../core/library/actor-identity';
import {
  identitiesFromStore,
  identitiesOfIndex,
  indexDocumentActors,
  storeIdentities,
  summariseIndexedDocument,
  type IndexedDocument,
  type IndexedDocumentSummary,
  type IndexedIdentities,
  type StoredIdentity,
} from '../core/library/actor-index';
import { LectioError } from '../core/errors';
import type { DocumentMeta } from '../core/model';
import type { AnalysisRepository } from './analysis-repository';
import type { AnnotationRepository } from './annotation-repository';
import type { ChangeFeed } from './change-feed';
import type { DocumentRepository } from './document-repository';
import { writeFileDurably } from './durable-file';
import type { LibraryActorsStore, StoredActorCorrection } from './library-actors-store';

export const ACTOR_INDEX_FOLDER = 'actor-index';
export const ACTOR_INDEX_TABLE = 'table.idx';
export const ACTOR_INDEX_SUMMARIES = 'summaries.idx';
/** The index of Lectio before it was split: one file, removed once the split index is saved. */
export const LEGACY_ACTOR_INDEX_FILE = 'actor-index.json';
/** Bumped when the shape of an entry or the way it is built changes: an index of another version is rebuilt. */
export const ACTOR_INDEX_VERSION = 2;
/** How long after a change the index is brought up to date in the background. */
const REFRESH_DELAY_MS = 400;
/** Full entries kept in memory after a dossier read them (the most recently used). */
const SHARD_CACHE = 2_000;

/** Modification times (ms) of a document's analysis and annotations files when indexed; 0 for none. */
type Stamp = [number, number];

interface Entry {
  stamp: Stamp;
  /** False when the document has no analysis yet. */
  analysed: boolean;
  /** A hash of who the document names (ids, names, kinds, aliases): what grouping depends on. */
  names: string;
}

interface TableFile {
  version: number;
  entries: Record<string, Entry>;
  /** The identities, and the fingerprint of the names and corrections they were grouped from. */
  grouping: { fingerprint: string; identities: StoredIdentity[] } | null;
  /** The token of the summaries file written with this table; null when none was. */
  summaries: string | null;
}

/** Every analysed document's summary, read only by what needs them all (finding actors, the timeline, regrouping). */
interface SummariesFile {
  version: number;
  token: string;
  docs: Record<string, IndexedDocumentSummary>;
}

interface Built {
  entry: Entry;
  summary: IndexedDocumentSummary | null;
  /** The full entry, to be written as the document's shard; null when none is needed (none, or the shard is current). */
  doc: IndexedDocument | null;
}

interface ShardFile {
  version: number;
  stamp: Stamp;
  doc: IndexedDocument;
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

const hash = (text: string) => createHash('sha1').update(text).digest('base64');

/** Who a document names, for telling whether its identities can have changed. */
function namesOf(doc: IndexedDocumentSummary | null): string {
  return hash(JSON.stringify(doc?.actors.map((a) => [a.id, a.name, a.kind, a.aliases]) ?? null));
}

function mtime(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

const isStamp = (v: unknown): v is Stamp =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';

/** The table's shape, checked entry by entry (written out: a zod parse of thousands of entries costs a cold start). */
function isTable(data: unknown): data is TableFile {
  if (typeof data !== 'object' || data === null) return false;
  const file = data as Partial<TableFile>;
  if (file.version !== ACTOR_INDEX_VERSION || typeof file.entries !== 'object' || file.entries === null) return false;
  return Object.values(file.entries).every(
    (e: Partial<Entry>) =>
      typeof e === 'object' &&
      e !== null &&
      isStamp(e.stamp) &&
      typeof e.names === 'string' &&
      typeof e.analysed === 'boolean',
  );
}

function isSummaries(data: unknown, token: string | null): data is SummariesFile {
  if (typeof data !== 'object' || data === null) return false;
  const file = data as Partial<SummariesFile>;
  return (
    file.version === ACTOR_INDEX_VERSION &&
    token !== null &&
    file.token === token &&
    typeof file.docs === 'object' &&
    file.docs !== null
  );
}

const isSummary = (v: unknown, id: string): v is IndexedDocumentSummary =>
  typeof v === 'object' &&
  v !== null &&
  (v as IndexedDocumentSummary).documentId === id &&
  Array.isArray((v as IndexedDocumentSummary).actors);

function isShard(data: unknown, id: string, stamp: Stamp): data is ShardFile {
  if (typeof data !== 'object' || data === null) return false;
  const file = data as Partial<ShardFile>;
  return (
    file.version === ACTOR_INDEX_VERSION &&
    isStamp(file.stamp) &&
    file.stamp[0] === stamp[0] &&
    file.stamp[1] === stamp[1] &&
    typeof file.doc === 'object' &&
    file.doc !== null &&
    file.doc.documentId === id &&
    Array.isArray(file.doc.actors) &&
    typeof file.doc.sentences === 'object' &&
    file.doc.sentences !== null
  );
}

let tempCounter = 0;
/** A temp name removeInterruptedWrites recognises (`.<name>.<pid>.<n>.tmp`), beside the file it replaces. */
const tempOf = (file: string) =>
  path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`);

export class ActorIndexRepository {
  #loading: Promise<Map<string, Entry>> | null = null;
  readonly #dirty = new Set<string>();
  #closed = false;
  #generation = 0;
  #saveTimer: NodeJS.Timeout | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  /** Full entries built since the last save, to be written as shards. */
  readonly #unsaved = new Map<string, IndexedDocument>();
  /** Whether the table changed since the last save. */
  #tableChanged = false;
  /** Full entries read (or built) in this process, most recently used last. */
  readonly #shards = new Map<string, IndexedDocument>();
  /** The identities as last grouped (or read from the table), with what they were grouped from. */
  #grouping: { fingerprint: string; version: number; identities: IndexedIdentities } | null = null;
  /** The grouping read from the table, used when its fingerprint still matches. */
  #storedGrouping: TableFile['grouping'] = null;
  #summaries: { version: number; map: Map<string, IndexedDocumentSummary> } | null = null;
  /** Every analysed document's summary, once read (null before): live or in the trash. */
  #summaryMap: Map<string, IndexedDocumentSummary> | null = null;
  /** Summaries built or dropped (null) before the summaries were read, laid over them when they are. */
  readonly #freshSummaries = new Map<string, IndexedDocumentSummary | null>();
  #summariesChanged = false;
  /** The token the summaries file must carry to go with the table (see TableFile.summaries). */
  #summariesToken: string | null = null;
  /** The table once loaded (for the synchronous save on close). */
  #entries: Map<string, Entry> | null = null;
  /**
   * Changes with `generation` and also when a read brought the table up to date (the first load, a stale entry):
   * what this repository works out from the table (summaries, identities) is kept while it stays.
   */
  #version = 0;

  constructor(private readonly sources: ActorIndexSources) {
    sources.feed.onWrite((change) => {
      if (change.documentId === null) return;
      if (change.kind !== 'analysis' && change.kind !== 'corrections' && change.kind !== 'document') return;
      // Only marked: the entry is built on the next read. Nothing is written for a library that never opens a dossier.
      this.#dirty.add(change.documentId);
      this.#generation++;
      this.#version++;
    });
  }

  /** Changes whenever what the index or the corrections say may have changed: a cache of identities keys on it. */
  get generation(): number {
    return this.#generation;
  }

  /** Every analysed document in the library (not in the trash), summarised, up to date. */
  summaries(): Promise<ReadonlyMap<string, IndexedDocumentSummary>> {
    return this.#serial(() => this.#currentSummaries());
  }

  /**
   * Who is who across the library: the summaries' actors grouped into identities with the reader's corrections.
   * Grouped again only when the names or the corrections changed; otherwise taken from the table.
   */
  identities(): Promise<IndexedIdentities> {
    return this.#serial(async () => {
      const entries = await this.#refresh();
      if (this.#grouping?.version === this.#version) return this.#grouping.identities;
      const corrections = (await this.sources.store.db()).data.corrections;
      const fingerprint = hash(
        [
          ...corrections.map((c) => c.id),
          '',
          ...this.#liveAnalysed(entries)
            .sort()
            .map((id) => `${id}:${entries.get(id)!.names}`),
        ].join('\n'),
      );
      let identities =
        this.#grouping?.fingerprint === fingerprint
          ? this.#grouping.identities
          : this.#storedGrouping?.fingerprint === fingerprint
            ? identitiesFromStore(this.#storedGrouping.identities)
            : null;
      if (!identities) {
        identities = identitiesOfIndex((await this.#currentSummaries()).values(), corrections);
        this.#tableChanged = true;
        this.#scheduleSave();
      }
      this.#storedGrouping = null;
      this.#grouping = { fingerprint, version: this.#version, identities };
      return identities;
    });
  }

  /** How many documents of the library (not in the trash) have been analysed. */
  analysedCount(): Promise<number> {
    return this.#serial(async () => this.#liveAnalysed(await this.#refresh()).length);
  }

  /**
   * The full entries (mentions, sentences, quotations) of these documents, read from their shards; a document with no
   * analysis, or no longer in the library, is left out.
   */
  documentsOf(ids: Iterable<string>): Promise<ReadonlyMap<string, IndexedDocument>> {
    return this.#serial(async () => {
      const entries = await this.#refresh();
      const out = new Map<string, IndexedDocument>();
      for (const id of new Set(ids)) {
        const entry = entries.get(id);
        if (!entry?.analysed) continue;
        const doc = this.#unsaved.get(id) ?? this.#cachedShard(id) ?? this.#readShard(id, entry.stamp);
        if (doc) {
          out.set(id, doc);
          continue;
        }
        // A shard missing, damaged or of another version: the document is indexed again.
        const again = await this.#index(id);
        this.#put(id, again, entries);
        this.#version++;
        if (again.doc) out.set(id, again.doc);
        else {
          const kept = again.entry.analysed ? this.#readShard(id, again.entry.stamp) : null;
          if (kept) out.set(id, kept);
        }
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
    this.#entries = null;
    this.#generation++;
    this.#version++;
    // A save still waiting holds the library as it was before the restore.
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    this.#unsaved.clear();
    this.#shards.clear();
    this.#tableChanged = false;
    this.#grouping = null;
    this.#storedGrouping = null;
    this.#summaries = null;
    this.#summaryMap = null;
    this.#freshSummaries.clear();
    this.#summariesChanged = false;
    this.#summariesToken = null;
  }

  close(): void {
    this.#closed = true;
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
      // Closing is synchronous (on quit): the pending save is written at once. A torn write is only a cache lost.
      if (this.#entries && (this.#tableChanged || this.#summariesChanged || this.#unsaved.size > 0))
        this.#saveSync(this.#entries);
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
    this.#version++;
    this.sources.feed.emit([{ kind: 'library-actor-correction', id, documentId: null, op }]);
  }

  /** One refresh at a time: a background refresh and a read never index the same document twice at once. */
  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#chain.then(run, run);
    this.#chain = next.catch(() => undefined);
    return next;
  }

  get #folder(): string {
    return path.join(this.sources.dataDir, ACTOR_INDEX_FOLDER);
  }

  #shardFile(id: string): string {
    return path.join(this.#folder, `doc-${id}.idx`);
  }

  async #currentSummaries(): Promise<Map<string, IndexedDocumentSummary>> {
    await this.#refresh();
    const all = await this.#loadSummaries();
    if (this.#summaries?.version === this.#version) return this.#summaries.map;
    const map = new Map<string, IndexedDocumentSummary>();
    for (const meta of this.sources.documents.list()) {
      const doc = all.get(meta.id);
      if (doc) map.set(meta.id, doc);
    }
    this.#summaries = { version: this.#version, map };
    return map;
  }

  /** The ids of the library's analysed documents, not in the trash. */
  #liveAnalysed(entries: Map<string, Entry>): string[] {
    return this.sources.documents
      .list()
      .filter((meta) => entries.get(meta.id)?.analysed)
      .map((meta) => meta.id);
  }

  /**
   * Reads the summaries once: from their file when it goes with the table, else (a crash between the two writes, a
   * damaged file) from each document's shard, indexing again a document whose shard is gone too.
   */
  async #loadSummaries(): Promise<Map<string, IndexedDocumentSummary>> {
    if (this.#summaryMap) return this.#summaryMap;
    const entries = await this.#loaded();
    let file: unknown = null;
    try {
      file = JSON.parse(await readFile(path.join(this.#folder, ACTOR_INDEX_SUMMARIES), 'utf8'));
    } catch {
      // Missing or unreadable: built from the shards below.
    }
    const stored = isSummaries(file, this.#summariesToken) ? file.docs : {};
    const map = new Map<string, IndexedDocumentSummary>();
    for (const [id, entry] of [...entries]) {
      if (!entry.analysed || this.#freshSummaries.has(id)) continue;
      const summary = stored[id];
      if (isSummary(summary, id)) {
        map.set(id, summary);
        continue;
      }
      this.#summariesChanged = true;
      const shard = this.#readShard(id, entry.stamp);
      if (shard) map.set(id, summariseIndexedDocument(shard));
      else this.#put(id, await this.#index(id), entries);
    }
    for (const [id, summary] of this.#freshSummaries)
      if (summary) map.set(id, summary);
      else map.delete(id);
    this.#freshSummaries.clear();
    this.#summaryMap = map;
    return map;
  }

  #setSummary(id: string, summary: IndexedDocumentSummary | null): void {
    this.#summariesChanged = true;
    if (!this.#summaryMap) this.#freshSummaries.set(id, summary);
    else if (summary) this.#summaryMap.set(id, summary);
    else this.#summaryMap.delete(id);
  }

  #loaded(): Promise<Map<string, Entry>> {
    return (this.#loading ??= this.#load().then((entries) => (this.#entries = entries)));
  }

  /** Loads the table (checking each entry against its files) once, then indexes what is dirty or missing. */
  async #refresh(): Promise<Map<string, Entry>> {
    const entries = await this.#loaded();
    const live = this.sources.documents.list();
    const liveIds = new Set(live.map((m) => m.id));
    // A document in the trash keeps its entry, for its Undo.
    const trashed = new Set(this.sources.documents.trashed().map((t) => t.id));
    let changed = false;
    for (const id of [...entries.keys()])
      if (!liveIds.has(id) && !trashed.has(id)) {
        entries.delete(id);
        this.#unsaved.delete(id);
        this.#shards.delete(id);
        this.#setSummary(id, null);
        changed = true;
      }
    for (const meta of live) {
      if (entries.has(meta.id) && !this.#dirty.has(meta.id)) continue;
      this.#dirty.delete(meta.id);
      this.#put(meta.id, await this.#index(meta.id, meta), entries);
      changed = true;
    }
    if (changed) {
      // The live set or a document changed: the summaries and the identities' fingerprint are worked out again.
      this.#version++;
      this.#tableChanged = true;
      // Saved shortly after rather than before answering: a read need not wait for the disk, and an entry the save
      // misses (the app stopped first) is found stale by its files' times on the next start.
      this.#scheduleSave();
    }
    return entries;
  }

  /** Keeps a freshly built entry (its shard written with the next save). */
  #put(id: string, built: Built, entries: Map<string, Entry>): void {
    entries.set(id, built.entry);
    this.#setSummary(id, built.summary);
    this.#shards.delete(id);
    if (built.doc) this.#unsaved.set(id, built.doc);
    else this.#unsaved.delete(id);
    this.#tableChanged = true;
    this.#scheduleSave();
  }

  async #load(): Promise<Map<string, Entry>> {
    const entries = new Map<string, Entry>();
    this.#storedGrouping = null;
    try {
      const file = JSON.parse(await readFile(path.join(this.#folder, ACTOR_INDEX_TABLE), 'utf8')) as unknown;
      if (isTable(file)) {
        for (const [id, entry] of Object.entries(file.entries)) entries.set(id, entry);
        this.#storedGrouping = file.grouping;
        this.#summariesToken = file.summaries;
      }
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

  /** A document without an analysis file is stamped [0, 0]: its annotations cannot give it actors. */
  #stampNow(id: string): Stamp {
    const analysis = mtime(this.sources.analysisPath(id));
    return analysis === 0 ? [0, 0] : [analysis, mtime(this.sources.annotationsPath(id))];
  }

  async #index(id: string, meta?: DocumentMeta): Promise<Built> {
    const stamp = this.#stampNow(id);
    const none: Built = { entry: { stamp, analysed: false, names: namesOf(null) }, summary: null, doc: null };
    // No analysis file: nothing to open (a library of thousands of unopened articles opens none of their files).
    if (stamp[0] === 0) return none;
    // The table was lost but the shard is still current (its files and the document's title, source and date
    // unchanged since): it is taken as it is.
    const kept = meta ? this.#readShard(id, stamp) : null;
    if (
      kept &&
      kept.title === meta?.title &&
      kept.source === (meta.siteName || meta.source || meta.title) &&
      kept.publishedDate === meta.publishedDate
    ) {
      const summary = summariseIndexedDocument(kept);
      return { entry: { stamp, analysed: true, names: namesOf(summary) }, summary, doc: null };
    }
    const cache = await this.sources.analysis.cached(id);
    if (!cache) return none;
    const document = await this.sources.documents.get(id);
    const { corrections } = await this.sources.annotations.read(id);
    const shown = applyCorrections(document.body.text, cache.result, corrections);
    const doc = indexDocumentActors(document, document.body.text, shown);
    const summary = summariseIndexedDocument(doc);
    return { entry: { stamp, analysed: true, names: namesOf(summary) }, summary, doc };
  }

  #cachedShard(id: string): IndexedDocument | undefined {
    const doc = this.#shards.get(id);
    if (doc) {
      // Most recently used last.
      this.#shards.delete(id);
      this.#shards.set(id, doc);
    }
    return doc;
  }

  /** A document's full entry from its shard, when the shard is whole, of this version and of the files' stamp. */
  #readShard(id: string, stamp: Stamp): IndexedDocument | null {
    let data: unknown;
    try {
      // Synchronous: a dossier reads a few hundred small files, which the thread pool would only queue.
      data = JSON.parse(readFileSync(this.#shardFile(id), 'utf8'));
    } catch {
      return null;
    }
    if (!isShard(data, id, stamp)) return null;
    this.#shards.set(id, data.doc);
    if (this.#shards.size > SHARD_CACHE) this.#shards.delete(this.#shards.keys().next().value!);
    return data.doc;
  }

  #serialiseTable(entries: Map<string, Entry>): string {
    const grouping = this.#grouping
      ? { fingerprint: this.#grouping.fingerprint, identities: storeIdentities(this.#grouping.identities.identities) }
      : this.#storedGrouping;
    const file: TableFile = {
      version: ACTOR_INDEX_VERSION,
      entries: Object.fromEntries(entries),
      grouping,
      summaries: this.#summariesToken,
    };
    return JSON.stringify(file);
  }

  #serialiseSummaries(summaries: Map<string, IndexedDocumentSummary>): string {
    const file: SummariesFile = {
      version: ACTOR_INDEX_VERSION,
      token: this.#summariesToken!,
      docs: Object.fromEntries(summaries),
    };
    return JSON.stringify(file);
  }

  #scheduleSave(): void {
    if (this.#saveTimer || this.#closed) return;
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      if (!this.#closed)
        void this.#serial(() => this.#save()).catch((error: unknown) => console.error('Actor index:', error));
    }, REFRESH_DELAY_MS);
    this.#saveTimer.unref?.();
  }

  /**
   * The shards first, then the summaries, then the table: a table never names a stamp its shard has not been written
   * with, nor a summaries file not yet written.
   */
  async #save(): Promise<void> {
    const entries = await this.#loaded();
    await mkdir(this.#folder, { recursive: true });
    for (const [id, doc] of [...this.#unsaved]) {
      const entry = entries.get(id);
      this.#unsaved.delete(id);
      if (!entry) continue;
      const file = this.#shardFile(id);
      const temp = tempOf(file);
      const shard: ShardFile = { version: ACTOR_INDEX_VERSION, stamp: entry.stamp, doc };
      // Not flushed to disk: a shard torn by a crash fails its check and is built again.
      await writeFile(temp, JSON.stringify(shard), { mode: 0o600 });
      await rename(temp, file);
      this.#shards.set(id, doc);
    }
    if (this.#summariesChanged) {
      const summaries = await this.#loadSummaries();
      this.#summariesChanged = false;
      this.#summariesToken = randomUUID();
      this.#tableChanged = true;
      await writeFileDurably(path.join(this.#folder, ACTOR_INDEX_SUMMARIES), this.#serialiseSummaries(summaries));
    }
    if (this.#tableChanged) {
      this.#tableChanged = false;
      await writeFileDurably(path.join(this.#folder, ACTOR_INDEX_TABLE), this.#serialiseTable(entries));
    }
    await rm(path.join(this.sources.dataDir, LEGACY_ACTOR_INDEX_FILE), { force: true });
  }

  #saveSync(entries: Map<string, Entry>): void {
    mkdirSync(this.#folder, { recursive: true });
    for (const [id, doc] of this.#unsaved) {
      const entry = entries.get(id);
      if (!entry) continue;
      const file = this.#shardFile(id);
      const temp = tempOf(file);
      writeFileSync(temp, JSON.stringify({ version: ACTOR_INDEX_VERSION, stamp: entry.stamp, doc }), { mode: 0o600 });
      renameSync(temp, file);
    }
    this.#unsaved.clear();
    if (this.#summariesChanged) {
      this.#summariesChanged = false;
      if (this.#summaryMap) {
        this.#summariesToken = randomUUID();
        const file = path.join(this.#folder, ACTOR_INDEX_SUMMARIES);
        const temp = tempOf(file);
        writeFileSync(temp, this.#serialiseSummaries(this.#summaryMap), { mode: 0o600 });
        renameSync(temp, file);
      }
      // Summaries changed but never read (closing cannot wait to read them): the table says there are none to
      // trust, and they are built from the shards when next needed.
      else this.#summariesToken = null;
    }
    const table = path.join(this.#folder, ACTOR_INDEX_TABLE);
    const temp = tempOf(table);
    writeFileSync(temp, this.#serialiseTable(entries), { mode: 0o600 });
    renameSync(temp, table);
    this.#tableChanged = false;
    rmSync(path.join(this.sources.dataDir, LEGACY_ACTOR_INDEX_FILE), { force: true });
  }
}
