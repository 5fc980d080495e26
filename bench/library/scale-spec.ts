/**
 * The library of issue #20's "Scale" part, at three sizes: `full` is the issue's (5,000 documents, 5 million words,
 * 100,000 highlights, 50,000 cards, a million review logs); `small` is a tenth of it for a quick check; `tiny` is what
 * a unit test can afford. Every size is built from the same seed, so a size always makes the same library.
 */
import os from 'node:os';
import path from 'node:path';

export type ScaleSize = 'full' | 'small' | 'tiny';

export interface ScaleSpec {
  size: ScaleSize;
  seed: number;
  documents: number;
  /** Words per document, drawn evenly from this range (a mean of 1,000 makes 5 million words for 5,000). */
  minWords: number;
  maxWords: number;
  highlights: number;
  cards: number;
  reviews: number;
}

const FULL: Omit<ScaleSpec, 'size'> = {
  seed: 20261207,
  documents: 5000,
  minWords: 600,
  maxWords: 1400,
  highlights: 100_000,
  cards: 50_000,
  reviews: 1_000_000,
};

export function scaleSpec(size: ScaleSize): ScaleSpec {
  const part = size === 'full' ? 1 : size === 'small' ? 10 : 250;
  return {
    ...FULL,
    size,
    documents: FULL.documents / part,
    highlights: FULL.highlights / part,
    cards: FULL.cards / part,
    reviews: FULL.reviews / part,
  };
}

/** Bump when the generated content or layout changes, so cached libraries are built again. */
export const SCALE_GENERATOR_VERSION = 1;

/**
 * Where generated libraries are kept between runs: outside the repository (the full one is about a gigabyte), in
 * `LECTIO_BENCH_CACHE` or the user's cache folder.
 */
export function scaleCacheDir(): string {
  return (
    process.env.LECTIO_BENCH_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'lectio-bench')
  );
}

export interface ScaleManifest {
  spec: ScaleSpec;
  generator: number;
  documents: number;
  words: number;
  highlights: number;
  cards: number;
  reviews: number;
  /** Bytes on disk: everything, the document files alone, and the review log. */
  bytes: number;
  documentBytes: number;
  reviewBytes: number;
  /** Words a search benchmark can look for: frequent, rare, and a two-word query, all present in the library. */
  queries: string[];
  /** Seconds the generation took. */
  seconds: number;
}
