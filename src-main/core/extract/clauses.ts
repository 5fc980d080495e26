/** Finds the clause a date belongs to and reads its tense: has the event happened or is it expected? */
import { isKnownWord, isPastTenseVerb } from './lexicon';
import type { EventStatus, Span } from './types';

// Places where one clause ends and another begins inside a sentence.
// Relative clauses (', which', ', who') stay inside: they interrupt the clause that holds the subject.
// A second predicate joined by "and" ("returned to target in May and is expected to rise") is its own clause too.
const BOUNDARY =
  /;|:\s|,\s+(?=(?:and|but|while|whereas|although|though|so|because|saying|as|after|before|when|if)\b)|\s+but\s+|\s+and\s+(?=(?:is|are|was|were|will|would|has|have|had|could|should|can|may|might|expects?|plans?)\b)|,?\s+(?=[“"])|\s+[—–]\s+/g;

const FUTURE =
  /\b(will|won['’]t|would|['’]ll|shall|going to|(?:is|are|was|were|be)\s+expected|likely to|plans? to|planning|set to|scheduled|due to|aims? to|intends? to|upcoming|forthcoming|predict(?:s|ed)?|prediction|forecasts?|might|hopes? to|hoped to|hoping to|expects?|expecting|is to|are to|to be held)\b/i;
// The modal "may", in lower case only: "on May 2" is a month, and made every clause naming it look ahead.
const MAY = /\bmay\b(?!\s+\d)/;
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
      // A fronted "On the 21st," has no verb of its own: take the clause that follows it ("Exports peaked in
      // November" has one, and keeps to itself).
      const rest = `${sentence.slice(a, start)} ${sentence.slice(end, b)}`;
      if (wordCount(sentence.slice(a, b)) - wordCount(sentence.slice(start, end)) < 4 && tenseOf(rest) === 'unknown') {
        to = cuts[i + 3] ?? sentence.length;
      }
      break;
    }
  }
  while (from < to && /[\s,;:“”"‘’]/.test(sentence[from] ?? '')) from++;
  while (to > from && /[\s,;:“”"‘’]/.test(sentence[to - 1] ?? '')) to--;
  return { start: from, end: to };
}

// Temporal and relative subordinators whose clause keeps its own tense ("called for funding | before the season
// starts in November", "the quarter, which ends in late December").
const SUBORDINATOR = /\b(?:before|until|till|when|whenever|once|as soon as|by the time|which|who|that)\s+/gi;
const DETERMINER = /^(?:the|a|an|its|his|her|their|our|this|that|these|those|each|every)$/i;

/**
 * The tense of the subordinate clause a date sits in, or null when the date is not in one. `before` is the text of
 * its clause up to the date. English uses the present for future time in temporal clauses ("before the rainy season
 * starts in November" is still ahead), so a present-tense verb there reads as expected; a past verb as past; a
 * clause with no verb of its own ("before the vote in March") gives null and the main clause decides.
 */
export function subordinateTense(before: string, after: string): EventStatus | null {
  let at = -1;
  let relative = false;
  SUBORDINATOR.lastIndex = 0;
  for (let m = SUBORDINATOR.exec(before); m; m = SUBORDINATOR.exec(before)) {
    at = m.index + m[0].length;
    relative = /^(?:which|who|that)\b/i.test(m[0]);
  }
  if (at < 0) return null;
  const sub = before.slice(at);
  // The clause ends at the next punctuation: ", the pledge said" belongs to the main clause.
  const t = tenseOf(`${sub} ${after.split(/[,;:.!?—–]/)[0] ?? ''}`);
  if (t !== 'unknown') return t;
  const words = sub.match(/[\p{L}’']+/gu) ?? [];
  // A relative clause's verb may come first ("which ends in"); elsewhere a subject comes before it.
  const present = words.some(
    (w, k) => (k > 0 || relative) && /^(?:is|are|[a-z]{2,}[^s’']s)$/.test(w) && !DETERMINER.test(words[k - 1] ?? ''),
  );
  return present ? 'expected' : null;
}

/** A regular past tense the lexicon does not list ("peaked", "slumped"): "-ed" on a word it does not know otherwise. */
function regularPast(word: string): boolean {
  return /^[a-z]{3,}ed$/.test(word) && !isKnownWord(word);
}

/** 'expected' for future or modal wording, 'past' for past-tense verbs, else 'unknown'. */
export function tenseOf(clause: string): EventStatus {
  if (FUTURE.test(clause) || MAY.test(clause)) return 'expected';
  if (PAST.test(clause)) return 'past';
  const words = clause.match(/[\p{L}]+/gu) ?? [];
  return words.some((w) => /^[a-z]/.test(w) && (isPastTenseVerb(w) || regularPast(w))) ? 'past' : 'unknown';
}
