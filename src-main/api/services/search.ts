/**
 * The search part of the service: one MiniSearch index over the library (titles, text, highlights, notes, cards),
 * brought up to date before each query by re-indexing only the documents (or the card set) that changed since.
 */
import { CARDS_GROUP, cardEntries, cardsSignature, documentEntries, documentSignature } from '../../core/search/entries';
import { LibraryIndex } from '../../core/search/library-index';
import type { LectioApi } from '../contract';
import type { ServiceDeps } from './deps';

type SearchMethods = Pick<LectioApi, 'search'>;

export function searchMethods(deps: ServiceDeps): SearchMethods {
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
    if (!index.isCurrent(CARDS_GROUP, signature)) index.replaceDocument(CARDS_GROUP, signature, cardEntries(cards, (id) => titles.get(id) ?? null));
  }

  return {
    async search({ query, limit }) {
      await refresh();
      return index.search(query, limit ?? 30);
    },
  };
}
