/**
 * The reader's corrections to the extraction engine, and how they are applied: renames, merges, splits, added actors
 * and fixed date values are stored separately from the engine's output and win over it, so re-running a newer engine
 * never loses what the reader fixed. Pure: text and results in, corrected results out.
 */
import type { Actor, ActorType, Confidence, DateMention, ExtractionResult, Span } from '../extract/types';

export interface ActorSplit {
  /** Id of the actor that wrongly holds the alias. */
  actor: string;
  /** The surface form to move out into an actor of its own. */
  alias: string;
  type: ActorType;
}

export interface AddedActor {
  name: string;
  type: ActorType;
  role?: string;
}

export interface Corrections {
  renames: Record<string, string>;
  merges: { from: string; into: string }[];
  splits: ActorSplit[];
  added: AddedActor[];
  removed: string[];
  /** Keyed by `dateKey(date)`. */
  dateValues: Record<string, string>;
  /**
   * Roles the reader said an actor does not hold (from a quiz question reported wrong). Optional, like `removedDates`:
   * annotation files written before they existed have neither and stay valid.
   */
  droppedRoles?: { actor: string; role: string }[];
  /** `dateKey`s of date mentions the reader said are wrong; they are left out of the dates (and so never asked). */
  removedDates?: string[];
  /**
   * Items the engine was unsure of ("check this") that the reader confirmed, by `confirmKey`: they count as sure from
   * then on, so they are asked in quizzes.
   */
  confirmed?: string[];
}

/** The key a confirmation is stored under: one actor, one role of an actor, or one date mention. */
export function confirmKey(item: { actor: string; role?: string } | Span): string {
  if ('actor' in item) return item.role === undefined ? `actor:${item.actor}` : `role:${item.actor}:${item.role}`;
  return `date:${item.start}-${item.end}`;
}

/** Marks what the reader confirmed as sure. */
function withConfirmed(
  actors: Actor[],
  dates: DateMention[],
  confirmed: readonly string[],
): { actors: Actor[]; dates: DateMention[] } {
  if (confirmed.length === 0) return { actors, dates };
  const keys = new Set(confirmed);
  return {
    actors: actors.map((actor) => {
      const roleConfidence =
        actor.roleConfidence &&
        Object.fromEntries(
          Object.entries(actor.roleConfidence).map(([role, c]) => [
            role,
            keys.has(confirmKey({ actor: actor.id, role })) ? CONFIRMED : c,
          ]),
        );
      const confidence = keys.has(confirmKey({ actor: actor.id })) ? CONFIRMED : actor.confidence;
      return { ...actor, ...(confidence && { confidence }), ...(roleConfidence && { roleConfidence }) };
    }),
    dates: dates.map((date) => (keys.has(confirmKey(date)) ? { ...date, confidence: CONFIRMED } : date)),
  };
}

/** What a confirmed (or reader-corrected) item's confidence becomes. */
const CONFIRMED: Confidence = { level: 'sure', reasons: [] };

export function emptyCorrections(): Corrections {
  return {
    renames: {},
    merges: [],
    splits: [],
    added: [],
    removed: [],
    dateValues: {},
    droppedRoles: [],
    removedDates: [],
    confirmed: [],
  };
}

export function dateKey(date: Span): string {
  return `${date.start}-${date.end}`;
}

export function actorId(name: string): string {
  return `user:${name.toLowerCase().replace(/\s+/g, '-')}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every letter-bounded occurrence of `phrase` in `text`. */
export function findPhrase(text: string, phrase: string): Span[] {
  if (!phrase.trim()) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase.trim())}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function sortSpans(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans
    .filter((span) => !seen.has(dateKey(span)) && seen.add(dateKey(span)))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function applySplit(text: string, actors: Actor[], split: ActorSplit): Actor[] {
  const source = actors.find((actor) => actor.id === split.actor);
  if (!source) return actors;
  const moved = source.mentions.filter((mention) => text.slice(mention.start, mention.end) === split.alias);
  const remaining = {
    ...source,
    aliases: source.aliases.filter((alias) => alias !== split.alias),
    mentions: source.mentions.filter((m) => !moved.includes(m)),
  };
  const created: Actor = {
    id: actorId(split.alias),
    name: split.alias,
    type: split.type,
    aliases: [],
    roles: [],
    mentions: moved,
  };
  return [...actors.map((actor) => (actor === source ? remaining : actor)), created];
}

function applyMerge(actors: Actor[], from: string, into: string): Actor[] {
  const a = actors.find((actor) => actor.id === from);
  const b = actors.find((actor) => actor.id === into);
  if (!a || !b || a === b) return actors;
  const merged: Actor = {
    ...b,
    aliases: [...new Set([...b.aliases, a.name, ...a.aliases])].filter((alias) => alias !== b.name),
    roles: [...new Set([...b.roles, ...a.roles])],
    ...((a.roleConfidence || b.roleConfidence) && { roleConfidence: { ...a.roleConfidence, ...b.roleConfidence } }),
    mentions: sortSpans([...b.mentions, ...a.mentions]),
  };
  return actors.filter((actor) => actor !== a).map((actor) => (actor === b ? merged : actor));
}

function applyAdded(text: string, actors: Actor[], added: AddedActor): Actor[] {
  const id = actorId(added.name);
  if (actors.some((actor) => actor.id === id)) return actors;
  const mentions = findPhrase(text, added.name);
  return [
    ...actors,
    { id, name: added.name, type: added.type, aliases: [], roles: added.role ? [added.role] : [], mentions },
  ];
}

/** Re-points each date's actor names at the corrected actors (renamed or merged names follow their actor). */
function correctDates(dates: DateMention[], values: Record<string, string>, actors: Actor[]): DateMention[] {
  const finalName = new Map<string, string>();
  for (const actor of actors) for (const form of [actor.name, ...actor.aliases]) finalName.set(form, actor.name);
  return dates.map((date) => {
    const value = values[dateKey(date)];
    const names = [...new Set(date.actors.map((name) => finalName.get(name) ?? name))];
    // A value the reader typed is theirs: nothing left for them to check.
    return value ? { ...date, value, actors: names, confidence: CONFIRMED } : { ...date, actors: names };
  });
}

/** Returns the engine's result with the reader's corrections applied; corrections naming missing actors are skipped. */
export function applyCorrections(text: string, result: ExtractionResult, corrections: Corrections): ExtractionResult {
  let actors = result.actors.filter((actor) => !corrections.removed.includes(actor.id));
  for (const split of corrections.splits) actors = applySplit(text, actors, split);
  for (const merge of corrections.merges) actors = applyMerge(actors, merge.from, merge.into);
  for (const added of corrections.added) actors = applyAdded(text, actors, added);
  actors = actors.map((actor) => {
    const name = corrections.renames[actor.id];
    if (!name || name === actor.name) return actor;
    // Renaming says the reader looked at the actor and knows who it is.
    return {
      ...actor,
      name,
      confidence: CONFIRMED,
      aliases: [...new Set([actor.name, ...actor.aliases])].filter((alias) => alias !== name),
    };
  });
  const dropped = corrections.droppedRoles ?? [];
  actors = actors.map((actor) => {
    const gone = new Set(dropped.filter((d) => d.actor === actor.id).map((d) => d.role));
    return gone.size === 0 ? actor : { ...actor, roles: actor.roles.filter((role) => !gone.has(role)) };
  });
  const removedDates = new Set(corrections.removedDates ?? []);
  const dates = result.dates.filter((date) => !removedDates.has(dateKey(date)));
  const confirmed = withConfirmed(
    actors,
    correctDates(dates, corrections.dateValues, actors),
    corrections.confirmed ?? [],
  );
  return { ...result, ...confirmed };
}

/** What the reader's corrections took out of the engine's result, so each can be put back. */
export interface SetAside {
  actors: { id: string; name: string }[];
  roles: { actor: string; name: string; role: string }[];
  dates: { start: number; end: number; text: string }[];
}

/**
 * The actors removed, roles dropped and dates taken out by `corrections`, named as the engine (`result`) or the
 * corrected result (`shown`) names them; corrections naming nothing any more are left out.
 */
export function setAsideOf(result: ExtractionResult, corrections: Corrections, shown: ExtractionResult): SetAside {
  const actors = corrections.removed.flatMap((id) => {
    const actor = result.actors.find((a) => a.id === id);
    return actor ? [{ id, name: actor.name }] : [];
  });
  const roles = (corrections.droppedRoles ?? []).flatMap(({ actor, role }) => {
    const found = shown.actors.find((a) => a.id === actor);
    return found ? [{ actor, name: found.name, role }] : [];
  });
  const removedDates = new Set(corrections.removedDates ?? []);
  const dates = result.dates
    .filter((d) => removedDates.has(dateKey(d)))
    .map((d) => ({ start: d.start, end: d.end, text: d.text }));
  return { actors, roles, dates };
}
