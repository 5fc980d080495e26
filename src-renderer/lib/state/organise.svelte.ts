/**
 * The Library's organisation as the screen holds it: collections, each document's tags, collections, archive flag
 * and progress, the remembered sort and filter, the selection (with shift-click ranges), and the deletion whose Undo
 * is open. Every change is saved through the API and applied here from what the service returns.
 */
import type {
  Collection,
  DeletedDocument,
  DocumentOrganisation,
  LectioApi,
  LibraryView,
  OrganiseDocumentsInput,
} from '@contract';
import { DEFAULT_LIBRARY_VIEW, EMPTY_ORGANISATION } from '@core/library/organisation';
import { errorMessage } from '../api-client.svelte';
import { libraryFilter } from './library-view.svelte';

/** How long the Undo of a deletion stays on screen before the documents are purged for good. */
export const UNDO_MS = 10_000;
/** How long after the last change of sort or filter it is saved. */
const VIEW_SAVE_MS = 400;

export class OrganiseState {
  collections = $state<Collection[]>([]);
  // Raw: replaced whole on each change, and read for thousands of rows.
  records = $state.raw<Record<string, DocumentOrganisation>>({});
  view = $state.raw<LibraryView>(DEFAULT_LIBRARY_VIEW);
  /** Due flashcards per document; loaded only when a sort or filter needs them (it opens the cards file). */
  due = $state.raw<Record<string, number> | null>(null);
  selected = $state.raw<ReadonlySet<string>>(new Set());
  /** The documents deleted whose Undo is on screen. */
  deleted = $state.raw<DeletedDocument[]>([]);
  error = $state<string | null>(null);
  #anchor: string | null = null;
  #viewTimer: ReturnType<typeof setTimeout> | undefined;
  #viewUnsaved = false;

  constructor(private readonly api: LectioApi) {}

  of(id: string): DocumentOrganisation {
    return this.records[id] ?? EMPTY_ORGANISATION;
  }

  async load(): Promise<void> {
    try {
      const org = await this.api.getOrganisation({});
      this.collections = org.collections;
      this.records = org.documents;
      this.view = org.view;
      this.#share();
      this.deleted = org.deleted;
      if (org.view.sort === 'due' || org.view.filter.due) await this.loadDue();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /**
   * Reads the collections, each document's record and the due counts again (they arrived from another device),
   * keeping what is the reader's own here: the sort and filter on screen, and the selection (`keepSelected` drops
   * what is gone once the list is read again).
   */
  async refresh(): Promise<void> {
    const org = await this.#run(() => this.api.getOrganisation({}));
    if (!org) return;
    this.collections = org.collections;
    this.records = org.documents;
    this.deleted = org.deleted;
    if (this.due) {
      const due = await this.#run(() => this.api.getDueByDocument({}));
      if (due) this.due = due;
    }
    this.#share();
  }

  /** Unselects the documents no longer in the library (deleted on another device). */
  keepSelected(live: ReadonlySet<string>): void {
    if ([...this.selected].every((id) => live.has(id))) return;
    this.selected = new Set([...this.selected].filter((id) => live.has(id)));
  }

  async loadDue(): Promise<void> {
    if (this.due) return;
    this.due = await this.api.getDueByDocument({});
  }

  /** Shows the new view at once and remembers it; a failure to save is reported, the view stays. */
  async setView(view: LibraryView): Promise<void> {
    // A new filter may hide selected documents: the selection is dropped rather than acting on what is not shown.
    if (JSON.stringify(view.filter) !== JSON.stringify(this.view.filter)) this.selected = new Set();
    this.view = view;
    this.#share();
    if (view.sort === 'due' || view.filter.due) await this.#run(() => this.loadDue());
    // Saved a moment after the last change: clicking through the sorts rewrites the organisation file once, not on
    // every click (it holds every document's record). Leaving the Library saves at once (flushView).
    clearTimeout(this.#viewTimer);
    this.#viewTimer = setTimeout(() => void this.flushView(), VIEW_SAVE_MS);
    this.#viewUnsaved = true;
  }

  /** Saves the view now if a change of it is waiting. */
  async flushView(): Promise<void> {
    clearTimeout(this.#viewTimer);
    if (!this.#viewUnsaved) return;
    this.#viewUnsaved = false;
    await this.#run(() => this.api.setLibraryView({ view: $state.snapshot(this.view) as LibraryView }));
  }

  filterBy(change: Partial<LibraryView['filter']>): Promise<void> {
    return this.setView({ ...this.view, filter: { ...this.view.filter, ...change } });
  }

  async createCollection(name: string): Promise<Collection | null> {
    return this.#run(async () => {
      const created = await this.api.createCollection({ name });
      this.collections = [...this.collections, created];
      return created;
    });
  }

  async renameCollection(id: string, name: string): Promise<boolean> {
    const renamed = await this.#run(() => this.api.renameCollection({ id, name }));
    if (renamed) this.collections = this.collections.map((c) => (c.id === id ? renamed : c));
    return renamed !== null;
  }

  /** Deletes the collection; its documents stay. Shows the whole library if it was the one shown. */
  async deleteCollection(id: string): Promise<void> {
    await this.#run(() => this.api.deleteCollection({ id }));
    this.collections = this.collections.filter((c) => c.id !== id);
    this.records = Object.fromEntries(
      Object.entries(this.records).map(([doc, org]) => [
        doc,
        { ...org, collections: org.collections.filter((c) => c !== id) },
      ]),
    );
    if (this.view.filter.collection === id) await this.filterBy({ collection: null });
  }

  async organise(
    input: Omit<OrganiseDocumentsInput, 'ids'>,
    ids: readonly string[] = [...this.selected],
  ): Promise<boolean> {
    if (ids.length === 0) return false;
    const saved = await this.#run(() => this.api.organiseDocuments({ ...input, ids: [...ids] }));
    if (saved) this.records = { ...this.records, ...saved };
    return saved !== null;
  }

  async setTags(id: string, tags: string[]): Promise<boolean> {
    const saved = await this.#run(() => this.api.setDocumentTags({ id, tags }));
    if (saved) this.records = { ...this.records, [id]: saved };
    return saved !== null;
  }

  /**
   * Selects or unselects `id`. With `range` (shift held), every document shown between the last one toggled and this
   * one takes the same state, as in a file manager.
   */
  toggle(id: string, shown: readonly { id: string }[], range: boolean): void {
    const next = new Set(this.selected);
    const on = !next.has(id);
    const from = range && this.#anchor ? shown.findIndex((doc) => doc.id === this.#anchor) : -1;
    const to = shown.findIndex((doc) => doc.id === id);
    if (from >= 0 && to >= 0) {
      for (const doc of shown.slice(Math.min(from, to), Math.max(from, to) + 1)) {
        if (on) next.add(doc.id);
        else next.delete(doc.id);
      }
    } else if (on) next.add(id);
    else next.delete(id);
    this.#anchor = id;
    this.selected = next;
  }

  selectAll(shown: readonly { id: string }[], on: boolean): void {
    this.selected = on ? new Set(shown.map((doc) => doc.id)) : new Set();
    this.#anchor = null;
  }

  /** Deletes with Undo: the documents are hidden now and kept whole until `purge`. Returns the ids deleted. */
  async deleteDocuments(ids: readonly string[]): Promise<string[]> {
    const result = await this.#run(() => this.api.deleteDocuments({ ids: [...ids] }));
    if (!result) return [];
    this.deleted = [...this.deleted, ...result.deleted];
    this.selected = new Set([...this.selected].filter((id) => !ids.includes(id)));
    return result.deleted.map((doc) => doc.id);
  }

  /** Brings back the deleted documents on screen; returns their summaries for the list. */
  async undoDelete() {
    const ids = this.deleted.map((doc) => doc.id);
    const result = await this.#run(() => this.api.undoDeleteDocuments({ ids }));
    if (result) this.deleted = [];
    return result?.documents ?? [];
  }

  /** The Undo has lapsed: the deleted documents go for good. */
  async purge(): Promise<void> {
    const ids = this.deleted.map((doc) => doc.id);
    if (ids.length === 0) return;
    this.deleted = [];
    await this.#run(() => this.api.purgeDeletedDocuments({ ids }));
  }

  /** Tells the search dialog what the Library shows, in words ("collection Week 3, #korea"). */
  #share(): void {
    const { filter } = this.view;
    const parts = [
      filter.archived ? 'archived' : '',
      filter.collection ? `collection ${this.collections.find((c) => c.id === filter.collection)?.name ?? ''}` : '',
      filter.tag ? `#${filter.tag}` : '',
      filter.source ? `source ${filter.source}` : '',
      filter.progress ?? '',
      filter.due ? 'with due cards' : '',
    ];
    libraryFilter.current = structuredClone($state.snapshot(filter));
    libraryFilter.label = parts.filter(Boolean).join(', ');
  }

  async #run<T>(call: () => Promise<T>): Promise<T | null> {
    try {
      const value = await call();
      this.error = null;
      return value;
    } catch (error) {
      this.error = errorMessage(error);
      return null;
    }
  }
}
