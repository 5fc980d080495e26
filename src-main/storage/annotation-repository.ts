/**
 * Each document's annotations (`annotations/<id>.json`): its highlights with where they anchor in its current text,
 * its note, and the reader's corrections of the engine's actors and dates. Every change runs under the file's lock,
 * so concurrent calls never lose each other's work, and goes through `#write`, which saves it, keeps the index's
 * highlight count in step, and reports it to the change feed.
 */
import type { Corrections } from '../core/analysis/corrections';
import type { Highlight } from '../core/annotations/highlight';
import type { Anchored } from '../core/anchoring/anchor';
import type { ChangeFeed, StorageChange } from './change-feed';
import type { DocumentRepository } from './document-repository';
import type { AnchorCache, AnnotationsFile } from './file-schemas';
import type { PerDocumentStore } from './per-document-store';

/** A document's annotations as read: the stored data itself, typed so that a reader cannot change it by mistake. */
export type AnnotationsView = Readonly<Omit<AnnotationsFile, 'highlights'>> & {
  readonly highlights: readonly Highlight[];
};

/** Anchors found in the text named `textKey`, by highlight id (null: the highlight is an orphan there). */
export type FoundAnchors = Record<string, Anchored | null>;

/** The stored anchors when they were made for this text; an empty cache for it otherwise. */
export function anchorsFor(data: Pick<AnnotationsFile, 'anchors'>, textKey: string): AnchorCache {
  return data.anchors?.textKey === textKey ? data.anchors : { textKey, at: {} };
}

/** Records anchors in the file (made for `textKey`), dropping those of highlights it no longer holds. */
function storeAnchors(data: AnnotationsFile, textKey: string, found: FoundAnchors): void {
  const previous = anchorsFor(data, textKey).at;
  const at: FoundAnchors = {};
  for (const { id } of data.highlights) {
    const value = id in found ? found[id] : previous[id];
    if (value !== undefined) at[id] = value;
  }
  data.anchors = { textKey, at };
}

export class AnnotationRepository {
  constructor(
    private readonly files: PerDocumentStore<AnnotationsFile>,
    private readonly documents: DocumentRepository,
    private readonly feed: ChangeFeed,
  ) {}

  /**
   * The document's annotations as they are now (an empty set for a document never annotated). The stored data itself,
   * not a copy (a document can hold thousands of highlights): read it, and change it only through the methods below.
   */
  async read(documentId: string): Promise<AnnotationsView> {
    return (await this.files.get(documentId)).data;
  }

  /** As `read`, without keeping the file open (the search index reads every document once; see PerDocumentStore.peek). */
  peek(documentId: string): Promise<AnnotationsView> {
    return this.files.peek(documentId);
  }

  /** Adds a highlight, with where it anchors in the text named `textKey`. */
  async addHighlight(
    documentId: string,
    highlight: Highlight,
    textKey: string,
    anchor: Anchored | null,
  ): Promise<void> {
    await this.#write(documentId, (data) => {
      data.highlights = [...data.highlights, highlight];
      storeAnchors(data, textKey, { [highlight.id]: anchor });
      return { result: undefined, changes: [this.#highlight(documentId, highlight.id, 'put')] };
    });
  }

  /**
   * Replaces highlight `id` by what `edit` makes of it as stored when the lock is held, so concurrent edits of one
   * highlight (its colour from one call, its note from another) both survive. `edit` is given undefined when there is
   * no such highlight, and may throw, which leaves the file as it was. Returns the highlight as saved.
   */
  editHighlight(
    documentId: string,
    id: string,
    edit: (current: Highlight | undefined) => Highlight,
    textKey: string,
  ): Promise<Highlight> {
    return this.#write(documentId, (data) => {
      const updated = edit(data.highlights.find((h) => h.id === id));
      data.highlights = data.highlights.map((h) => (h.id === id ? updated : h));
      storeAnchors(data, textKey, {});
      return { result: updated, changes: [this.#highlight(documentId, id, 'put')] };
    });
  }

  async deleteHighlight(documentId: string, id: string, textKey: string): Promise<void> {
    await this.#write(documentId, (data) => {
      data.highlights = data.highlights.filter((h) => h.id !== id);
      storeAnchors(data, textKey, {});
      return { result: undefined, changes: [this.#highlight(documentId, id, 'delete')] };
    });
  }

  /** Puts back a deleted highlight as it was (replacing one of the same id), with where it anchors now. */
  async restoreHighlight(
    documentId: string,
    highlight: Highlight,
    textKey: string,
    anchor: Anchored | null,
  ): Promise<void> {
    await this.#write(documentId, (data) => {
      data.highlights = [...data.highlights.filter((h) => h.id !== highlight.id), highlight];
      storeAnchors(data, textKey, { [highlight.id]: anchor });
      return { result: undefined, changes: [this.#highlight(documentId, highlight.id, 'put')] };
    });
  }

  /** Adds imported highlights, skipping any whose id the document already holds; returns how many were added. */
  importHighlights(
    documentId: string,
    fresh: readonly Highlight[],
    textKey: string,
    anchors: FoundAnchors,
  ): Promise<number> {
    return this.#write(documentId, (data) => {
      const here = new Set(data.highlights.map((h) => h.id));
      const added = fresh.filter((h) => !here.has(h.id));
      data.highlights = [...data.highlights, ...added];
      storeAnchors(data, textKey, anchors);
      return { result: added.length, changes: added.map((h) => this.#highlight(documentId, h.id, 'put')) };
    });
  }

  /** Records where highlights anchor in the text named `textKey` (found once per version of the text). */
  async storeAnchors(documentId: string, textKey: string, found: FoundAnchors): Promise<void> {
    await this.#write(documentId, (data) => {
      storeAnchors(data, textKey, found);
      return { result: undefined, changes: [{ kind: 'anchors', id: documentId, documentId, op: 'put' }] };
    });
  }

  async setDocumentNote(documentId: string, note: string): Promise<void> {
    await this.#write(documentId, (data) => {
      data.documentNote = note;
      return { result: undefined, changes: [{ kind: 'document-note', id: documentId, documentId, op: 'put' }] };
    });
  }

  /**
   * Replaces the reader's corrections of the engine's result by what `change` makes of them as stored when the lock
   * is held; `change` may throw, which leaves the file as it was. Returns the corrections as saved.
   */
  correct(documentId: string, change: (current: Corrections) => Corrections): Promise<Corrections> {
    return this.#write(documentId, (data) => {
      data.corrections = change(data.corrections);
      return { result: data.corrections, changes: [{ kind: 'corrections', id: documentId, documentId, op: 'put' }] };
    });
  }

  /**
   * Applies what sync received for this document in one write (issue #21): highlights put as they are (replacing any
   * of the same id), highlights removed by id, and the note and corrections when given. The anchors of the highlights
   * it touches are dropped, to be found again when the document is next read. Reported like any write.
   */
  applySynced(
    documentId: string,
    synced: { put: readonly Highlight[]; remove: readonly string[]; documentNote?: string; corrections?: Corrections },
  ): Promise<void> {
    return this.#write(documentId, (data) => {
      const touched = new Set([...synced.put.map((h) => h.id), ...synced.remove]);
      const kept = data.highlights.filter((h) => !touched.has(h.id));
      const removed = synced.remove.filter((id) => data.highlights.some((h) => h.id === id));
      data.highlights = [...kept, ...synced.put];
      if (data.anchors) {
        const at = Object.fromEntries(Object.entries(data.anchors.at).filter(([id]) => !touched.has(id)));
        data.anchors = { textKey: data.anchors.textKey, at };
      }
      const changes: StorageChange[] = [
        ...synced.put.map((h) => this.#highlight(documentId, h.id, 'put')),
        ...removed.map((id) => this.#highlight(documentId, id, 'delete')),
      ];
      if (synced.documentNote !== undefined) {
        data.documentNote = synced.documentNote;
        changes.push({ kind: 'document-note', id: documentId, documentId, op: 'put' });
      }
      if (synced.corrections !== undefined) {
        data.corrections = synced.corrections;
        changes.push({ kind: 'corrections', id: documentId, documentId, op: 'put' });
      }
      return { result: undefined, changes };
    });
  }

  #highlight(documentId: string, id: string, op: StorageChange['op']): StorageChange {
    return { kind: 'highlight', id, documentId, op };
  }

  /**
   * The one place an annotations file is changed: `change` runs under the file's lock and says what it changed; the
   * file is saved (or left as it was when `change` throws or the write fails), the index's highlight count follows a
   * change of highlights, and the changes are reported once saved.
   */
  async #write<R>(
    documentId: string,
    change: (data: AnnotationsFile) => { result: R; changes: StorageChange[] },
  ): Promise<R> {
    const { result, changes, highlightCount } = await this.files.update(documentId, (data) => ({
      ...change(data),
      highlightCount: data.highlights.length,
    }));
    if (changes.some((c) => c.kind === 'highlight')) await this.documents.setHighlightCount(documentId, highlightCount);
    this.feed.emit(changes);
    return result;
  }
}
