/**
 * W3C Web Annotation selectors over a document's canonical text: the two a Lectio highlight stores.
 * https://www.w3.org/TR/annotation-model/#text-position-selector and #text-quote-selector
 */

/** A [start, end) range of UTF-16 offsets into the canonical text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The quoted text with up to CONTEXT_LENGTH characters either side, to find it again after the text changes. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export type Selector = TextPositionSelector | TextQuoteSelector;

/** Both selectors in the order Lectio stores them: position first (cheap to check), quote second. */
export type HighlightSelectors = [TextPositionSelector, TextQuoteSelector];

/** Characters of context kept either side of a quote; Hypothesis uses 32 too, so exported selectors look alike. */
export const CONTEXT_LENGTH = 32;

/** Picks the first selector of each kind from a list; absent kinds come back undefined. */
export function pickSelectors(selectors: readonly Selector[]): {
  position: TextPositionSelector | undefined;
  quote: TextQuoteSelector | undefined;
} {
  let position: TextPositionSelector | undefined;
  let quote: TextQuoteSelector | undefined;
  for (const selector of selectors) {
    if (selector.type === 'TextPositionSelector') position ??= selector;
    else if (selector.type === 'TextQuoteSelector') quote ??= selector;
  }
  return { position, quote };
}
