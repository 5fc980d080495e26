/**
 * An actor's names as a quiz grades them: every surface form the text uses, plus a lone surname or given name when no
 * other person in the article shares it; and the test that keeps a name of the answer out of its distractors.
 */
import type { Actor } from '../extract/types';
import type { ArticleContext } from './context';
import { answerKey, containsWords } from './normalize';

/** The canonical name and every alias, longest first (so "Russian President Vladimir Putin" wins over "Putin"). */
export function surfaces(actor: Actor): string[] {
  return [...new Set([actor.name, ...actor.aliases])].filter((s) => s.trim() !== '').sort((a, b) => b.length - a.length);
}

/** Typed forms graded correct for `actor`: aliases and, for people, a name part no other person in `all` has. */
export function acceptableNames(actor: Actor, all: readonly Actor[]): string[] {
  const out = new Set(actor.aliases);
  if (actor.type === 'person') {
    const parts = actor.name.split(/\s+/);
    if (parts.length > 1) {
      for (const part of [parts[0] ?? '', parts[parts.length - 1] ?? '']) {
        const shared = all.some((other) => other.id !== actor.id && other.type === 'person'
          && surfaces(other).some((s) => containsWords(s, part)));
        if (!shared && part.length > 1) out.add(part);
      }
    }
  }
  out.delete(actor.name);
  return [...out];
}

/**
 * True when `name` could be read as the answer: it equals one of the answer's names, or one name contains the other
 * as whole words ("Nimbus" and "Nimbus Semiconductor" are the same company written twice).
 */
export function namesAnswer(name: string, answer: Actor): boolean {
  const key = answerKey(name);
  if (surfaces(answer).some((s) => answerKey(s) === key)) return true;
  return containsWords(name, answer.name) || containsWords(answer.name, name);
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
