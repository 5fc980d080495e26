/**
 * Turns a range of the canonical text into the selectors a highlight stores (position + quote with context).
 */
import { CONTEXT_LENGTH, type HighlightSelectors } from './selectors';
import { splitsSurrogatePair } from './surrogates';

/** Why describe() refused a range; `code` lets callers react without parsing the message. */
export class InvalidRangeError extends RangeError {
  readonly code: 'not-an-integer' | 'out-of-bounds' | 'empty' | 'reversed' | 'splits-character';

  constructor(code: InvalidRangeError['code'], message: string) {
    super(message);
    this.name = 'InvalidRangeError';
    this.code = code;
  }
}

/** Returns null for a usable [start, end) range, else the error describe() would throw. */
export function checkRange(text: string, start: number, end: number): InvalidRangeError | null {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
    return new InvalidRangeError('not-an-integer', `range offsets must be integers, got [${start}, ${end})`);
  }
  if (start < 0 || end > text.length) {
    return new InvalidRangeError(
      'out-of-bounds',
      `range [${start}, ${end}) lies outside the text (length ${text.length})`,
    );
  }
  if (start > end) return new InvalidRangeError('reversed', `range start ${start} is after its end ${end}`);
  if (start === end) return new InvalidRangeError('empty', `range [${start}, ${end}) is empty; a highlight needs text`);
  // A half emoji cannot be drawn, exported as valid UTF-8, or quoted; the selection code should never produce one.
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return new InvalidRangeError('splits-character', `range [${start}, ${end}) cuts a surrogate pair in half`);
  }
  return null;
}

/**
 * Describes text[start, end) as [TextPositionSelector, TextQuoteSelector].
 * Throws InvalidRangeError (a RangeError) when the range is not integral, out of bounds, empty, reversed,
 * or splits a surrogate pair.
 */
export function describe(text: string, start: number, end: number): HighlightSelectors {
  const error = checkRange(text, start, end);
  if (error) throw error;
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  // Context is trimmed (never widened) to whole characters so stored JSON never holds a lone surrogate.
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return [
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  ];
}
