/**
 * Makes a cloze from a highlight in one step: the highlighted words become the deletion, shown inside their
 * sentence (the passage the quiz and the reader also use), so the card asks for exactly what the reader marked.
 * A highlight of a whole sentence (or more) would blank everything and ask nothing: the card then blanks the date,
 * name or number inside it, and when there is none it is refused with the reason.
 */
import { passageIndexFrom, type Passage } from '../passages';
import { deletion } from './cloze';
import { keyTerm, type EngineTerms } from './key-term';

export interface ClozeDraft {
  /** The cloze text, whitespace collapsed to single spaces (line breaks in the article would read as noise). */
  front: string;
  /** The sentence(s) holding the highlight: the card's source passage. */
  passage: Passage;
}

/** Why no card was made: said to the reader as it is. */
export interface ClozeRefusal {
  refused: string;
}

export const WHOLE_SENTENCE_REFUSAL =
  'That highlight is a whole sentence with no name, date or number in it to ask about: highlight the words you want to recall, then make the card.';

const SPACE = /\s/u;
const squash = (text: string) => text.replace(/\s+/gu, ' ');

interface Located {
  from: number;
  to: number;
  passage: Passage;
}

// The highlight without its outer whitespace, and the sentence(s) holding it; null when it is only whitespace.
function locate(text: string, passages: readonly Passage[], start: number, end: number): Located | null {
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
  return { from, to, passage };
}

/** True when text[start, end) covers whole sentences: a cloze of it would blank everything. */
export function coversWholeSentences(text: string, passages: readonly Passage[], start: number, end: number): boolean {
  const at = locate(text, passages, start, end);
  return (
    at !== null &&
    text.slice(at.passage.start, at.from).trim() === '' &&
    text.slice(at.to, at.passage.end).trim() === ''
  );
}

/**
 * Returns the cloze for text[start, end) within `passages` (the document's sentences, in order); null when the range
 * holds only whitespace; a refusal when it is whole sentences with nothing in them to ask about. `engine` gives the
 * extraction engine's dates and actors, preferred over the built-in patterns when choosing what to blank.
 */
export function clozeFromHighlight(
  text: string,
  passages: readonly Passage[],
  start: number,
  end: number,
  engine?: EngineTerms,
): ClozeDraft | ClozeRefusal | null {
  const at = locate(text, passages, start, end);
  if (!at) return null;
  let { from, to } = at;
  const { passage } = at;
  if (coversWholeSentences(text, passages, start, end)) {
    const term = keyTerm(text, from, to, engine);
    if (!term) return { refused: WHOLE_SENTENCE_REFUSAL };
    [from, to] = [term.start, term.end];
  }
  const front = `${squash(text.slice(passage.start, from))}${deletion(squash(text.slice(from, to)))}${squash(text.slice(to, passage.end))}`;
  return { front: front.trim(), passage };
}
