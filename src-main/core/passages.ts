/**
 * Highlightable passages: the sentences of a document's canonical text, from the same splitter the extraction engine
 * and the quiz use, so a passage, a question's evidence and a card's source sentence are the same span everywhere.
 */
import { splitSentences } from './extract/sentences';

export interface Passage {
  start: number;
  end: number;
}

export function passagesOf(text: string): Passage[] {
  return splitSentences(text).map(({ start, end }) => ({ start, end }));
}

/** The passage containing `offset` (binary search over passages in order), or null between passages. */
export function passageAt(passages: readonly Passage[], offset: number): Passage | null {
  let low = 0;
  let high = passages.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const passage = passages[mid] as Passage;
    if (offset < passage.start) high = mid - 1;
    else if (offset >= passage.end) low = mid + 1;
    else return passage;
  }
  return null;
}

/** Index of the passage at or after `offset`, for keyboard movement; passages.length when there is none. */
export function passageIndexFrom(passages: readonly Passage[], offset: number): number {
  let low = 0;
  let high = passages.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((passages[mid] as Passage).end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
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
