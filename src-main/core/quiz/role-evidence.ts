/**
 * Finds the sentence that states an actor's role: the first sentence naming the actor in which the role is written
 * out too. Role and match questions rest on it, so a role the text never states beside the name is never asked.
 */
import type { Actor } from '../extract/types';
import { sentenceIndexAt, type ArticleContext } from './context';
import { contentStems } from './normalize';

export interface RoleEvidence {
  index: number;
  /** The role exactly as the sentence writes it. */
  support: string;
  /** The determiner written before the role ("a professor at ..."), or null. */
  determiner: string | null;
}

/** The evidence for `role`, or null when no sentence names the actor and writes the role. */
export function findRoleEvidence(ctx: ArticleContext, actor: Actor, role: string): RoleEvidence | null {
  const needle = role.toLowerCase();
  if (contentStems(role).length === 0) return null;
  const seen = new Set<number>();
  for (const m of actor.mentions) {
    const index = sentenceIndexAt(ctx.sentences, m.start);
    const s = ctx.sentences[index];
    if (!s || seen.has(index)) continue;
    seen.add(index);
    const at = s.text.toLowerCase().indexOf(needle);
    if (at < 0) continue;
    const det = /\b(a|an|the)\s+$/i.exec(s.text.slice(Math.max(0, at - 6), at));
    return { index, support: s.text.slice(at, at + role.length), determiner: det?.[1]?.toLowerCase() ?? null };
  }
  return null;
}

/** The roles of `actor` worth asking about: not the name itself, with at least one content word. */
export function askableRoles(actor: Actor): string[] {
  const name = actor.name.toLowerCase();
  return actor.roles.filter((r) => contentStems(r).length > 0 && r.toLowerCase() !== name);
}
