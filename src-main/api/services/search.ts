/**
 * The search part of the service: one MiniSearch index over the library (titles, text, highlights, notes, cards),
 * brought up to date before each query by re-indexing only the documents (or the card set) that changed since.
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

  async function refresh(): Promise<void> {
    const listed = storage.documents.list();
    const ids = new Set(listed.map((meta) => meta.id));
    for (const id of index.documents()) if (!ids.has(id) && id !== CARDS_GROUP) index.removeDocument(id);
    for (const meta of listed) {
      const annotations = await storage.annotations.read(meta.id);
      const signature = documentSignature(meta, annotations.highlights, annotations.documentNote);
      if (index.isCurrent(meta.id, signature)) continue;
      const doc = await storage.documents.get(meta.id);
      index.replaceDocument(meta.id, signature, documentEntries(doc, annotations.highlights, annotations.documentNote));
    }
    await storage.cards.ready();
    const cards = storage.cards.all();
    const titles = new Map(listed.map((meta) => [meta.id, meta.title]));
    const signature = `${cardsSignature(cards)}|${[...titles.values()].join('|')}`;
    if (!index.isCurrent(CARDS_GROUP, signature))
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
