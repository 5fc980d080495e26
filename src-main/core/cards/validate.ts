/** Whether a card's content can be studied: the rules createCard, updateCard and the Anki import all apply. */
import type { CardKind } from './card';
import { countDeletions } from './cloze';

/** Returns null when `front`/`back` make a usable card of `kind`, else a message saying what is missing. */
export function checkCardContent(kind: CardKind, front: string, back: string): string | null {
  if (kind === 'cloze') {
    if (countDeletions(front) === 0) return 'A cloze card needs at least one deletion, written {{c1::answer}}.';
    return null;
  }
  if (front.trim() === '') return 'A basic card needs a question on its front.';
  if (back.trim() === '') return 'A basic card needs an answer on its back.';
  return null;
}

/** Tags as stored: trimmed, no leading #, no duplicates, in the order given. */
export function cleanCardTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))];
}
