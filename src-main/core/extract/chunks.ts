/** Groups capitalised tokens into candidate name chunks ("North Korean Workers’ Party General Secretary Kim"). */
import { isTitleCore } from './titles';
import { isOrgHead } from './organizations';
import type { Token } from './tokens';

export interface Chunk {
  /** Indices into the sentence's tokens: [from, to). */
  from: number;
  to: number;
}

const CONNECTORS = new Set(['of', 'for', 'to', 'de', 'and', '&']);

function isNameWord(t: Token | undefined): t is Token {
  return t !== undefined && t.isWord && (t.isCap || /^\d/.test(t.text)) && t.text !== 'I';
}

// The token at i continues the chunk that ends at i - 1.
function continues(tokens: Token[], i: number): number {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  const next = tokens[i + 1];
  if (!prev || !cur) return 0;
  if (isNameWord(cur) && cur.spaceBefore && cur.start - prev.end === 1 && prev.isWord) return 1;
  const tight = !cur.spaceBefore && next !== undefined && next.isCap;
  if (cur.text === '-' && tight && !next.spaceBefore) return 2;
  // Possessives inside names: "Minister’s Assistant’s Office", "Workers’ Party".
  if ((cur.text === '’s' || cur.text === "'s") && tight && next.spaceBefore) return 2;
  if ((cur.text === '’' || cur.text === "'") && tight && next.spaceBefore && /s$/.test(prev.text)) return 2;
  return connectorStep(tokens, i);
}

// "Bank of England", "Ambassador to China", "Ministry of the Interior": joins only after an org or title word.
function connectorStep(tokens: Token[], i: number): number {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  if (!prev || !cur || !CONNECTORS.has(cur.lower) || !cur.spaceBefore) return 0;
  const orgOrTitle = isOrgHead(prev.text) || isTitleCore(prev.text);
  if (cur.lower === '&' && isNameWord(tokens[i + 1])) return 2;
  if (!orgOrTitle || cur.lower === 'and') return 0;
  if (isNameWord(tokens[i + 1])) return 2;
  if (tokens[i + 1]?.lower === 'the' && isNameWord(tokens[i + 2])) return 3;
  return 0;
}

/** Maximal runs of capitalised words in one sentence, joined across hyphens, possessives and "of" after orgs. */
export function findChunks(tokens: Token[]): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i])) {
      i++;
      continue;
    }
    const from = i;
    let to = i + 1;
    for (let step = continues(tokens, to); step > 0 && to < tokens.length; step = continues(tokens, to)) {
      to += step;
    }
    out.push({ from, to });
    i = to;
  }
  return out;
}
