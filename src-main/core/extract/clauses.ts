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

const RELATIVE_OPENER = /,\s+(?:which|who)\s+/g;
const DETERMINERS = /^(?:the|a|an|its|his|her|their|our|this|that|these|those)$/i;
const NAME_JOINERS = /^(?:of|in|for|and|de|du|la|von|van|al|el|the)$/i;

/**
 * The noun a relative clause opening at `comma` describes, with the clause: from the noun phrase's first word to the
 * comma that closes the clause (or `to`). The noun phrase is a run of capitalised words and the small words of names
 * ("the Government Museum in Chennai"), or up to three lower-case words after a determiner ("the second quarter").
 * Null when the date is not in such a clause or no noun phrase can be found.
 */
function relativeClauseAround(
  sentence: string,
  from: number,
  to: number,
  start: number,
  end: number,
): { from: number; to: number } | null {
  let comma = -1;
  RELATIVE_OPENER.lastIndex = from;
  for (let m = RELATIVE_OPENER.exec(sentence); m && m.index < start; m = RELATIVE_OPENER.exec(sentence))
    comma = m.index;
  if (comma < 0) return null;
  // The clause must still be open at the date: a comma between the opener and the date has closed it.
  if (sentence.slice(comma + 1, start).includes(',')) return null;
  const words = [...sentence.slice(from, comma).matchAll(/[^\s]+/g)];
  let first = -1;
  let capitalised = false;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = (words[i]?.[0] ?? '').replace(/[’']s$/, '');
    if (/^\p{Lu}/u.test(word) || /^\d/.test(word)) {
      capitalised = true;
      first = i;
    } else if (capitalised && NAME_JOINERS.test(word)) {
      first = i;
    } else break;
  }
  if (first >= 0) {
    // "in", "of" or "and" may join a name but do not open one.
    while (first < words.length - 1 && /^(?:of|in|for|and)$/i.test(words[first]?.[0] ?? '')) first++;
  } else {
    // A common noun: up to three words back to its determiner ("the quarter, which ends in December").
    for (let i = words.length - 1; i >= Math.max(0, words.length - 4); i--) {
      if (DETERMINERS.test(words[i]?.[0] ?? '')) {
        first = i;
        break;
      }
    }
  }
  const opening = words[first];
  if (!opening || opening.index === undefined) return null;
  const closing = sentence.indexOf(',', end);
  return { from: from + opening.index, to: closing >= 0 && closing < to ? closing : to };
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
  // A date inside a non-restrictive relative clause (", which was founded in 1851,") dates the noun before it, not the
  // main clause: "They will go first to the museum, which was founded in 1851" is not an event of 1851, the museum's
  // founding is. The event is that noun and its relative clause.
  const relative = relativeClauseAround(sentence, from, to, start, end);
  if (relative) ({ from, to } = relative);
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
