/**
 * The reader's query turned into an SQLite FTS5 match expression. The reader's text is never handed to FTS5 as syntax:
 * it is cut into words the way the index's tokenizer (unicode61, diacritics removed) cuts text, and each word goes in
 * as a quoted string, so quotes, `*`, `-`, `^`, `:`, parentheses, NEAR, AND, OR and NOT are only words or nothing.
 * Every word is required (AND), the last as a prefix (the reader is still typing it); a word the index does not hold
 * may stand for near words (its typo alternatives), found by the caller with `typoBudget` and `withinEdits`.
 */

/** The query's words, folded as unicode61 with `remove_diacritics 2` folds them: lower case, accents off. */
export function searchWords(query: string): string[] {
  return query
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A word as an FTS5 string: quoted, any quote doubled (the words hold none, but a string is never left open). */
function quoted(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/**
 * One term: the word itself (a prefix when it is the last), or that or any of its near words when it has them. A
 * one-letter last word is not a prefix: every row would match it.
 */
export interface QueryTerm {
  word: string;
  prefix: boolean;
  /** Words the index holds within the word's typo budget, used as alternatives (OR) to it. */
  near?: readonly string[];
}

export function queryTerms(words: readonly string[]): QueryTerm[] {
  return words.map((word, i) => ({ word, prefix: i === words.length - 1 && word.length >= 2 }));
}

/** The FTS5 expression of the terms: each required, near words as alternatives; '' for no terms. */
export function matchExpression(terms: readonly QueryTerm[]): string {
  return terms
    .map((term) => {
      const own = `${quoted(term.word)}${term.prefix ? ' *' : ''}`;
      if (!term.near?.length) return own;
      return `(${[own, ...term.near.map(quoted)].join(' OR ')})`;
    })
    .join(' AND ');
}

/**
 * How many edits a word may be from what the reader meant: none under 4 letters (too many short words are one edit
 * apart), one up to 7, two from 8 (MiniSearch's fuzzy 0.15, which this replaces, allowed about one edit per 7 letters).
 */
export function typoBudget(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

/** True when `a` and `b` are at most `max` edits apart (Levenshtein; stops early once past `max`). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return false;
    previous = row;
  }
  return (previous[b.length] ?? max + 1) <= max;
}
