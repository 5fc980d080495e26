/**
 * The one place every saved change of the library is announced. Each repository reports each write it makes here,
 * once the write is on disk, as one event per record it changed: which kind of record, its id, the document it
 * belongs to, and whether it was put or deleted. Nothing listens yet; sync will (issue #21: a PouchDB replica mirrors
 * every write), so a record kind added later only needs its repository to report it here.
 *
 * Storage's own upkeep is not reported: files restored from a backup (the whole library replaced at once), a damaged
 * file moved aside, a file upgraded as it opens, and a document's highlight count in the index (derived from its
 * highlights, whose own events cover it).
 */

/** What a change is about: each is one record that sync would mirror (or, for derived kinds, recompute). */
export type RecordKind =
  | 'document'
  | 'highlight'
  | 'document-note'
  | 'corrections'
  | 'anchors'
  | 'analysis'
  | 'card'
  | 'review'
  | 'quiz-session'
  | 'hidden-question'
  | 'settings'
  | 'collection'
  | 'document-organisation'
  | 'library-view'
  /** A library-level merge or split of actors across documents (library-actors.json). */
  | 'library-actor-correction'
  | 'date-index'
  | 'event-answer';

/**
 * Kinds that are derived from other records (where highlights anchor in the text; the engine's result), so each
 * device recomputes them rather than letting a synced value win a conflict.
 */
export const DERIVED_KINDS: ReadonlySet<RecordKind> = new Set(['anchors', 'analysis', 'date-index']);

export interface StorageChange {
  kind: RecordKind;
  /** The record's id: a highlight's, a card's, a review's, a session's, a question's; the document's for per-document records; 'settings'. */
  id: string;
  /** The document the record belongs to; null for library-wide records (settings, reviews, quiz history). */
  documentId: string | null;
  /** 'delete' when the record is gone; a document's delete stands for its annotations and analysis as well. */
  op: 'put' | 'delete';
}

export type ChangeListener = (change: StorageChange) => void;

export class ChangeFeed {
  readonly #listeners = new Set<ChangeListener>();
  readonly #replacedListeners = new Set<() => void>();

  /**
   * Calls `listener` whenever the library was replaced as a whole, bypassing the per-record events (a backup
   * restored): sync then compares the whole library with its replica again. Returns the function that stops it.
   */
  onReplaced(listener: () => void): () => void {
    this.#replacedListeners.add(listener);
    return () => this.#replacedListeners.delete(listener);
  }

  /** Tells the `onReplaced` listeners the library was replaced; a listener that throws does not stop the others. */
  replaced(): void {
    for (const listener of this.#replacedListeners) {
      try {
        listener();
      } catch (error) {
        console.error('A storage change listener failed:', error);
      }
    }
  }

  /** Calls `listener` with every change saved from now on; returns the function that stops it. */
  onWrite(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Tells every listener about changes already saved. A listener that throws does not undo the write (it is on disk)
   * nor stop the others hearing of it; its error is reported on the console.
   */
  emit(changes: readonly StorageChange[]): void {
    for (const change of changes) {
      for (const listener of this.#listeners) {
        try {
          listener(change);
        } catch (error) {
          console.error('A storage change listener failed:', error);
        }
      }
    }
  }
}
