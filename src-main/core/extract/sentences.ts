/** Splits canonical text into sentences with [start, end) offsets, tolerant of abbreviations and quotes. */
import type { Span } from './types';

export interface Sentence extends Span {
  text: string;
}

// Words that end with a period without ending a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'col',
  'lt',
  'capt',
  'sgt',
  'rep',
  'sen',
  'gov',
  'rev',
  'inc',
  'corp',
  'co',
  'ltd',
  'no',
  'vs',
  'etc',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'dept',
  'est',
  'fig',
  'mt',
  'ft',
]);

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  let i = dotIndex - 1;
  while (i >= 0 && /[A-Za-z]/.test(text[i] ?? '')) i--;
  const word = text.slice(i + 1, dotIndex);
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // an initial: "J. Smith", "U.S."
  if (text[i] === '.') return true; // inside "U.S." style acronyms
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Returns the sentences of `text` in order; whitespace between sentences belongs to none. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // A boundary is end punctuation (plus closing quotes) followed by whitespace, or a line break.
  const boundary = /([.!?]+[”"’')\]]*)(?=\s+[“"‘([]?[\p{Lu}\p{N}])|\n+/gu;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const isNewline = m[0].startsWith('\n');
    if (!isNewline && m[0].startsWith('.') && endsWithAbbreviation(text, m.index)) continue;
    const end = isNewline ? m.index : m.index + m[0].length;
    pushTrimmed(out, text, start, end);
    start = m.index + m[0].length;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}
