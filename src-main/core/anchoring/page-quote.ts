/**
 * Finds a quote taken from a web page (the reader's selection, sent by the browser extension) in the canonical text of
 * the article saved from that page. The page's text and ours differ in whitespace only where the importer collapsed
 * runs of spaces or joined blocks, so the quote is matched word for word with any whitespace between words; its
 * prefix and suffix (also from the page) pick among repeats. When the words are not there verbatim (the importer
 * dropped or changed something inside the selection), the fuzzy quote anchoring of stored highlights is tried.
 */
import { anchor } from './anchor';
import type { TextQuoteSelector } from './selectors';

export interface PageQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Characters shared by the end of `a` and the end of `b` (or their starts, with `fromStart`), whitespace ignored. */
function sharedLength(a: string, b: string, fromStart: boolean): number {
  const x = squash(a);
  const y = squash(b);
  let n = 0;
  while (n < x.length && n < y.length) {
    const i = fromStart ? n : x.length - 1 - n;
    const j = fromStart ? n : y.length - 1 - n;
    if (x[i] !== y[j]) break;
    n += 1;
  }
  return n;
}

function wordPattern(exact: string): RegExp | null {
  const words = exact.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu');
}

/** The [start, end) range of the quote in `text`, or null when it cannot be found there. */
export function findPageQuote(text: string, quote: PageQuote): { start: number; end: number } | null {
  const pattern = wordPattern(quote.exact);
  if (!pattern) return null;
  let best: { start: number; end: number; score: number } | null = null;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    const score =
      sharedLength(text.slice(Math.max(0, start - 200), start), quote.prefix, false) +
      sharedLength(text.slice(end, end + 200), quote.suffix, true);
    if (!best || score > best.score) best = { start, end, score };
  }
  if (best) return { start: best.start, end: best.end };
  const selector: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: squash(quote.exact),
    prefix: squash(quote.prefix),
    suffix: squash(quote.suffix),
  };
  const found = anchor(text, [selector]);
  return found ? { start: found.start, end: found.end } : null;
}
