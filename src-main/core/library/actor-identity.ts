/**
 * Who is who across the library: groups the actors of every document (each already corrected by the reader within its
 * document) into cross-document identities, then replays the reader's library-level merges and splits. Pure.
 *
 * Matching is deliberately cautious, because a wrong join puts one person's words in another's mouth:
 * - actors of different kinds never join (a country and a person of the same name stay apart);
 * - persons join on a full name (two words or more, titles like "President" set aside), canonical or alias;
 * - a person known only by one word ("Smith") joins the one full-name identity that word can stand for (its first or
 *   last word, or an alias); when the library holds two or more such people it joins none of them and stays on its
 *   own, one identity per document; when it holds none, the one-word Smiths of the library are taken as one;
 * - countries and organisations join on their canonical name, and on an alias only when that alias points to exactly
 *   one other identity (two organisations both called "PA" by someone never join through it).
 *
 * Library corrections name members (document id + actor id), never identity keys, so they keep working when documents
 * are added and an identity's name or key changes.
 */
import type { ActorType } from '../extract/types';

/** One actor of one document, as the document's corrected analysis gives it. */
export interface DocActor {
  docId: string;
  actorId: string;
  name: string;
  aliases: readonly string[];
  kind: ActorType;
  roles: readonly string[];
}

export interface ActorMemberRef {
  docId: string;
  actorId: string;
}

/**
 * The reader's library-level corrections, replayed in order. `merge`: the identities holding `a` and `b` are one.
 * `split`: `members` leave their identity and form one of their own.
 */
export type LibraryActorCorrection =
  { type: 'merge'; a: ActorMemberRef; b: ActorMemberRef } | { type: 'split'; members: ActorMemberRef[] };

export interface ActorIdentity {
  /** Stable for the same library: `kind:slug-of-name`, with `~doc/actor` of its first member when two share it. */
  key: string;
  /** The fullest, most used canonical name of its members. */
  name: string;
  kind: ActorType;
  /** Every other name and alias of its members, one per normalised form, in first-seen order. */
  aliases: string[];
  /** Every role its members hold, one per normalised form. */
  roles: string[];
  /** Sorted by document id, then actor id. */
  members: ActorMemberRef[];
}

/** The key a member is looked up by. */
export function memberKey(ref: ActorMemberRef): string {
  return `${ref.docId}/${ref.actorId}`;
}

/**
 * Names repeat across a library (the same people in hundreds of articles), and normalising is the costliest step of
 * grouping, so results are remembered; the memo is emptied when it grows past a bound.
 */
const normalised = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/** Lower case, accents and punctuation dropped, spaces collapsed, a leading "the" dropped. */
export function normaliseName(name: string): string {
  let out = normalised.get(name);
  if (out === undefined) {
    if (normalised.size >= MEMO_LIMIT) normalised.clear();
    out = normalise(name);
    normalised.set(name, out);
  }
  return out;
}

function normalise(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Words that title a person and so say nothing of who they are ("President Smith" is Smith). */
const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister foreign secretary general gen ' +
    'chancellor premier king queen prince princess senator sen rep representative governor gov mayor chairman chair ' +
    'chairwoman leader pope ambassador judge justice deputy colonel col captain capt lieutenant lt admiral adm ' +
    'commander sheikh emperor supreme chief director envoy spokesman spokeswoman spokesperson former late'
  ).split(' '),
);

/** A person's name as words, titles left out. */
function personWords(name: string): string[] {
  const words = normaliseName(name).split(' ').filter(Boolean);
  const kept = words.filter((w) => !TITLE_WORDS.has(w));
  return kept.length > 0 ? kept : words;
}

class Groups {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function addTo(map: Map<string, Set<number>>, key: string, value: number): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Joins actors of one kind by name (see the module comment). Returns each actor's group root. */
function matchKind(actors: readonly DocActor[], kind: ActorType): number[] {
  const groups = new Groups(actors.length);
  const strong = new Map<string, number>();
  const joinStrong = (form: string, i: number) => {
    const first = strong.get(form);
    if (first === undefined) strong.set(form, i);
    else groups.union(first, i);
  };
  // Phase 1: full names (persons) or canonical names (countries, organisations).
  actors.forEach((actor, i) => {
    if (kind === 'person') {
      for (const form of [actor.name, ...actor.aliases]) {
        const words = personWords(form);
        if (words.length >= 2) joinStrong(words.join(' '), i);
      }
    } else {
      const form = normaliseName(actor.name);
      if (form) joinStrong(form, i);
    }
  });
  // Phase 2: one-word persons and aliases of the others, judged against the phase-1 groups all at once, so the order
  // of documents never decides a join.
  const roots = actors.map((_, i) => groups.find(i));
  const joins: [number, number][] = [];
  if (kind === 'person') {
    const fullByWord = new Map<string, Set<number>>();
    const singles = new Map<string, Set<number>>();
    actors.forEach((actor, i) => {
      const nameWords = personWords(actor.name);
      if (nameWords.length === 1) {
        addTo(singles, nameWords[0]!, i);
        return;
      }
      for (const form of [actor.name, ...actor.aliases]) {
        const words = personWords(form);
        if (words.length === 1) addTo(fullByWord, words[0]!, roots[i]!);
        else {
          addTo(fullByWord, words[0]!, roots[i]!);
          addTo(fullByWord, words[words.length - 1]!, roots[i]!);
        }
      }
    });
    for (const [word, members] of singles) {
      const full = fullByWord.get(word);
      const list = [...members];
      if (full === undefined) for (const i of list.slice(1)) joins.push([list[0]!, i]);
      else if (full.size === 1) {
        const [root] = full;
        for (const i of list) joins.push([root!, i]);
      }
    }
  } else {
    const byForm = new Map<string, Set<number>>();
    actors.forEach((actor, i) => {
      for (const form of [actor.name, ...actor.aliases]) {
        const normal = normaliseName(form);
        if (normal) addTo(byForm, normal, roots[i]!);
      }
    });
    actors.forEach((actor, i) => {
      for (const alias of actor.aliases) {
        const others = [...(byForm.get(normaliseName(alias)) ?? [])].filter((root) => root !== roots[i]);
        if (others.length === 1) joins.push([others[0]!, i]);
      }
    });
  }
  for (const [a, b] of joins) groups.union(a, b);
  return actors.map((_, i) => groups.find(i));
}

function compareRefs(a: ActorMemberRef, b: ActorMemberRef): number {
  return a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0;
}

function slug(name: string): string {
  return normaliseName(name).replace(/ /g, '-') || 'unnamed';
}

/** The fullest, most used canonical name: several words first, then how many members use it, then length. */
function displayName(members: readonly DocActor[]): string {
  const counts = new Map<string, { name: string; count: number }>();
  for (const m of members) {
    const form = normaliseName(m.name);
    const seen = counts.get(form);
    if (seen) seen.count++;
    else counts.set(form, { name: m.name, count: 1 });
  }
  const words = (name: string) => (members[0]!.kind === 'person' ? personWords(name) : normaliseName(name).split(' '));
  const best = [...counts.values()].sort(
    (a, b) =>
      Number(words(b.name).length >= 2) - Number(words(a.name).length >= 2) ||
      b.count - a.count ||
      b.name.length - a.name.length ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return best[0]!.name;
}

function distinct(values: Iterable<string>, exclude: string): string[] {
  const seen = new Set([normaliseName(exclude)]);
  const out: string[] = [];
  for (const value of values) {
    const form = normaliseName(value);
    if (!form || seen.has(form)) continue;
    seen.add(form);
    out.push(value);
  }
  return out;
}

/**
 * Groups every document's actors into library identities, honouring `corrections` in order. A correction naming a
 * member no longer in the library (its document deleted) is skipped; a merge across kinds is skipped (the service
 * refuses to store one).
 */
export function groupActorIdentities(
  actors: readonly DocActor[],
  corrections: readonly LibraryActorCorrection[] = [],
): ActorIdentity[] {
  const byKey = new Map<string, DocActor>();
  for (const actor of actors) if (!byKey.has(memberKey(actor))) byKey.set(memberKey(actor), actor);
  const unique = [...byKey.values()];
  // Group ids: the automatic match, then relabelled by each correction.
  const groupOf = new Map<string, string>();
  for (const kind of ['person', 'country', 'organization'] as const) {
    const ofKind = unique.filter((a) => a.kind === kind);
    const roots = matchKind(ofKind, kind);
    ofKind.forEach((actor, i) => groupOf.set(memberKey(actor), `${kind}#${roots[i]}`));
  }
  let fresh = 0;
  for (const correction of corrections) {
    if (correction.type === 'merge') {
      const a = byKey.get(memberKey(correction.a));
      const b = byKey.get(memberKey(correction.b));
      if (!a || !b || a.kind !== b.kind) continue;
      const into = groupOf.get(memberKey(a))!;
      const from = groupOf.get(memberKey(b))!;
      for (const [member, group] of groupOf) if (group === from) groupOf.set(member, into);
    } else {
      const id = `split#${fresh++}`;
      for (const ref of correction.members) if (byKey.has(memberKey(ref))) groupOf.set(memberKey(ref), id);
    }
  }
  const grouped = new Map<string, DocActor[]>();
  for (const actor of unique) {
    const id = groupOf.get(memberKey(actor))!;
    const list = grouped.get(id);
    if (list) list.push(actor);
    else grouped.set(id, [actor]);
  }
  const identities = [...grouped.values()].map((members) => {
    members.sort(compareRefs);
    const name = displayName(members);
    return {
      key: `${members[0]!.kind}:${slug(name)}`,
      name,
      kind: members[0]!.kind,
      aliases: distinct(
        members.flatMap((m) => [m.name, ...m.aliases]),
        name,
      ),
      roles: distinct(
        members.flatMap((m) => m.roles),
        '',
      ),
      members: members.map((m) => ({ docId: m.docId, actorId: m.actorId })),
    };
  });
  // Two identities with one name (two Smiths kept apart): the one whose first member sorts first keeps the plain key.
  identities.sort((a, b) => compareRefs(a.members[0]!, b.members[0]!));
  const taken = new Set<string>();
  for (const identity of identities) {
    if (taken.has(identity.key)) identity.key = `${identity.key}~${memberKey(identity.members[0]!)}`;
    taken.add(identity.key);
  }
  return identities;
}

/** Each member's identity, by `memberKey`. */
export function identitiesByMember(identities: readonly ActorIdentity[]): Map<string, ActorIdentity> {
  const map = new Map<string, ActorIdentity>();
  for (const identity of identities) for (const member of identity.members) map.set(memberKey(member), identity);
  return map;
}
