/**
 * Wrong answers of the answer's own kind: a person for a person, a country for a country, a role for a role, a date of
 * the same precision nearby. The article's own names and dates come first (they are plausible to its reader), then the
 * library pool, then, for dates only, shifted copies of the answer. Nothing returned names or equals the answer.
 */
import type { Actor, ActorType } from '../extract/types';
import type { ArticleContext } from './context';
import { dateLabel, parseDateValue, shiftDate, type DateParts } from './date-value';
import { namesAnswer, variantNames } from './names';
import { answerKey, containsWords, contentStems, distinctAnswers } from './normalize';
import { createRng, shuffled, type Rng } from './prng';

const WANTED = 3;

// The most prominent few, shuffled, so the same famous names do not fill every question.
function prominentShuffle(names: string[], rng: Rng): string[] {
  const head = shuffled(names.slice(0, WANTED * 2), rng);
  return [...head, ...names.slice(WANTED * 2)];
}

// Same-type actors that are not the answer under another name, most mentioned first; cached per context.
function rivals(ctx: ArticleContext, answer: Actor, type: ActorType): Actor[] {
  const key = `rivals:${answer.id}:${type}`;
  const cached = ctx.cache.get(key) as Actor[] | undefined;
  if (cached) return cached;
  const list = ctx.actors
    .filter(
      (a) =>
        a.type === type &&
        a.id !== answer.id &&
        !namesAnswer(a.name, answer) &&
        !a.aliases.some((s) => namesAnswer(s, answer)),
    )
    .sort((a, b) => (ctx.prominence.get(b.id) ?? 0) - (ctx.prominence.get(a.id) ?? 0) || a.name.localeCompare(b.name));
  ctx.cache.set(key, list);
  return list;
}

// Pool names of a type that are not an article actor written another way ("Sousa" for "Ana Sousa"); cached.
function poolNames(ctx: ArticleContext, type: ActorType): string[] {
  const key = `pool:${type}`;
  const cached = ctx.cache.get(key) as string[] | undefined;
  if (cached) return cached;
  const names = ctx.pool.actors
    .filter((a) => a.type === type && !ctx.actors.some((known) => known.type === type && namesAnswer(a.name, known)))
    .map((a) => a.name);
  ctx.cache.set(key, names);
  return names;
}

/**
 * Distractor names for `answer` (canonical names of other actors of its type, article first, then pool), at most
 * `WANTED * 2` so choices can still drop duplicates. `exclude` holds ids of actors that must not appear (those
 * visible in the question). Returns [] when the article and pool hold no other actor of that type.
 */
export function actorDistractors(
  ctx: ArticleContext,
  answer: Actor,
  seedParts: (string | number)[],
  exclude: ReadonlySet<string> = new Set(),
  type: ActorType = answer.type,
): string[] {
  const rng = createRng(ctx.seed, 'actors', ...seedParts);
  const fromArticle = rivals(ctx, answer, type)
    .filter((a) => !exclude.has(a.id))
    .map((a) => a.name);
  const fromPool = poolNames(ctx, type);
  const taken = new Set<string>();
  // Two distractors naming one actor ("Fed" and "Federal Reserve") would read as a trick: the first of them stays.
  const picked: string[] = [];
  for (const name of distinctAnswers([...prominentShuffle(fromArticle, rng), ...shuffled(fromPool, rng)], taken)) {
    if (!picked.some((p) => variantNames(p, name) || containsWords(p, name) || containsWords(name, p)))
      picked.push(name);
  }
  return picked.slice(0, WANTED * 2);
}

/** True when one role reads as the other: all the content words of either are in the other ("President", "Russian President"). */
export function rolesOverlap(a: string, b: string): boolean {
  const sa = contentStems(a);
  const sb = new Set(contentStems(b));
  const shared = sa.filter((w) => sb.has(w)).length;
  return shared > 0 && (shared === sa.length || shared === sb.size);
}

/** Roles of other actors (article, then pool) that cannot be read as one of `actor`'s roles; [] when none exist. */
export function roleDistractors(ctx: ArticleContext, actor: Actor, seedParts: (string | number)[]): string[] {
  const rng = createRng(ctx.seed, 'roles', ...seedParts);
  const fits = (role: string): boolean =>
    !actor.roles.some((own) => rolesOverlap(own, role) || answerKey(own) === answerKey(role));
  const fromArticle = ctx.actors
    .filter((a) => a.id !== actor.id)
    .flatMap((a) => a.roles)
    .filter(fits);
  const fromPool = ctx.pool.actors.flatMap((a) => a.roles).filter(fits);
  const taken = new Set(actor.roles.map(answerKey));
  return distinctAnswers([...shuffled(fromArticle, rng), ...shuffled(fromPool, rng)], taken).slice(0, WANTED * 2);
}

function sameShape(a: DateParts, b: DateParts): boolean {
  return (
    a.grain === b.grain && (a.end === null) === (b.end === null) && (a.start.year === null) === (b.start.year === null)
  );
}

// Years within this distance of the answer are plausible confusions; a date decades off is a giveaway.
const PLAUSIBLE_YEARS = 30;

function plausible(answer: DateParts, other: DateParts): boolean {
  if (answer.start.year === null || other.start.year === null) return true;
  return Math.abs(answer.start.year - other.start.year) <= PLAUSIBLE_YEARS;
}

function shifted(answer: DateParts, rng: Rng): string[] {
  // Small moves in the answer's own unit; a day answer moves by up to two weeks, a range keeps its length.
  const reach = answer.grain === 'day' ? (answer.end ? 30 : 14) : answer.grain === 'month' ? 8 : 6;
  const deltas = shuffled(
    Array.from({ length: reach }, (_, i) => i + 1).flatMap((d) => [d, -d]),
    rng,
  );
  return deltas.slice(0, WANTED * 3).map((d) => dateLabel(shiftDate(answer, d)));
}

/** Date labels of the same precision and shape as `value`; [] when the value is not a quiz-able date. */
export function dateDistractors(ctx: ArticleContext, value: string, seedParts: (string | number)[]): string[] {
  const answer = parseDateValue(value);
  if (!answer) return [];
  const rng = createRng(ctx.seed, 'dates', ...seedParts);
  const others = (values: string[]): string[] =>
    values
      .map(parseDateValue)
      .filter((p): p is DateParts => p !== null && sameShape(answer, p) && plausible(answer, p))
      .map(dateLabel);
  let articleValues = ctx.cache.get('date-values') as string[] | undefined;
  if (!articleValues) {
    articleValues = [...new Set(ctx.dates.map((d) => d.value))];
    ctx.cache.set('date-values', articleValues);
  }
  const fromArticle = others(articleValues);
  const fromPool = others(ctx.pool.dates.map((d) => d.value));
  const taken = new Set([answerKey(dateLabel(answer))]);
  const list = [...shuffled(fromArticle, rng), ...shuffled(fromPool, rng), ...shifted(answer, rng)];
  return distinctAnswers(list, taken).slice(0, WANTED * 2);
}
