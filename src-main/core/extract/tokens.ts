/** Tokenises a sentence into words and punctuation with offsets, splitting possessives and country hyphens. */

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
  /** Starts with an upper-case letter (or is an acronym / number-letter code like "G7"). */
  isCap: boolean;
  /** First word of its sentence or of a quotation, where capitals say nothing about names. */
  isInitial: boolean;
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean;
}

// Words keep internal hyphens before lower case ("Jong-un", "co-founder") and apostrophes ("don't"); "Korea-Russia"
// splits so each country is seen. Acronyms with periods ("U.S.") stay whole.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:-[\p{Ll}\p{N}][\p{L}\p{N}]*|['’][\p{L}]+)*|\S/gu;
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', ':', '—', '–']);

function makeToken(text: string, start: number, prev: Token | undefined): Token {
  const isWord = /[\p{L}\p{N}]/u.test(text);
  const spaceBefore = prev === undefined || prev.end < start;
  const isInitial = prev === undefined || (OPENERS.has(prev.text) && isWord);
  return {
    text,
    lower: text.toLowerCase(),
    start,
    end: start + text.length,
    isWord,
    isCap: isWord && /^[\p{Lu}]/u.test(text),
    isInitial,
    spaceBefore,
  };
}

/** Tokens of `sentence`, offsets shifted by `base` so they index the whole document. */
export function tokenize(sentence: string, base: number): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(sentence); m; m = TOKEN_RE.exec(sentence)) {
    let word = m[0];
    let at = base + m.index;
    const possessive = /^(.+?)(['’]s)$/u.exec(word);
    if (possessive?.[1] && possessive[2]) {
      out.push(makeToken(possessive[1], at, out[out.length - 1]));
      at += possessive[1].length;
      word = possessive[2];
    }
    out.push(makeToken(word, at, out[out.length - 1]));
  }
  return out;
}
