/**
 * Where a true/false statement departs from the sentence it was made from. The generator (kind-truefalse) uses it to
 * keep only clean swaps and the judge to flag the ones that are not: one definition, so the two cannot drift apart on
 * what counts as "the words put in".
 */
export interface Swap {
  /** The text put in, widened to whole words. */
  inserted: string;
  before: string;
  after: string;
}

/** The one place `statement` differs from `sentence`, or null when they are the same. */
export function swapOf(statement: string, sentence: string): Swap | null {
  let p = 0;
  while (p < statement.length && p < sentence.length && statement[p] === sentence[p]) p++;
  let s = 0;
  while (
    s < statement.length - p &&
    s < sentence.length - p &&
    statement[statement.length - 1 - s] === sentence[sentence.length - 1 - s]
  )
    s++;
  if (p === statement.length && p === sentence.length) return null;
  while (p > 0 && /[\p{L}\p{N}]/u.test(statement[p - 1] ?? '')) p--;
  let end = statement.length - s;
  while (end < statement.length && /[\p{L}\p{N}]/u.test(statement[end] ?? '')) end++;
  return { inserted: statement.slice(p, end).trim(), before: statement.slice(0, p), after: statement.slice(end) };
}
