/**
 * Finds and scores candidate places for a quote in a text, after Hypothesis's `matchQuote`: exact hits, approximate
 * hits (Myers' bit-parallel edit distance via approx-string-match), each scored on quote, prefix, suffix and position.
 */
import approxSearch from 'approx-string-match';

/** What the quote selector remembers about where the quote was. */
export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Expected start offset (the old TextPositionSelector start), if known. */
  hint: number | undefined;
}

export interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the quote and text[start, end). */
  errors: number;
}

export interface ScoredCandidate extends Candidate {
  /** 0..1; 1 is the quote verbatim with both contexts verbatim at the expected position. */
  score: number;
}

// Hypothesis's weights: the quote dominates, each context side counts less, and position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Past this many verbatim hits (a one-word quote), only the ones with the most verbatim context are scored. */
const MAX_SCORED_EXACT = 64;
/** Context-guided search looks inside at most this many spans (repeated identical paragraphs yield several). */
const MAX_CONTEXT_SPANS = 8;
/** Hypothesis's cap on the error budget: the search costs O(maxErrors / 32 * text length). */
export const MAX_ERRORS_CAP = 256;

/** Every verbatim occurrence of `quote`, overlapping ones included; [] when there is none or the quote is empty. */
export function findExact(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  if (quote.length === 0) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * The lowest-error approximate occurrences of `quote` within text[from, to), allowing `maxErrors` edits;
 * [] when none is that close.
 */
export function findApproximate(
  text: string,
  quote: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): Candidate[] {
  if (quote.length === 0 || to <= from) return [];
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  return approxSearch(window, quote, maxErrors).map((m) => ({
    start: m.start + from,
    end: m.end + from,
    errors: m.errors,
  }));
}

/**
 * Approximate occurrences of `quote` found through its context: the best approximate hits of prefix + quote + suffix
 * in text[from, to), then the quote's best approximate hits inside each. This finds an edited quote even when the
 * same quote also appears verbatim nearby (a repeated phrase), where a plain search would only report the verbatim
 * copies because approx-string-match returns only the lowest-error hits. [] when the context is gone too.
 */
export function findThroughContext(
  text: string,
  quote: string,
  context: QuoteContext,
  maxErrors: number,
  from = 0,
  to = text.length,
): Candidate[] {
  if (context.prefix.length === 0 && context.suffix.length === 0) return [];
  const pattern = context.prefix + quote + context.suffix;
  const budget = Math.min(MAX_ERRORS_CAP, Math.floor(pattern.length / 2));
  const hint = context.hint ?? 0;
  // Adjacent end positions report overlapping spans of one place; the nearest few to the hint cover the real one.
  const spans = findApproximate(text, pattern, budget, from, to)
    .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
    .slice(0, MAX_CONTEXT_SPANS);
  // Look for the quote only where the span puts it, give or take the span's edits: searching the whole span could
  // report a verbatim copy of the quote that sits inside the prefix or suffix (a phrase repeated within 32 chars).
  return spans.flatMap((span) => {
    const from = Math.max(0, span.start + context.prefix.length - span.errors);
    const to = Math.min(text.length, span.end - context.suffix.length + span.errors);
    return findApproximate(text, quote, maxErrors, from, to);
  });
}

/** Similarity 0..1 of `actual` to `expected`; 1 when `expected` is empty (no context to contradict). */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  const best = approxSearch(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

/** Scores a candidate as Hypothesis does; returns a value in 0..1. */
export function scoreCandidate(text: string, quote: string, context: QuoteContext, candidate: Candidate): number {
  const quoteScore = 1 - candidate.errors / quote.length;
  const prefixScore = similarity(
    text.slice(Math.max(0, candidate.start - context.prefix.length), candidate.start),
    context.prefix,
  );
  const suffixScore = similarity(text.slice(candidate.end, candidate.end + context.suffix.length), context.suffix);
  const positionScore =
    context.hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(candidate.start - context.hint) / text.length;
  const raw =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * Math.max(0, positionScore);
  return raw / MAX_WEIGHT;
}

/** Characters of `context.prefix`/`suffix` found verbatim next to a candidate: a cheap pre-ranking for many hits. */
function verbatimContext(text: string, context: QuoteContext, candidate: Candidate): number {
  let before = 0;
  while (
    before < context.prefix.length &&
    text.charCodeAt(candidate.start - 1 - before) === context.prefix.charCodeAt(context.prefix.length - 1 - before)
  ) {
    before += 1;
  }
  let after = 0;
  while (after < context.suffix.length && text.charCodeAt(candidate.end + after) === context.suffix.charCodeAt(after)) {
    after += 1;
  }
  return before + after;
}

/** Scores candidates and returns the best (ties go to the earliest); null when there are none. */
export function bestCandidate(
  text: string,
  quote: string,
  context: QuoteContext,
  candidates: readonly Candidate[],
): ScoredCandidate | null {
  let pool = candidates;
  if (pool.length > MAX_SCORED_EXACT) {
    const distance = (c: Candidate) => (context.hint === undefined ? 0 : Math.abs(c.start - context.hint));
    pool = pool
      .map((c) => ({ c, ctx: verbatimContext(text, context, c), d: distance(c) }))
      .sort((a, b) => b.ctx - a.ctx || a.d - b.d)
      .slice(0, MAX_SCORED_EXACT)
      .map((x) => x.c);
  }
  let best: ScoredCandidate | null = null;
  for (const candidate of pool) {
    const score = scoreCandidate(text, quote, context, candidate);
    if (!best || score > best.score) best = { ...candidate, score };
  }
  return best;
}
