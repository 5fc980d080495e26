/** Groups capitalised tokens into candidate name chunks ("North Korean Workers’ Party General Secretary Kim"). */
import { isTitleCore } from './titles';
import { isBodyWord, isOrgHead } from './organizations';
import type { Token } from './tokens';
import { lookupCountry } from './countries';
import { isAcronym, isCommonWord, isFirstName, isKnownOrganization, isLastName, isPlaceName } from './lexicon';

export interface Chunk {
  /** Indices into the sentence's tokens: [from, to). */
  from: number;
  to: number;
}

const CONNECTORS = new Set(['of', 'for', 'to', 'de', 'and', '&', 'on']);

// Abbreviated titles written with a period ("Dr. Tedros", "Prof. Amara Lindqvist"): the period does not end the chunk.
const TITLE_ABBREVIATIONS = /^(?:dr|prof|mr|mrs|ms|mx|gen|sen|rep|gov|lt|col|capt|sgt|rev|st)$/;

// Bodies named for a subject with "on" ("Framework Convention on Climate Change", "Panel on Climate Change").
const ON_HEADS = /^(?:convention|panel|conference|tribunal|commission|committee|council)$/;

// Weekdays and months after "on"/"in" are dates, never part of a name ("the committee on Monday").
const DATE_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

// "T-shirt", "X-ray", "U-turn", "A-levels": a capital letter hyphened to a lower-case word is a common noun.
function isLetterCompound(text: string): boolean {
  return /^\p{Lu}-\p{Ll}/u.test(text);
}

function isNameWord(t: Token | undefined): t is Token {
  return t !== undefined && t.isWord && (t.isCap || /^\d/.test(t.text)) && t.text !== 'I' && !isLetterCompound(t.text);
}

// An organisation's possessive ends its name: "NASA's Europa Clipper", "the European Space Agency's Juice probe" name
// the body and then something of its own ("Minister's Assistant's Office" and "Workers' Party" stay whole).
function possessorIsOrganisation(tokens: Token[], from: number, i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return false;
  // "The FBI's Pittsburgh field office": a leading article is no part of the possessor.
  const start = /^(?:the|a|an)$/.test(tokens[from]?.lower ?? '') ? from + 1 : from;
  if (i - 1 === start && isAcronym(prev.text)) return true;
  const possessor = tokens
    .slice(start, i)
    .map((t) => t.text)
    .join(' ');
  // A country's possessive too: "Japan's Haruka Moriyama" is a player from Japan.
  return (
    (i - 1 > from && isOrgHead(prev.text)) ||
    isKnownOrganization(possessor) ||
    lookupCountry(possessor)?.kind === 'name'
  );
}

// After a possessive, the capitalised words that follow belong to one name with it only when they end in an
// organisation word ("Minister's Assistant's Office"); "Tessco's Brannock depot" names Tessco and then a place of its.
function possessionIsName(tokens: Token[], k: number): boolean {
  let j = k;
  while (isNameWord(tokens[j]) && (j === k || tokens[j]?.spaceBefore)) j++;
  // A chain of possessives ("Minister's Assistant's Office") is judged by its last part.
  if (j > k && /^['’]s$/.test(tokens[j]?.text ?? '')) return possessionIsName(tokens, j + 1);
  const last = tokens[j - 1];
  return j > k && last !== undefined && isOrgHead(last.text);
}

// The token at i continues the chunk that ends at i - 1 (the chunk began at `from`).
function continues(tokens: Token[], i: number, from: number): number {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  const next = tokens[i + 1];
  if (!prev || !cur) return 0;
  if (isNameWord(cur) && cur.spaceBefore && cur.start - prev.end === 1 && prev.isWord) return 1;
  if (
    cur.text === '.' &&
    !cur.spaceBefore &&
    prev.isWord &&
    TITLE_ABBREVIATIONS.test(prev.lower) &&
    next?.spaceBefore &&
    isNameWord(next) &&
    next.start - cur.end === 1
  )
    return 2;
  const tight = !cur.spaceBefore && next !== undefined && next.isCap;
  if (cur.text === '-' && tight && !next.spaceBefore) return 2;
  // Possessives inside names: "Minister’s Assistant’s Office", "Workers’ Party".
  if ((cur.text === '’s' || cur.text === "'s") && tight && next.spaceBefore) {
    return possessorIsOrganisation(tokens, from, i) || !possessionIsName(tokens, i + 1) ? 0 : 2;
  }
  if ((cur.text === '’' || cur.text === "'") && tight && next.spaceBefore && /s$/.test(prev.text)) return 2;
  return particleStep(tokens, i) || connectorStep(tokens, i, from);
}

// Lower-case particles inside a person's name: "Lula da Silva", "Ursula von der Leyen", "Ahmed bin Salman".
const PARTICLES = new Set([
  'da',
  'de',
  'do',
  'dos',
  'das',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
]);

function particleStep(tokens: Token[], i: number): number {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  if (!prev || !cur || !prev.isCap || !prev.isWord || !PARTICLES.has(cur.text) || !cur.spaceBefore) return 0;
  if (isOrgHead(prev.text) || isTitleCore(prev.text)) return 0;
  let k = i + 1;
  if (PARTICLES.has(tokens[k]?.text ?? '') && tokens[k]?.spaceBefore) k++;
  const name = tokens[k];
  return isNameWord(name) && name.spaceBefore && !isOrgHead(name.text) ? k + 1 - i : 0;
}

// "Bank of England", "Ambassador to China", "Ministry of the Interior": joins only after an org or title word.
function connectorStep(tokens: Token[], i: number, from: number): number {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  if (!prev || !cur || !CONNECTORS.has(cur.lower) || !cur.spaceBefore) return 0;
  const orgOrTitle = isOrgHead(prev.text) || isTitleCore(prev.text);
  if (cur.lower === '&' && isNameWord(tokens[i + 1])) return 2;
  if (cur.lower === 'and') return andStep(tokens, i, from);
  // "Convention on Climate Change", "Committee on Foreign Affairs": "on" joins only after an organisation word.
  // ... and inside an organisation's subject ("International Agency for Research on Cancer").
  const inOrgComplement = tokens
    .slice(from, i - 1)
    .some((t, k, run) => isOrgHead(t.text) && /^(?:of|for)$/.test(run[k + 1]?.lower ?? ''));
  if (
    cur.lower === 'on' &&
    (!(isOrgHead(prev.text) || ON_HEADS.test(prev.lower) || inOrgComplement) ||
      DATE_WORDS.test(tokens[i + 1]?.lower ?? ''))
  )
    return 0;
  if (cur.lower === 'on') return isNameWord(tokens[i + 1]) ? 2 : 0;
  // "Office for the Coordination of Humanitarian Affairs", "Committee for Medicinal Products for Human Use": inside an
  // organisation's subject, "of" and "for" join on.
  if (!orgOrTitle && !(inOrgComplement && (cur.lower === 'of' || cur.lower === 'for'))) return 0;
  if (isNameWord(tokens[i + 1])) return 2;
  if (tokens[i + 1]?.lower === 'the' && isNameWord(tokens[i + 2])) return 3;
  return 0;
}

/**
 * "Senate Transport and Energy Committee": "and" joins two subject words of one body when the words after it run to an
 * organisation word and the words before it (two or more) are no complete name of their own ("Norland Ports
 * Authority and Tessco" and "Ministry of Defence and Home Office" stay two names).
 */
// Words that end the name of a public body whose subject words may be joined by "and".
const BODY_END =
  /^(?:committee|subcommittee|commission|council|authority|agency|board|bureau|office|ministry|department|institute|tribunal|panel|caucus|service)$/;

function andStep(tokens: Token[], i: number, from: number): number {
  const prev = tokens[i - 1];
  if (!prev) return 0;
  if (tokens.slice(from, i).some((t, k, run) => isOrgHead(t.text) && /^(?:of|for)$/.test(run[k + 1]?.lower ?? '')))
    return 0;
  let j = i + 1;
  while (j - i <= 3 && isNameWord(tokens[j]) && tokens[j]?.spaceBefore) j++;
  const last = tokens[j - 1];
  if (!(j > i + 1 && last !== undefined && BODY_END.test(last.lower) && !isNameWord(tokens[j]))) return 0;
  if (!isBodyWord(prev.text) && i - from >= 2) return j - i;
  // "Police and Border Guard Board (PPA)": one word that closes a name of its own ("Police", "Treasury") still opens
  // this one when the writer gives the whole phrase one acronym, unless that acronym is the initials of the words
  // after "and" alone ("the Treasury and Federal Reserve Board (FRB)" names the board).
  const acr = bracketedAcronym(tokens, j);
  const afterInitials = tokens
    .slice(i + 1, j)
    .map((t) => t.text[0] ?? '')
    .join('')
    .toUpperCase();
  return acr !== null && acr !== afterInitials ? j - i : 0;
}

// "(PPA)" right after token j - 1: the acronym, or null.
function bracketedAcronym(tokens: Token[], j: number): string | null {
  const open = tokens[j];
  const word = tokens[j + 1];
  const close = tokens[j + 2];
  return open?.text === '(' && close?.text === ')' && word && /^[A-Z]{2,6}$/.test(word.text) ? word.text : null;
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
    for (let step = continues(tokens, to, from); step > 0 && to < tokens.length; step = continues(tokens, to, from)) {
      to += step;
    }
    to = extendOrgList(tokens, from, to);
    out.push({ from, to });
    i = to;
  }
  return out;
}

// A word that can stand in the subject list of an office's name ("Housing", "Communities", "Social Care") and is
// not itself a name ("Barclays", "HSBC", "Wales").
function genericWord(t: Token): boolean {
  const w = t.text;
  if (isAcronym(w) || isFirstName(w) || isLastName(w) || lookupCountry(w) || isPlaceName(w) || isKnownOrganization(w))
    return false;
  return true;
}

function commonish(t: Token): boolean {
  const w = t.text;
  return isCommonWord(w) || isCommonWord(w.replace(/ies$/, 'y')) || isCommonWord(w.replace(/s$/, ''));
}

/**
 * "Department for Levelling Up, Housing and Communities", "Department of Health and Social Care": after an
 * organisation word with "of"/"for", a list of capitalised subject words joined by commas and a final "and" is part of
 * the name. Only ordinary subject words qualify, so "the Bank of England and Barclays" stays two names.
 */
function extendOrgList(tokens: Token[], from: number, to: number): number {
  let hasOf = false;
  for (let k = from; k + 1 < to && !hasOf; k++) {
    const tk = tokens[k];
    hasOf = tk !== undefined && tk.isWord && isOrgHead(tk.text) && /^(?:of|for)$/.test(tokens[k + 1]?.lower ?? '');
  }
  if (!hasOf) return to;
  let j = to;
  const words: Token[] = [];
  for (;;) {
    const sep = tokens[j];
    if (!sep || (sep.text !== ',' && sep.lower !== 'and')) return to;
    let k = j + 1;
    if (sep.text === ',' && tokens[k]?.lower === 'and') k++;
    const runStart = k;
    while (isNameWord(tokens[k]) && (k === runStart || tokens[k]?.start === (tokens[k - 1]?.end ?? 0) + 1)) k++;
    if (k === runStart || k - runStart > 3) return to;
    for (let x = runStart; x < k; x++) words.push(tokens[x] as Token);
    j = k;
    if (sep.lower === 'and' || tokens[runStart - 1]?.lower === 'and') break;
  }
  return words.every(genericWord) && words.some(commonish) ? j : to;
}
