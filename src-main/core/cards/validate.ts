/** Whether a card's content can be studied: the rules createCard, updateCard and the Anki import all apply. */
import type { CardKind } from './card';
import { countDeletions } from './cloze';

/** The most characters a card's front or back may hold, typed or imported (the API's schema applies it to typed cards). */
export const MAX_CARD_TEXT = 20_000;

/** Returns null when `front`/`back` make a usable card of `kind`, else a message saying what is missing. */
export function checkCardContent(kind: CardKind, front: string, back: string): string | null {
  for (const [side, text] of [
    ['front', front],
    ['back', back],
  ] as const) {
    if (text.length > MAX_CARD_TEXT) {
      return `The card's ${side} is ${text.length.toLocaleString('en')} characters long; a card holds at most ${MAX_CARD_TEXT.toLocaleString('en')}. Shorten it and import again.`;
    }
  }
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
