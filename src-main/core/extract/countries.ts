/** Country gazetteer: every ISO country's names, short forms and demonyms, matched over tokens. */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import { BLOCKED_COUNTRY_PHRASES, CANONICAL_OVERRIDES, DEMONYMS, EXTRA_COUNTRY_NAMES } from './demonyms';
import { tokenize, type Token } from './tokens';

countries.registerLocale(en);

export interface CountryEntry {
  code: string;
  name: string;
  kind: 'name' | 'demonym' | 'blocked';
  /** All-caps forms ("US", "UK") must match case-exactly so "us" the pronoun is not the United States. */
  exact: string | null;
}

export interface CountryHit {
  entry: CountryEntry;
  /** Index of the first token and one past the last token. */
  from: number;
  to: number;
}

function keyOf(tokens: Token[]): string {
  return tokens.map((t) => t.lower.replace(/’/g, "'")).join(' ');
}

function canonicalName(code: string, names: string[]): string {
  const override = CANONICAL_OVERRIDES[code];
  if (override) return override;
  const clean = names.filter((n) => !/[,()]/.test(n) && !/^[A-Z.]+$/.test(n) && !/^The /.test(n));
  return clean.sort((a, b) => a.length - b.length)[0] ?? names[0] ?? code;
}

function buildGazetteer(): { table: Map<string, CountryEntry>; maxTokens: number } {
  const table = new Map<string, CountryEntry>();
  let maxTokens = 1;
  const add = (phrase: string, entry: Omit<CountryEntry, 'exact'>): void => {
    const toks = tokenize(phrase, 0);
    const key = keyOf(toks);
    if (table.has(key) && entry.kind !== 'blocked') return;
    table.set(key, { ...entry, exact: /^[A-Z.]+$/.test(phrase) ? phrase : null });
    maxTokens = Math.max(maxTokens, toks.length);
  };
  const all = countries.getNames('en', { select: 'all' });
  for (const [code, names] of Object.entries(all)) {
    const name = canonicalName(code, names);
    for (const n of [...names, ...(EXTRA_COUNTRY_NAMES.get(code) ?? [])]) {
      if (!/[,()]/.test(n)) add(n, { code, name, kind: 'name' });
    }
    for (const d of DEMONYMS.get(code) ?? []) add(d, { code, name, kind: 'demonym' });
  }
  for (const [code, extra] of EXTRA_COUNTRY_NAMES) {
    if (!all[code]) for (const n of extra) add(n, { code, name: extra[0] ?? n, kind: 'name' });
  }
  for (const b of BLOCKED_COUNTRY_PHRASES) add(b, { code: '', name: b, kind: 'blocked' });
  return { table, maxTokens };
}

const { table: GAZETTEER, maxTokens: MAX_TOKENS } = buildGazetteer();

/** Looks up a phrase as written ("Chinese", "North Korea"); returns null when it is not a country. */
export function lookupCountry(phrase: string): CountryEntry | null {
  const toks = tokenize(phrase, 0);
  const entry = GAZETTEER.get(keyOf(toks));
  if (!entry || entry.kind === 'blocked') return null;
  if (entry.exact !== null && entry.exact !== phrase) return null;
  return entry;
}

/** Longest-first country mentions among `tokens`; blocked phrases ("Latin America") hide what they contain. */
export function findCountries(tokens: Token[]): CountryHit[] {
  const hits: CountryHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first?.isCap) continue;
    for (let n = Math.min(MAX_TOKENS, tokens.length - i); n >= 1; n--) {
      const window = tokens.slice(i, i + n);
      const entry = GAZETTEER.get(keyOf(window));
      if (!entry || !contiguous(window)) continue;
      if (entry.exact !== null && entry.exact !== window.map((t) => t.text).join(' ')) continue;
      if (entry.kind !== 'blocked') hits.push({ entry, from: i, to: i + n });
      i += n - 1;
      break;
    }
  }
  return hits;
}

// A name must not straddle a line break or punctuation gap such as "Korea. Russia".
function contiguous(window: Token[]): boolean {
  for (let k = 1; k < window.length; k++) {
    const prev = window[k - 1];
    const cur = window[k];
    if (prev && cur && cur.start - prev.end > 1) return false;
  }
  return window[window.length - 1]?.isWord ?? false;
}
