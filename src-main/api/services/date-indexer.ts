/**
 * Keeps the library's date index up to date: each write of a document's analysis or corrections (and each change of
 * a document: its published date, a delete) reported on the change feed marks that document's entry stale, and the
 * next timeline rebuilds just those entries (so a write costs nothing more until the timeline is wanted, and reports
 * nothing but itself). Once per opened library (again after a restore), every entry is checked against its files'
 * stamps, so entries that went stale behind the feed (another process; Lectio quitting before the next timeline) and
 * missing ones are rebuilt. Then the timeline reads only the index.
 */
import { applyCorrections } from '../../core/analysis/corrections';
import { indexedEvents, type DateIndexEntry } from '../../core/library/date-index';
import type { DocumentMeta } from '../../core/model';
import type { ServiceStorage } from './deps';

const WATCHED = new Set(['analysis', 'corrections', 'document']);

export class DateIndexer {
  readonly #dirty = new Set<string>();
  /** The work under way, one piece at a time: entries of one document are never written out of order. */
  #work: Promise<void> = Promise.resolve();

  constructor(private readonly storage: ServiceStorage) {
    storage.changes.onWrite((change) => {
      if (!WATCHED.has(change.kind) || !change.documentId) return;
      this.#dirty.add(change.documentId);
    });
  }

  /** The index, brought up to date (rebuilt where missing or stale); reads no analysis when it already is. */
  async entries(): Promise<DateIndexEntry[]> {
    await this.#enqueue(async () => {
      if (!this.storage.dateIndex.checked) await this.#check();
      await this.#flushDirty();
    });
    return this.storage.dateIndex.entries();
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#work.then(task);
    // A failed update leaves its documents dirty for the next run (its caller hears of it); it must not stop the queue.
    this.#work = run.catch(() => undefined);
    return run;
  }

  async #flushDirty(): Promise<void> {
    const ids = [...this.#dirty];
    this.#dirty.clear();
    try {
      await this.#rebuild(ids);
    } catch (error) {
      for (const id of ids) this.#dirty.add(id);
      throw error;
    }
  }

  /** Compares every stored entry with its files' stamp: rebuilds what differs, drops entries of documents gone. */
  async #check(): Promise<void> {
    const listed = this.storage.documents.list();
    // Together: the stats wait on the disk while the index files are parsed.
    const [entries, stamps] = await Promise.all([
      this.storage.dateIndex.entries(),
      this.storage.dateIndex.stamps(listed.map((meta) => meta.id)),
    ]);
    const stored = new Map(entries.map((entry) => [entry.documentId, entry]));
    const stale = listed
      .filter((meta) => {
        const stamp = stamps.get(meta.id) ?? null;
        const entry = stored.get(meta.id);
        return stamp === null ? entry !== undefined : entry?.stamp !== stampOf(stamp, meta.publishedDate);
      })
      .map((meta) => meta.id);
    const ids = new Set(listed.map((meta) => meta.id));
    const gone = [...stored.keys()].filter((id) => !ids.has(id));
    await this.#rebuild([...stale, ...gone]);
    this.storage.dateIndex.markChecked();
  }

  /**
   * Builds these documents' entries again from their analyses, saved in batches of one write per bucket (large
   * batches: each batch rewrites every bucket it touches, and 200 documents touch nearly all 64).
   */
  async #rebuild(ids: readonly string[]): Promise<void> {
    const BATCH = 2000;
    const metas = new Map(this.storage.documents.list().map((meta) => [meta.id, meta]));
    for (let i = 0; i < ids.length; i += BATCH) {
      const built: DateIndexEntry[] = [];
      const removed: string[] = [];
      for (const id of ids.slice(i, i + BATCH)) {
        const entry = await this.#build(id, metas.get(id));
        if (entry) built.push(entry);
        else removed.push(id);
      }
      await this.storage.dateIndex.save(built, removed);
    }
  }

  /** The document's entry as the Reader's Timeline would show its dates; null when it is gone or never analysed. */
  async #build(id: string, meta: DocumentMeta | undefined): Promise<DateIndexEntry | null> {
    if (!meta) return null;
    const sources = await this.storage.dateIndex.sourcesOf(id);
    if (!sources) return null;
    const { cache, corrections } = sources;
    let current = cache.referenceDate === meta.publishedDate;
    // Only actors the reader split off or added are found in the text; other corrections need none of it.
    const needsText = corrections.splits.length > 0 || corrections.added.length > 0;
    const text = needsText ? (await this.storage.documents.get(id)).body.text : '';
    if (needsText && text.length !== cache.textLength) current = false;
    const shown = applyCorrections(text, cache.result, corrections);
    return {
      documentId: id,
      stamp: stampOf(sources.stamp, meta.publishedDate),
      current,
      events: current ? indexedEvents(shown.dates) : [],
    };
  }
}

/** The files' stamp with the published date the analysis must match (kept in the index file, not the analysis's). */
function stampOf(files: string, publishedDate: string | null): string {
  return `${files}|${publishedDate ?? ''}`;
}
