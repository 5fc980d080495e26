/**
 * `role-change` questions across two articles: "In “A” (March 2, 2024), X was described as ambassador to China; by
 * “B” (June 5, 2024), as what?". Asked only when X is one actor in both (cross-identity.ts), both roles are sure
 * and written beside X's name in each article, both articles carry publication dates in order, and the roles have
 * nothing in common (same-role.ts): two ways of writing one office are never a change.
 */
import type { Actor } from '../extract/types';
import { evidenceOf, finishQuestion, type Candidate } from './candidate';
import { publishedLabel, type CrossArticle } from './cross-context';
import { sameByName, type SameActor } from './cross-identity';
import { isRealRole } from './judge';
import { answerKey } from './normalize';
import { askableRoles, findRoleEvidence, type RoleEvidence } from './role-evidence';
import { sameRole, timeBoundRole } from './same-role';
import { stableId } from './prng';
import type { QuizItem } from './types';

interface StatedRole {
  role: string;
  ev: RoleEvidence;
}

// The roles fit to compare: sure, an office, written beside the name, and not a former or acting one.
function statedRoles(article: CrossArticle, actor: Actor): StatedRole[] {
  const out: StatedRole[] = [];
  for (const role of askableRoles(actor)) {
    if (!isRealRole(role) || timeBoundRole(role)) continue;
    const ev = findRoleEvidence(article.ctx, actor, role);
    if (ev && !timeBoundRole(wordsBefore(article, ev))) out.push({ role, ev });
  }
  return out;
}

// "the former Foreign Minister": the words just before the role as written can make it a past one.
function wordsBefore(article: CrossArticle, ev: RoleEvidence): string {
  const text = article.ctx.sentences[ev.index]?.text ?? '';
  const at = text.indexOf(ev.support);
  return text
    .slice(Math.max(0, at - 30), Math.max(0, at))
    .split(/\s+/)
    .slice(-3)
    .join(' ');
}

// Every role the engine gave the actor in the article, sure or not: a change must differ from all of them.
function allRoles(article: CrossArticle, actor: Actor): string[] {
  const raw = article.doc.analysis.actors.filter((a) => a.id === actor.id);
  return raw.flatMap((a) => a.roles);
}

function item(article: CrossArticle, actor: Actor, stated: StatedRole, published: string): QuizItem {
  const sentence = article.ctx.sentences[stated.ev.index];
  return {
    id: stableId('r', article.doc.id, actor.id, stated.role),
    label: stated.ev.support,
    match: actor.name,
    evidence: sentence ? evidenceOf(sentence) : { start: 0, end: 0, text: '' },
    support: stated.ev.support,
    documentId: article.doc.id,
    documentTitle: article.doc.title,
    published,
  };
}

// Wrong roles: other actors' sure roles in both articles and the pool, none of which may be any role X holds in either.
function distractors(a: CrossArticle, b: CrossArticle, taken: readonly string[]): string[] {
  const roles = [
    ...b.ctx.actors.flatMap((x) => askableRoles(x)),
    ...a.ctx.actors.flatMap((x) => askableRoles(x)),
    ...b.ctx.pool.actors.flatMap((x) => x.roles),
  ];
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = answerKey(r);
    if (seen.has(key) || !isRealRole(r) || timeBoundRole(r) || taken.some((t) => sameRole(t, r))) return false;
    seen.add(key);
    return true;
  });
}

/** Questions for each actor of `a` that `b`, published later, describes in a role with nothing in common. */
export function roleChangeQuestions(a: CrossArticle, b: CrossArticle, same: SameActor = sameByName): Candidate[] {
  const dateA = a.doc.published;
  const dateB = b.doc.published;
  const labelA = publishedLabel(dateA);
  const labelB = publishedLabel(dateB);
  if (!dateA || !dateB || !labelA || !labelB || !(dateA < dateB)) return [];
  const out: Candidate[] = [];
  for (const x of a.ctx.actors) {
    const matches = b.ctx.actors.filter(
      (y) => y.type === x.type && same({ docId: a.doc.id, actor: x }, { docId: b.doc.id, actor: y }),
    );
    // Two actors of B that both match X: which one is X is a guess.
    const y = matches.length === 1 ? matches[0] : undefined;
    if (!y) continue;
    const before = statedRoles(a, x);
    const after = statedRoles(b, y);
    const everyA = allRoles(a, x);
    const everyB = allRoles(b, y);
    const from = before.find((s) => !everyB.some((r) => sameRole(s.role, r)));
    const to = after.find((s) => !everyA.some((r) => sameRole(s.role, r)));
    if (!from || !to || sameRole(from.role, to.role)) continue;
    const sentence = b.ctx.sentences[to.ev.index];
    if (!sentence) continue;
    const items = [item(a, x, from, dateA), item(b, y, to, dateB)];
    const others = after.filter((s) => s !== to && !everyA.some((r) => sameRole(s.role, r))).map((s) => s.role);
    const question = finishQuestion(
      b.ctx,
      {
        kind: 'role-change',
        answerType: 'role',
        prompt: `In “${a.doc.title}” (${labelA}), ${x.name} was described as ${from.ev.support}; by “${b.doc.title}” (${labelB}), as what?`,
        answer: to.ev.support,
        acceptableAnswers: [...new Set([to.role, ...others])].filter((r) => r !== to.ev.support),
        evidence: evidenceOf(sentence),
        support: to.ev.support,
        items,
        about: { actor: y.id, role: to.role },
      },
      distractors(a, b, [...everyA, ...everyB]),
      a.doc.id,
    );
    out.push({ question, score: 4, facts: [`role-change:${a.doc.id}:${b.doc.id}:${answerKey(x.name)}`] });
  }
  return out;
}
