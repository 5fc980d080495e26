/** Finds the clause a date belongs to and reads its tense: has the event happened or is it expected? */
import { isPastTenseVerb } from './lexicon';
import type { EventStatus, Span } from './types';

// Places where one clause ends and another begins inside a sentence.
// Relative clauses (', which', ', who') stay inside: they interrupt the clause that holds the subject.
const BOUNDARY = /;|:\s|,\s+(?=(?:and|but|while|whereas|although|though|so|because|saying|as|after|before|when|if)\b)|\s+but\s+|,?\s+(?=[“"])|\s+[—–]\s+/g;

const FUTURE = /\b(will|won['’]t|would|['’]ll|shall|going to|(?:is|are|was|were|be)\s+expected|likely to|plans? to|planning|set to|scheduled|due to|aims? to|intends? to|upcoming|forthcoming|predict(?:s|ed)?|prediction|forecasts?|may|might|hopes? to|is to|are to|to be held)\b/i;
const PAST = /\b(was|were|had|did|has been|have been|ago|last|previously|earlier)\b/i;

function boundaries(text: string): number[] {
  const cuts = [0];
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) cuts.push(m.index, m.index + m[0].length);
  cuts.push(text.length);
  return cuts;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** The clause around [start, end) of a sentence (offsets relative to the sentence), widened when too short. */
export function clauseAround(sentence: string, start: number, end: number): Span {
  const cuts = boundaries(sentence);
  let from = 0;
  let to = sentence.length;
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const a = cuts[i] ?? 0;
    const b = cuts[i + 1] ?? sentence.length;
    if (a <= start && end <= b) {
      from = a;
      to = b;
      // A fronted "On the 21st," has no verb of its own: take the clause that follows it.
      if (wordCount(sentence.slice(a, b)) - wordCount(sentence.slice(start, end)) < 4) {
        to = cuts[i + 3] ?? sentence.length;
      }
      break;
    }
  }
  while (from < to && /[\s,;:“”"‘’]/.test(sentence[from] ?? '')) from++;
  while (to > from && /[\s,;:“”"‘’]/.test(sentence[to - 1] ?? '')) to--;
  return { start: from, end: to };
}

/** 'expected' for future or modal wording, 'past' for past-tense verbs, else 'unknown'. */
export function tenseOf(clause: string): EventStatus {
  if (FUTURE.test(clause)) return 'expected';
  if (PAST.test(clause)) return 'past';
  const words = clause.match(/[\p{L}]+/gu) ?? [];
  return words.some((w) => /^[a-z]/.test(w) && isPastTenseVerb(w)) ? 'past' : 'unknown';
}
