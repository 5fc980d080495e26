/**
 * What the library's full-text index holds and finds: titles, every paragraph, highlights with their notes and tags,
 * document notes and cards (the index itself is an SQLite FTS5 file kept by storage, storage/search-index.ts).
 */

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

/** What a search answers: the hits, and while the index is still being built, how far it has got. */
export interface SearchResult {
  hits: SearchHit[];
  /** Documents indexed so far of those to index; null when the index is complete (the hits cover the whole library). */
  indexing: { done: number; total: number } | null;
}
