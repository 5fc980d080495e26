/**
 * An actor's names as a quiz grades them: every surface form the text uses, plus a lone surname or given name when no
 * other person in the article shares it; and the test that keeps a name of the answer out of its distractors.
 */
import type { Actor } from '../extract/types';
import type { ArticleContext } from './context';
import { answerKey, containsWords, wordsKey } from './normalize';

/** The canonical name and every alias, longest first (so "Russian President Vladimir Putin" wins over "Putin"). */
export function surfaces(actor: Actor): string[] {
  return [...new Set([actor.name, ...actor.aliases])]
    .filter((s) => s.trim() !== '')
    .sort((a, b) => b.length - a.length);
}

/** Typed forms graded correct for `actor`: aliases and, for people, a name part no other person in `all` has. */
export function acceptableNames(actor: Actor, all: readonly Actor[]): string[] {
  const out = new Set(actor.aliases);
  if (actor.type === 'person') {
    const parts = actor.name.split(/\s+/);
    if (parts.length > 1) {
      for (const part of [parts[0] ?? '', parts[parts.length - 1] ?? '']) {
        const shared = all.some(
          (other) =>
            other.id !== actor.id && other.type === 'person' && surfaces(other).some((s) => containsWords(s, part)),
        );
        if (!shared && part.length > 1) out.add(part);
      }
    }
  }
  out.delete(actor.name);
  return [...out];
}

// "Bank of Japan" is "BJ" or, with its small words, "BOJ".
function initialsOf(name: string): string[] {
  const words = wordsKey(name)
    .split(' ')
    .filter((w) => w !== '' && w !== 'the');
  return [
    words
      .filter((w) => !['of', 'and', 'for'].includes(w))
      .map((w) => w[0])
      .join(''),
    words.map((w) => w[0]).join(''),
  ];
}

/** Levenshtein distance between `a` and `b`, or `cap + 1` as soon as it must exceed `cap`. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? cap + 1;
}

/**
 * True when two written names may be one actor that the engine split: one is the other's acronym ("BOJ", "Bank of
 * Japan"), its clipped first word ("Fed", "Federal Reserve"), or the same words but one spelt a letter or two apart
 * ("Marc Antony", "Mark Antony"). Offered side by side, both would be right.
 */
export function variantNames(a: string, b: string): boolean {
  const ka = wordsKey(a);
  const kb = wordsKey(b);
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short === '' || short === long) return short !== '';
  if (!short.includes(' ') && long.includes(' ')) {
    if (short.length >= 2 && initialsOf(long).includes(short)) return true;
    if (short.length >= 3 && (long.split(' ')[0] ?? '').startsWith(short)) return true;
  }
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  if (wa.length !== wb.length || wa.length < 2) return false;
  const differ = wa.map((w, i) => [w, wb[i] ?? ''] as const).filter(([x, y]) => x !== y);
  return differ.length === 1 && differ.every(([x, y]) => x.length > 3 && x[0] === y[0] && editDistance(x, y, 2) <= 2);
}

/**
 * True when `name` could be read as the answer: it equals one of the answer's names, one name contains the other
 * as whole words ("Nimbus" and "Nimbus Semiconductor" are the same company written twice), or it is a variant of one
 * of the answer's names (`variantNames`).
 */
export function namesAnswer(name: string, answer: Actor): boolean {
  const key = answerKey(name);
  if (surfaces(answer).some((s) => answerKey(s) === key)) return true;
  if (containsWords(name, answer.name) || containsWords(answer.name, name)) return true;
  return surfaces(answer).some((s) => variantNames(s, name));
}

/** True when two actors may be the same entity split in two by the engine. */
export function sameEntity(a: Actor, b: Actor): boolean {
  if (a.id === b.id) return true;
  return surfaces(b).some((s) => namesAnswer(s, a)) || surfaces(a).some((s) => namesAnswer(s, b));
}

/** `acceptableNames` against the article's actors, computed once per actor per quiz. */
export function acceptableNamesIn(ctx: ArticleContext, actor: Actor): string[] {
  const key = `names:${actor.id}`;
  const cached = ctx.cache.get(key) as string[] | undefined;
  if (cached) return cached;
  const names = acceptableNames(actor, ctx.actors);
  ctx.cache.set(key, names);
  return names;
}
