/**
 * Makes a cloze from a highlight in one step: the highlighted words become the deletion, shown inside their
 * sentence (the passage the quiz and the reader also use), so the card asks for exactly what the reader marked.
 */
import { passageIndexFrom, type Passage } from '../passages';
import { deletion } from './cloze';

export interface ClozeDraft {
  /** The cloze text, whitespace collapsed to single spaces (line breaks in the article would read as noise). */
  front: string;
  /** The sentence(s) holding the highlight: the card's source passage. */
  passage: Passage;
}

const SPACE = /\s/u;
const squash = (text: string) => text.replace(/\s+/gu, ' ');

/**
 * Returns the cloze for text[start, end) within `passages` (the document's sentences, in order), or null when the
 * range holds only whitespace. A highlight that is a whole sentence gets the sentence before it (else after it) as
 * its cue, since a card that blanks everything asks nothing.
 */
export function clozeFromHighlight(text: string, passages: readonly Passage[], start: number, end: number): ClozeDraft | null {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  while (from < to && SPACE.test(text[from] ?? '')) from++;
  while (to > from && SPACE.test(text[to - 1] ?? '')) to--;
  if (from >= to) return null;

  const first = passageIndexFrom(passages, from);
  let last = first;
  while (last + 1 < passages.length && (passages[last + 1] as Passage).start < to) last++;
  const firstPassage = passages[first];
  const lastPassage = passages[last];
  const inPassages = firstPassage !== undefined && lastPassage !== undefined && firstPassage.start < to;
  const passage: Passage = inPassages
    ? { start: Math.min(firstPassage.start, from), end: Math.max(lastPassage.end, to) }
    : { start: from, end: to };

  let context = passage;
  const blanksEverything = text.slice(passage.start, from).trim() === '' && text.slice(to, passage.end).trim() === '';
  if (blanksEverything && inPassages) {
    const before = passages[first - 1];
    const after = passages[last + 1];
    if (before) context = { start: before.start, end: passage.end };
    else if (after) context = { start: passage.start, end: after.end };
  }

  const front = `${squash(text.slice(context.start, from))}${deletion(squash(text.slice(from, to)))}${squash(text.slice(to, context.end))}`;
  return { front: front.trim(), passage };
}
