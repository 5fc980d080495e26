/**
 * One full-text index over the whole library (MiniSearch): titles, every paragraph, highlights with their notes and
 * tags, document notes and cards. Entries are grouped by document so a changed document is re-indexed alone.
 */
import MiniSearch from 'minisearch';

export type SearchHitKind = 'title' | 'passage' | 'highlight' | 'note' | 'card';

export interface SearchEntry {
  id: string;
  kind: SearchHitKind;
  documentId: string;
  title: string;
  /** The searchable text: a paragraph, a quote with its note and tags, a card's two sides. */
  text: string;
  start: number;
  end: number;
}

export interface SearchHit {
  kind: SearchHitKind;
  documentId: string;
  title: string;
  snippet: string;
  start: number;
  end: number;
  score: number;
}

const SNIPPET = 160;

/** A window of `text` around the first query term found in it, with ellipses where it was cut. */
export function snippet(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  const at = Math.max(
    0,
    Math.min(...terms.map((term) => lower.indexOf(term.toLowerCase())).filter((i) => i >= 0), text.length),
  );
  const from = at >= text.length ? 0 : Math.max(0, at - SNIPPET / 3);
  const cut = text.slice(from, from + SNIPPET);
  return `${from > 0 ? '…' : ''}${cut.trim()}${from + SNIPPET < text.length ? '…' : ''}`;
}

export class LibraryIndex {
  readonly #search = new MiniSearch<SearchEntry>({
    fields: ['title', 'text'],
    storeFields: ['kind', 'documentId', 'title', 'text', 'start', 'end'],
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  readonly #byDocument = new Map<string, { signature: string; ids: string[] }>();

  /** True when the document's entries were built from data with this signature. */
  isCurrent(documentId: string, signature: string): boolean {
    return this.#byDocument.get(documentId)?.signature === signature;
  }

  /** Replaces every entry of one document. */
  replaceDocument(documentId: string, signature: string, entries: readonly SearchEntry[]): void {
    this.removeDocument(documentId);
    this.#search.addAll(entries);
    this.#byDocument.set(documentId, { signature, ids: entries.map((entry) => entry.id) });
  }

  removeDocument(documentId: string): void {
    const old = this.#byDocument.get(documentId);
    if (!old) return;
    for (const id of old.ids) this.#search.discard(id);
    this.#byDocument.delete(documentId);
  }

  documents(): string[] {
    return [...this.#byDocument.keys()];
  }

  /** The best hits for `query`, at most `limit`, only in documents `accept` takes when given; an empty query finds nothing. */
  search(query: string, limit: number, accept?: (documentId: string) => boolean): SearchHit[] {
    if (!query.trim()) return [];
    const found = this.#search.search(
      query,
      accept ? { filter: (result) => accept((result as unknown as SearchEntry).documentId) } : {},
    );
    return found.slice(0, limit).map((result) => {
      const entry = result as unknown as SearchEntry & { score: number; terms: string[] };
      return {
        kind: entry.kind,
        documentId: entry.documentId,
        title: entry.title,
        snippet: entry.kind === 'title' ? entry.title : snippet(entry.text, entry.terms),
        start: entry.start,
        end: entry.end,
        score: entry.score,
      };
    });
  }
}
