/** The shape of a date recognition rule and the regex fragments the rules share. */
import type { DateSpec } from './date-specs';

export interface DateRule {
  name: string;
  /** Global, unicode regex run over one sentence; lookbehinds keep lead-in words ("in", "since") out of the span. */
  re: RegExp;
  /** The spec for a match, or null to reject it (e.g. "the 21st century"); `rest`/`before` are the sentence around it. */
  make(m: RegExpExecArray, rest: string, before: string): DateSpec | null;
}

/** Month names, capitalised; abbreviations only with a period or right before a number ("Nov 17", wire style). */
export const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\\.|(?=\\s+\\d)))';
/** Full month names only: for rules where the month stands alone and "Jan." would be too loose. */
export const MONTH_FULL = '(January|February|March|April|May|June|July|August|September|October|November|December)';
export const DAY = '([0-3]?\\d)(?:st|nd|rd|th)?';
export const YEAR = '((?:1[5-9]|20|21)\\d{2})';
/** Start and end guards: a date never starts or ends inside a word or number. */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';
export const DASH = '\\s*(?:-|–|—|to|through|until|till)\\s*';

export function rx(source: string, flags = 'gu'): RegExp {
  return new RegExp(source, flags);
}

export function relOffset(word: string | undefined): number {
  const w = (word ?? '').toLowerCase();
  if (w === 'last' || w === 'previous' || w === 'past') return -1;
  if (w === 'next' || w === 'coming' || w === 'following') return 1;
  return 0;
}
