/**
 * Which actors of two articles are one actor, for questions across articles and the actor quiz. Conservative on
 * purpose: one wrong match would make a question that teaches a wrong fact, so two actors are one only when they are
 * of one type and share a written name (or alias) exactly, case, accents and punctuation aside. A one-word person's
 * name ("Kim") is too common to identify anyone across articles, so it never counts.
 */
import type { Actor, ActorType } from '../extract/types';
import { wordsKey } from './normalize';

/** How an actor is named across the library: its type and the comparison key of its canonical name. */
export interface ActorRef {
  name: string;
  type: ActorType;
}

/** The keys under which `actor` may meet another article's actor. */
export function identityKeys(actor: ActorRef & { aliases?: readonly string[] }): string[] {
  const keys = new Set<string>();
  for (const name of [actor.name, ...(actor.aliases ?? [])]) {
    const key = wordsKey(name);
    if (key === '' || /\d/.test(key)) continue;
    if (actor.type === 'person' && !key.includes(' ')) continue;
    keys.add(`${actor.type}:${key}`);
  }
  return [...keys];
}

/** True when `a` (of one article) and `b` (of another) are one actor by the rule above. */
export function sameActorAcross(a: Actor, b: Actor): boolean {
  if (a.type !== b.type) return false;
  const keys = new Set(identityKeys(a));
  return identityKeys(b).some((k) => keys.has(k));
}

/** True when `actor` is the actor `ref` names (the actor quiz's subject). */
export function isActor(actor: Actor, ref: ActorRef): boolean {
  const [key] = identityKeys({ ...ref, aliases: [] });
  return key !== undefined && identityKeys(actor).includes(key);
}

/** Whether an actor of one article and an actor of another are one actor: the service passes the library's identities. */
export type SameActor = (a: { docId: string; actor: Actor }, b: { docId: string; actor: Actor }) => boolean;

/** The rule above, for callers without the library's identities (tests, the judge's corpus). */
export const sameByName: SameActor = (a, b) => sameActorAcross(a.actor, b.actor);
