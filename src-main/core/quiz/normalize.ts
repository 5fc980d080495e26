/**
 * Comparison keys for names, roles and typed answers: case, accents (NFD), curly quotes, hyphens and spacing folded
 * away, so "Choe Son-hee", "choe sonhee" and "CHOE SON HEE" compare equal.
 */

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'to', 'at', 'for', 'in', 'and', 'on', 's', 'its', 'his', 'her']);

/** Lower case without accents, quotes made straight, dashes made hyphens. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

// Names are compared against each other many times per quiz; remembering their keys keeps a long article under budget.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, string>();
const keys = new Map<string, string>();

/** Words only, single-spaced: punctuation and hyphens become spaces, a possessive "'s" goes. */
export function wordsKey(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  const key = fold(text)
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, key);
  return key;
}

/** The strictest-but-lenient equality key: words joined without spaces, a leading article dropped. */
export function answerKey(text: string): string {
  const known = keys.get(text);
  if (known !== undefined) return known;
  const key = wordsKey(text)
    .replace(/^(the|a|an) /, '')
    .replace(/ /g, '');
  if (keys.size >= MEMO_LIMIT) keys.clear();
  keys.set(text, key);
  return key;
}

/** True when `needle`'s words occur as a run of whole words in `haystack`. */
export function containsWords(haystack: string, needle: string): boolean {
  const n = wordsKey(needle);
  return n !== '' && ` ${wordsKey(haystack)} `.includes(` ${n} `);
}

/** Content words cut to five letters, so "Russian" and "Russia" or "minister" and "ministers" agree. */
export function contentStems(text: string): string[] {
  return wordsKey(text)
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .map((w) => w.slice(0, 5));
}

/** Share of `a`'s content stems found in `b` (0 when `a` has none). */
export function stemOverlap(a: string, b: string): number {
  const sa = new Set(contentStems(a));
  const sb = new Set(contentStems(b));
  if (sa.size === 0) return 0;
  return [...sa].filter((w) => sb.has(w)).length / sa.size;
}

/**
 * The names whose answer keys are neither empty nor in `taken`, first of each key only, in order; adds their keys to
 * `taken` (so the answer and what was picked before stay out of what comes next).
 */
export function distinctAnswers(names: readonly string[], taken: Set<string>): string[] {
  const out: string[] = [];
  for (const name of names) {
    const key = answerKey(name);
    if (key === '' || taken.has(key)) continue;
    taken.add(key);
    out.push(name);
  }
  return out;
}
