/**
 * Cheap guesses at where a quote went when it is no longer near its old position: the verbatim occurrences of
 * 16-character pieces of the quote and of its context. An approximate search of the whole text costs ~50 ms on a
 * 100,000-word document; searching a little window around each guess costs well under 1 ms.
 */
import type { QuoteContext } from './match-quote';

const PIECE_LENGTH = 16;
/** A piece found more often than this is boilerplate and tells nothing about where the quote went. */
const MAX_HITS_PER_PIECE = 8;
const MAX_SEEDS = 32;
/**
 * Pieces of the quote looked up, spread evenly over it: each lookup scans the whole text, so a 10,000-character quote
 * cut into 625 pieces cost ~18 ms per misplaced highlight, the bulk of anchoring it. Sixteen still find a moved
 * passage that kept any sixteenth of itself intact.
 */
const MAX_QUOTE_PIECES = 16;

interface Piece {
  text: string;
  /** Where the quote starts relative to where this piece starts. */
  quoteOffset: number;
}

/** Where the quote's pieces start: every PIECE_LENGTH characters and the last full piece, at most MAX_QUOTE_PIECES. */
function pieceStarts(length: number): number[] {
  const starts: number[] = [];
  for (let at = 0; at + PIECE_LENGTH <= length; at += PIECE_LENGTH) starts.push(at);
  if (length > PIECE_LENGTH && length % PIECE_LENGTH !== 0) starts.push(length - PIECE_LENGTH);
  if (starts.length <= MAX_QUOTE_PIECES) return starts;
  const step = (starts.length - 1) / (MAX_QUOTE_PIECES - 1);
  return Array.from({ length: MAX_QUOTE_PIECES }, (_, i) => starts[Math.round(i * step)] ?? 0);
}

function piecesOf(quote: string, context: QuoteContext): Piece[] {
  const pieces: Piece[] = pieceStarts(quote.length).map((at) => ({
    text: quote.slice(at, at + PIECE_LENGTH),
    quoteOffset: -at,
  }));
  if (context.prefix.length >= PIECE_LENGTH) {
    pieces.push({ text: context.prefix.slice(-PIECE_LENGTH), quoteOffset: PIECE_LENGTH });
  }
  if (context.suffix.length >= PIECE_LENGTH) {
    pieces.push({ text: context.suffix.slice(0, PIECE_LENGTH), quoteOffset: -quote.length });
  }
  return pieces;
}

function hitsOf(text: string, piece: string): number[] {
  const hits: number[] = [];
  for (let at = text.indexOf(piece); at !== -1 && hits.length <= MAX_HITS_PER_PIECE; at = text.indexOf(piece, at + 1)) {
    hits.push(at);
  }
  return hits.length > MAX_HITS_PER_PIECE ? [] : hits;
}

/**
 * Likely start offsets of `quote` in `text`, judged from verbatim pieces of it and of its context, nearest to
 * `context.hint` first. [] when nothing distinctive survives (a quote shorter than 16 characters with no context).
 * A quote whose every piece was edited is not found this way; that is the price of not scanning the whole text.
 */
export function findSeeds(text: string, quote: string, context: QuoteContext): number[] {
  const starts: number[] = [];
  for (const piece of piecesOf(quote, context)) {
    for (const hit of hitsOf(text, piece.text)) starts.push(Math.max(0, hit + piece.quoteOffset));
  }
  starts.sort((a, b) => a - b);
  // Pieces of one place agree to within the edits made there; keep one seed per place.
  const merged: number[] = [];
  for (const start of starts) {
    const last = merged[merged.length - 1];
    if (last === undefined || start - last > quote.length / 2) merged.push(start);
  }
  const hint = context.hint ?? 0;
  return merged.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_SEEDS);
}
