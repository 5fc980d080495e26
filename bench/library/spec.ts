/** What the benchmark library holds (sizes, seed) and what the generator reports back about what it wrote. */

export interface LibrarySpec {
  seed: number;
  /** Documents in total, the sample article and the two long copies included. */
  documents: number;
  /** Highlights in total across the library. */
  highlights: number;
  cards: number;
  /** Words in the long article; it is stored twice, once with each of `longHighlights`. */
  longArticleWords: number;
  longHighlights: readonly [number, number];
  /** Word count range of the other documents. */
  minWords: number;
  maxWords: number;
}

/** The library the issue asks for: a 100,000-word article, 1,000 documents, 50,000 highlights, 20,000 cards. */
export const FULL_SPEC: LibrarySpec = {
  seed: 20260501,
  documents: 1000,
  highlights: 50_000,
  cards: 20_000,
  longArticleWords: 100_000,
  longHighlights: [1000, 5000],
  minWords: 800,
  maxWords: 4000,
};

/** Fixed ids so the browser benchmarks can open documents by route. */
export const LONG_IDS = { few: 'long-few', many: 'long-many' } as const;

/** The published date every generated document carries (it anchors relative dates). */
export const PUBLISHED_DATE = '2026-03-14';

export interface LibraryManifest {
  spec: LibrarySpec;
  /** Version of the generator that wrote the folder; a mismatch regenerates it. */
  generator: number;
  documents: number;
  highlights: number;
  /** Cards written through the card store, and a note on their review history. */
  cards: number;
  cardsNote: string;
  /** Bytes of JSON in the folder. */
  bytes: number;
  /** The highlights of each long copy as canonical-text spans, in stored order. */
  longSpans: { few: { start: number; end: number }[]; many: { start: number; end: number }[] };
}
