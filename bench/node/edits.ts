/**
 * Small edits to a text, as a corrected article gets them (a word inserted, deleted or replaced, a typo fixed), with a
 * map from old offsets to new ones so the anchoring benchmark knows where each highlight should land.
 */
import type { Random } from '../prng';
import { NOUNS, ADJECTIVES } from '../text/lexicon';

export interface Edit {
  /** Replaces old text [start, end) with `insert`. */
  start: number;
  end: number;
  insert: string;
}

export interface EditedText {
  text: string;
  edits: Edit[];
  /** Where old offset `offset` is in the new text (inside an edited span: its new start, or its new end with 'after'). */
  map(offset: number, side: 'before' | 'after'): number;
}

function editAt(r: Random, text: string, wordStart: number, wordEnd: number): Edit {
  const word = text.slice(wordStart, wordEnd);
  switch (r.int(4)) {
    case 0:
      return { start: wordStart, end: wordStart, insert: `${r.pick(ADJECTIVES)} ` };
    case 1:
      return { start: wordStart, end: Math.min(text.length, wordEnd + 1), insert: '' };
    case 2:
      return { start: wordStart, end: wordEnd, insert: r.pick(NOUNS) };
    default: {
      const at = word.length > 3 ? 1 + r.int(word.length - 2) : 0;
      return { start: wordStart + at, end: wordStart + at + 1, insert: word.charAt(at) === 'e' ? 'a' : 'e' };
    }
  }
}

/**
 * Applies one edit at each of `positions` (offsets in the old text, each moved to the word it falls in); edits never
 * overlap. Returns the new text and the offset map.
 */
export function applyEdits(r: Random, text: string, positions: readonly number[]): EditedText {
  const chosen: Edit[] = [];
  for (const position of [...new Set(positions)].sort((a, b) => a - b)) {
    let start = position;
    while (start > 0 && !/\s/.test(text.charAt(start - 1))) start -= 1;
    let end = position;
    while (end < text.length && !/\s/.test(text.charAt(end))) end += 1;
    if (end <= start) continue;
    const edit = editAt(r, text, start, end);
    const previous = chosen[chosen.length - 1];
    if (previous && edit.start <= previous.end) continue;
    chosen.push(edit);
  }
  let out = '';
  let from = 0;
  for (const edit of chosen) {
    out += text.slice(from, edit.start) + edit.insert;
    from = edit.end;
  }
  out += text.slice(from);
  const map = (offset: number, side: 'before' | 'after'): number => {
    let shift = 0;
    for (const edit of chosen) {
      if (offset <= edit.start) break;
      if (offset < edit.end) return edit.start + shift + (side === 'after' ? edit.insert.length : 0);
      shift += edit.insert.length - (edit.end - edit.start);
    }
    return offset + shift;
  };
  return { text: out, edits: chosen, map };
}
