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
  let from = at >= text.length ? 0 : Math.max(0, at - Math.floor(SNIPPET / 3));
  let to = Math.min(text.length, from + SNIPPET);
  // Cut between words, never inside one ("…ry has tested" for "industry has tested"): the window starts after the
  // space before it and ends at the last space in it, unless a word is longer than the whole window.
  if (from > 0 && /\S/.test(text[from - 1] ?? '')) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < at) from = space + 1;
  }
  if (to < text.length && /\S/.test(text[to] ?? '')) {
    const space = text.lastIndexOf(' ', to);
    if (space > Math.max(from, at)) to = space;
  }
  const cut = text.slice(from, to);
  return `${from > 0 ? '…' : ''}${cut.trim()}${to < text.length ? '…' : ''}`;
}

/** What a search answers: the hits, and while the index is still being built, how far it has got. */
export interface SearchResult {
  hits: SearchHit[];
  /** Documents indexed so far of those to index; null when the index is complete (the hits cover the whole library). */
  indexing: { done: number; total: number } | null;
}
