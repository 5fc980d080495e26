/**
 * The search part of the service: one MiniSearch index over the library (titles, text, highlights, notes, cards),
 * brought up to date before each query by re-indexing only the documents (or the card set) that changed since. What
 * changed is heard on the change feed, so a query checks only those documents, not all 5,000 of a large library (their
 * signatures alone took longer than the search); a restore from a backup, which the feed does not carry, and the first
 * query check them all.
 */
import {
  CARDS_GROUP,
  cardEntries,
  cardsSignature,
  documentEntries,
  documentSignature,
} from '../../core/search/entries';
import { LibraryIndex } from '../../core/search/library-index';
import { EMPTY_ORGANISATION } from '../../core/library/organisation';
import { matchesFilter } from '../../core/library/query';
import type { LectioApi } from '../contract';
import type { ServiceDeps } from './deps';

type SearchMethods = Pick<LectioApi, 'search'>;

/** `peers`: the part of the API a filter on due cards asks (absent: that filter part is ignored). */
export function searchMethods(deps: ServiceDeps, peers?: () => Pick<LectioApi, 'getDueByDocument'>): SearchMethods {
  const { storage } = deps;
  const index = new LibraryIndex();
  // Documents changed since the last query ('all' at first and after a restore), and whether any card or title did.
  let dirty: Set<string> | 'all' = 'all';
  let cardsDirty = true;
  let restores = storage.restores;
  storage.changes.onWrite((change) => {
    if (change.kind === 'card' || change.kind === 'document') cardsDirty = true;
    if (dirty === 'all') return;
    if (change.documentId) dirty.add(change.documentId);
    else if (change.kind === 'document') dirty.add(change.id);
  });

  async function refresh(): Promise<void> {
    try {
      await update();
    } catch (error) {
      // A read failed part way: everything is checked again next time rather than trusting a half-made update.
      dirty = 'all';
      cardsDirty = true;
      throw error;
    }
  }

  async function update(): Promise<void> {
    if (restores !== storage.restores) {
      restores = storage.restores;
      dirty = 'all';
      cardsDirty = true;
    }
    const changed = dirty;
    dirty = new Set();
    const listed = storage.documents.list();
    // Deleted (or moved to the Undo) documents leave, and documents listed but not indexed (back from an Undo) come
    // in, whatever the feed said: both are one pass over ids.
    const ids = new Set(listed.map((meta) => meta.id));
    const indexed = new Set(index.documents());
    for (const id of indexed) if (!ids.has(id) && id !== CARDS_GROUP) index.removeDocument(id);
    for (const meta of listed) {
      if (changed !== 'all' && !changed.has(meta.id) && indexed.has(meta.id)) continue;
      const annotations = await storage.annotations.read(meta.id);
      const signature = documentSignature(meta, annotations.highlights, annotations.documentNote);
      // Indexed again even when its signature looks the same: an edit within the clock's tick, or a restored file.
      const doc = await storage.documents.get(meta.id);
      index.replaceDocument(meta.id, signature, documentEntries(doc, annotations.highlights, annotations.documentNote));
    }
    if (!cardsDirty) return;
    cardsDirty = false;
    await storage.cards.ready();
    const cards = storage.cards.all();
    const titles = new Map(listed.map((meta) => [meta.id, meta.title]));
    const signature = `${cardsSignature(cards)}|${[...titles.values()].join('|')}`;
    index.replaceDocument(
      CARDS_GROUP,
      signature,
      cardEntries(cards, (id) => titles.get(id) ?? null),
    );
  }

  return {
    async search({ query, limit, filter }) {
      await refresh();
      if (!filter) return index.search(query, limit ?? 30);
      // The Library's filter, over the same index fields and organisation (due cards are counted only if asked for).
      const due = filter.due && peers ? await peers().getDueByDocument({}) : null;
      const organised = storage.organisation.documents();
      const shown = new Set(
        storage.documents
          .list()
          .filter((meta) => matchesFilter(meta, organised[meta.id] ?? EMPTY_ORGANISATION, due, filter))
          .map((meta) => meta.id),
      );
      return index.search(query, limit ?? 30, (documentId) => shown.has(documentId));
    },
  };
}
