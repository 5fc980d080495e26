/**
 * Cloze text in Anki's syntax, `{{c1::answer}}` or `{{c1::answer::hint}}`, so cards move to and from Anki unchanged.
 * Lectio shows every deletion of a card at once (one card per note); Anki makes one card per cN number.
 */

export interface ClozeDeletion {
  n: number;
  answer: string;
  hint: string | null;
}

/** A run of plain text, or one deletion. */
export type ClozeSegment = { text: string } | { deletion: ClozeDeletion };

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** Splits cloze text into plain runs and deletions, in order; text without deletions is one plain run. */
export function parseCloze(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(CLOZE)) {
    const at = match.index;
    if (at > last) segments.push({ text: text.slice(last, at) });
    segments.push({ deletion: { n: Number(match[1]), answer: match[2] ?? '', hint: match[3] ?? null } });
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** How many deletions the text holds; a cloze card needs at least one with a non-blank answer. */
export function countDeletions(text: string): number {
  return parseCloze(text).filter((s) => 'deletion' in s && s.deletion.answer.trim() !== '').length;
}

/** The question side as plain text: each deletion shown as `[…]`, or `[hint]` when it has one. */
export function clozeQuestion(text: string): string {
  return parseCloze(text)
    .map((s) => ('text' in s ? s.text : `[${s.deletion.hint ?? '…'}]`))
    .join('');
}

/** The answer side as plain text: the deletions filled in. */
export function clozeAnswer(text: string): string {
  return parseCloze(text)
    .map((s) => ('text' in s ? s.text : s.deletion.answer))
    .join('');
}

/**
 * Makes `answer` safe inside `{{c1::…}}`: a literal `}}` or `::` would end the deletion or start a hint in Anki, so
 * a zero-width space is slipped between the pair (invisible when shown, and harmless to search).
 */
export function escapeDeletion(answer: string): string {
  return answer.replaceAll('}}', '}\u200b}').replaceAll('::', ':\u200b:');
}

/** Wraps `answer` as deletion number `n`. */
export function deletion(answer: string, n = 1): string {
  return `{{c${n}::${escapeDeletion(answer)}}}`;
}
