/**
 * Re-anchors stored selectors in a (possibly changed) canonical text, as Hypothesis does: the position if the quote is
 * still there, else the quote found verbatim, else the quote found approximately near where it was. null = orphan.
 */
import {
  bestCandidate,
  findApproximate,
  findExact,
  findThroughContext,
  MAX_ERRORS_CAP,
  type QuoteContext,
  type ScoredCandidate,
} from './match-quote';
import { findSeeds } from './seeds';
import { pickSelectors, type Selector, type TextPositionSelector, type TextQuoteSelector } from './selectors';
import { snapEnd, snapStart, splitsSurrogatePair } from './surrogates';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1 quality of a quote match (absent for 'position', which is verified verbatim). */
  score?: number;
}

export interface AnchorOptions {
  /** Characters searched approximately either side of the old position before looking further afield. */
  fuzzyWindow?: number;
  /** Lowest score a quote match needs; below it the highlight is an orphan. */
  minScore?: number;
  /**
   * Whether to look beyond the window (around verbatim pieces of the quote and its context found anywhere in the
   * text) when the window holds no good match: finds moved passages. Default true.
   */
  searchBeyondWindow?: boolean;
}

const DEFAULT_FUZZY_WINDOW = 2048;
/**
 * Chosen with the cases in cases.ts and a 1,000-highlight simulation: the best stand-in for a deleted quote scores
 * about 0.55-0.6 on its surviving context alone, while a quote with a changed word and intact context scores 0.85+.
 */
const DEFAULT_MIN_SCORE = 0.65;
/** A verbatim hit this good (quote and nearly all context intact) cannot be beaten, so the fuzzy search is skipped. */
const CONFIDENT_SCORE = 0.95;

function positionHolds(text: string, position: TextPositionSelector, quote: TextQuoteSelector | undefined): boolean {
  const { start, end } = position;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return false;
  if (start < 0 || end > text.length || start >= end) return false;
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return false;
  return quote === undefined || text.slice(start, end) === quote.exact;
}

function better(a: ScoredCandidate | null, b: ScoredCandidate | null): ScoredCandidate | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

/** The best approximate match in text[from, to): plain quote hits and hits found through the context. */
function bestApproximate(text: string, quote: string, context: QuoteContext, from: number, to: number) {
  const maxErrors = errorBudget(quote);
  const candidates = [
    ...findApproximate(text, quote, maxErrors, from, to),
    ...findThroughContext(text, quote, context, maxErrors, from, to),
  ];
  return bestCandidate(text, quote, context, candidates);
}

/** Hypothesis's error budget: half the quote, capped. */
function errorBudget(quote: string): number {
  return Math.min(MAX_ERRORS_CAP, Math.floor(quote.length / 2));
}

/**
 * Searches approximately near the old position first; if nothing there scores well enough (a moved passage), then
 * around every place elsewhere that shares a verbatim piece with the quote or its context.
 */
function fuzzySearch(text: string, quote: string, context: QuoteContext, options: AnchorOptions) {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const window = options.fuzzyWindow ?? DEFAULT_FUZZY_WINDOW;
  let best: ScoredCandidate | null = null;
  if (context.hint !== undefined) {
    const from = Math.max(0, context.hint - window);
    const to = Math.min(text.length, context.hint + quote.length + window);
    best = bestApproximate(text, quote, context, from, to);
  }
  if ((best && best.score >= minScore) || options.searchBeyondWindow === false) return best;
  // Room for the quote's own edits plus a prefix's worth of context around each seed.
  const slack = errorBudget(quote) + context.prefix.length + context.suffix.length;
  for (const seed of findSeeds(text, quote, context)) {
    const from = Math.max(0, seed - slack);
    const to = Math.min(text.length, seed + quote.length + slack);
    best = better(best, bestApproximate(text, quote, context, from, to));
  }
  return best;
}

/** Verbatim occurrences of `quote` that start within the fuzzy window around `hint`. */
function findExactNear(
  text: string,
  quote: string,
  hint: number,
  options: AnchorOptions,
): ReturnType<typeof findExact> {
  const window = options.fuzzyWindow ?? DEFAULT_FUZZY_WINDOW;
  const from = Math.max(0, hint - window);
  // Searching a slice keeps a miss from scanning the rest of a long text.
  const region = text.slice(from, Math.min(text.length, hint + window + quote.length));
  return findExact(region, quote).map((hit) => ({ ...hit, start: hit.start + from, end: hit.end + from }));
}

/**
 * Anchors `selectors` in `text`. Returns the [start, end) range found and how, or null when the highlight is an
 * orphan (no position that still holds its quote, and no quote match scoring at least `minScore`).
 */
export function anchor(text: string, selectors: readonly Selector[], options: AnchorOptions = {}): Anchored | null {
  const { position, quote } = pickSelectors(selectors);
  if (position && positionHolds(text, position, quote)) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  if (!quote || quote.exact.length === 0) return null;
  const context: QuoteContext = { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start };
  // A small edit elsewhere moves a quote only a little: a verbatim hit near its old place, with its context intact, is
  // found without scanning the whole text (most of the cost on a long article). A weaker near hit may be a copy of an
  // edited quote, so it takes the full search below.
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const near =
    context.hint === undefined
      ? null
      : bestCandidate(text, quote.exact, context, findExactNear(text, quote.exact, context.hint, options));
  const nearAccepted = near !== null && near.score >= CONFIDENT_SCORE;
  let best = nearAccepted ? near : bestCandidate(text, quote.exact, context, findExact(text, quote.exact));
  if (!nearAccepted && (!best || best.score < CONFIDENT_SCORE))
    best = better(best, fuzzySearch(text, quote.exact, context, options));
  if (!best || best.score < minScore) return null;
  // An approximate match may begin or end between the halves of an emoji; widen it to whole characters.
  const start = snapStart(text, best.start);
  const end = snapEnd(text, best.end);
  return { start, end, method: best.errors === 0 ? 'exact' : 'fuzzy', score: best.score };
}
