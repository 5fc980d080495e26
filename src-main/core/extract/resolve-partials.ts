/** Decides which full name a bare word stands for ("Kim" after "General Secretary" is Kim Jong-un, not Kim Il-sung). */
import type { ActorType } from './types';
import type { RawMention } from './mentions';
import { isAcronym } from './lexicon';
import { isNotOrgAcronym, isOrgHead, isWorldOrganization } from './organizations';
import { roleTokens } from './role-text';

export interface Resolved {
  mention: RawMention;
  type: ActorType;
  canonical: string;
}

interface Candidate {
  name: string;
  words: string[];
  roleWords: Set<string>;
  positions: number[];
}

function lower(words: string[]): string[] {
  return words.map((w) => w.toLowerCase());
}

function candidatesFrom(mentions: RawMention[]): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  for (const m of mentions) {
    if (m.type !== 'person' || (m.partial && m.title === null)) continue;
    const key = m.name.toLowerCase();
    let c = out.get(key);
    if (!c) {
      c = { name: m.name, words: lower(m.name.split(/\s+/)), roleWords: new Set(), positions: [] };
      out.set(key, c);
    }
    for (const r of [...m.roles, m.title ?? '']) for (const t of roleTokens(r)) c.roleWords.add(t);
    c.positions.push(m.start);
  }
  return out;
}

function pick(m: RawMention, cands: Candidate[]): Candidate | undefined {
  const titleWords = roleTokens(m.title ?? '');
  let best: Candidate | undefined;
  let bestScore = -1;
  for (const c of cands) {
    const overlap = [...titleWords].filter((t) => c.roleWords.has(t)).length;
    const lastBefore = Math.max(-1, ...c.positions.filter((p) => p <= m.start));
    const score = overlap * 1e7 + (lastBefore + 1) / 1e3 + (c.words.length > 1 ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

function matching(word: string, all: Candidate[]): Candidate[] {
  const w = word.toLowerCase();
  const multi = all.filter((c) => c.words.length > 1 && (c.words[0] === w || c.words[c.words.length - 1] === w));
  return multi.length > 0 ? multi : all.filter((c) => c.words.length === 1 && c.words[0] === w);
}

/** Every mention with its final type and canonical name; bare words that fit nobody become orgs or are dropped. */
export function resolvePartials(mentions: RawMention[]): Resolved[] {
  const firm = mentions.filter((m) => !m.weak);
  const kept = mentions.filter((m) => !m.weak || !firm.some((f) => f.start < m.end && m.start < f.end));
  const cands = candidatesFrom(kept);
  const all = [...cands.values()];
  const orgNames = new Set(kept.filter((m) => m.type === 'organization').map((m) => m.name.toLowerCase()));
  for (const m of kept) if (m.type === 'organization') orgNames.add((m.name.split(/\s+/)[0] ?? '').toLowerCase());
  const counts = new Map<string, number>();
  for (const m of kept)
    if (m.type === 'person' && m.partial && m.title === null) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  // A bare word the text only ever puts after "in", "near" ... is a place it names, however often ("in Abeokuta").
  const places = new Set<string>();
  for (const m of kept) if (m.type === 'person' && m.partial && m.title === null && m.placeContext) places.add(m.name);
  for (const m of kept)
    if (m.type === 'person' && m.partial && m.title === null && !m.placeContext) places.delete(m.name);
  const out: Resolved[] = [];
  for (const m of kept) {
    if (m.type !== 'person') {
      out.push({ mention: m, type: m.type, canonical: m.name });
      continue;
    }
    const multi = m.name.split(/\s+/).length > 1;
    const chosen = multi ? cands.get(m.name.toLowerCase()) : pick(m, matching(m.name, all));
    if (chosen) out.push({ mention: m, type: 'person', canonical: fullest(chosen, all) });
    else if (
      !multi &&
      !places.has(m.name) &&
      (orgNames.has(m.name.toLowerCase()) ||
        m.orgContext ||
        (counts.get(m.name) ?? 0) >= 2 ||
        (isAcronym(m.name) && !isNotOrgAcronym(m.name) && m.title === null))
    ) {
      // An acronym ("LSEG", "UNICEF") names a body, not a person.
      // A bare word that fits no person: an organisation when one is known by it, the context says so, or it recurs
      // (people are introduced by full name; companies and teams are often named by one word throughout).
      out.push({ mention: { ...m, roles: [] }, type: 'organization', canonical: m.name });
    }
  }
  return mergeOrgShortForms(out);
}

const INITIALS_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'to', '&', 'at']);

/** Initials of a multi-word name's words ("World Health Organization" -> "WHO", "Bank of England" -> "BOE"). */
export function initialsOf(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => w !== '' && !INITIALS_SKIP.has(w.toLowerCase()));
  return words.length < 2 ? '' : words.map((w) => (w[0] ?? '').toUpperCase()).join('');
}

// "Nimbus" is "Nimbus Semiconductor" when that is the only organisation whose name starts with it; "WHO" is the
// "World Health Organization" when that is the only organisation in the text with those initials.
function mergeOrgShortForms(resolved: Resolved[]): Resolved[] {
  const orgs = [...new Set(resolved.filter((r) => r.type === 'organization').map((r) => r.canonical))];
  const byInitials = new Map<string, string[]>();
  for (const o of orgs) {
    const ini = initialsOf(o);
    if (ini.length >= 2) byInitials.set(ini, [...(byInitials.get(ini) ?? []), o]);
  }
  return resolved.map((r) => {
    if (r.type !== 'organization' || r.canonical.includes(' ')) return r;
    const full = byInitials.get(r.canonical.replace(/\./g, ''));
    if (isAcronym(r.canonical) && full?.length === 1 && full[0]) return { ...r, canonical: full[0] };
    // A standing world body is a whole name of its own: "UN" is not the "UN Office for ..." that carries it as a
    // prefix (that office is one body inside it), so "the UN refugee agency" is never the office.
    const longer = isWorldOrganization(r.canonical) ? [] : orgs.filter((o) => o.startsWith(`${r.canonical} `));
    if (longer.length === 1 && longer[0]) return { ...r, canonical: longer[0] };
    // "the Council" is "Leeds City Council" when that is the only organisation in the text ending in that word.
    const ending = isOrgHead(r.canonical) ? orgs.filter((o) => o.endsWith(` ${r.canonical}`)) : [];
    return ending.length === 1 && ending[0] ? { ...r, canonical: ending[0] } : r;
  });
}

// "Xi" titled alone and "Xi Jinping" elsewhere: a one-word candidate defers to the unique longer name it starts or ends.
function fullest(c: Candidate, all: Candidate[]): string {
  if (c.words.length > 1) return c.name;
  const w = c.words[0] ?? '';
  const longer = all.filter((o) => o.words.length > 1 && (o.words[0] === w || o.words[o.words.length - 1] === w));
  return longer.length === 1 && longer[0] ? longer[0].name : c.name;
}
