/**
 * Highlightable passages: the sentences of a document's canonical text, from the same splitter the extraction engine
 * and the quiz use, so a passage, a question's evidence and a card's source sentence are the same span everywhere.
 */
import { splitSentences } from './extract/sentences';
import { firstIndex } from './first-index';

export interface Passage {
  start: number;
  end: number;
}

export function passagesOf(text: string): Passage[] {
  return splitSentences(text).map(({ start, end }) => ({ start, end }));
}

/** The index of the span containing `offset` among spans in order and apart (binary search), or -1 between them. */
export function spanIndexAt(spans: readonly Passage[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid] as Passage;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** The passage containing `offset`, or null between passages. */
export function passageAt(passages: readonly Passage[], offset: number): Passage | null {
  return passages[spanIndexAt(passages, offset)] ?? null;
}

/** Index of the passage at or after `offset`, for keyboard movement; passages.length when there is none. */
export function passageIndexFrom(passages: readonly Passage[], offset: number): number {
  return firstIndex(passages, (passage) => passage.end > offset);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Widens [start, end) to whole words, as readers expect from a drag that starts or ends mid-word. */
export function snapToWords(text: string, start: number, end: number): Passage {
  let from = start;
  let to = end;
  while (from > 0 && WORD_CHAR.test(text[from - 1] ?? '') && WORD_CHAR.test(text[from] ?? '')) from--;
  while (to < text.length && WORD_CHAR.test(text[to] ?? '') && WORD_CHAR.test(text[to - 1] ?? '')) to++;
  return { start: from, end: to };
}
