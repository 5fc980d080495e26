/**
 * `match` questions: three to five actors to pair with the roles the article gives them. One role per actor (the first
 * the text states beside the name), and no two roles in a question that read as each other ("President" and "Russian
 * President"), so exactly one pairing is right.
 */
import { evidenceOf, finishQuestion, type Candidate } from './candidate';
import type { ArticleContext } from './context';
import { rolesOverlap } from './distractors';
import { createRng, shuffled, stableId } from './prng';
import { answerKey } from './normalize';
import { askableRoles, findRoleEvidence } from './role-evidence';
import type { QuizItem } from './types';

const GROUP = 4;
const MAX_QUESTIONS = 2;

/** The fact a role question about the same actor and role asks: a quiz never holds both (see select.ts). */
const roleFacts = new WeakMap<QuizItem, string>();

function pairs(ctx: ArticleContext): QuizItem[] {
  const out: QuizItem[] = [];
  for (const actor of ctx.actors) {
    for (const role of askableRoles(actor)) {
      const ev = findRoleEvidence(ctx, actor, role);
      const sentence = ev ? ctx.sentences[ev.index] : undefined;
      if (!ev || !sentence) continue;
      const item: QuizItem = {
        id: stableId('m', actor.id, role),
        label: actor.name,
        match: ev.support,
        evidence: evidenceOf(sentence),
        support: ev.support,
      };
      roleFacts.set(item, `role:${actor.id}:${answerKey(role)}`);
      out.push(item);
      break;
    }
  }
  return out;
}

function groupFrom(pool: QuizItem[]): QuizItem[] {
  const group: QuizItem[] = [];
  for (const p of pool) {
    if (group.length === GROUP) break;
    if (!group.some((g) => rolesOverlap(g.match ?? '', p.match ?? ''))) group.push(p);
  }
  return group;
}

/** Up to two match questions over disjoint actors; [] when fewer than three actors have distinct stated roles. */
export function matchQuestions(ctx: ArticleContext): Candidate[] {
  let pool = shuffled(pairs(ctx), createRng(ctx.seed, 'match'));
  const out: Candidate[] = [];
  while (out.length < MAX_QUESTIONS) {
    const group = groupFrom(pool).sort((a, b) => a.evidence.start - b.evidence.start);
    const first = group[0];
    if (group.length < 3 || !first) break;
    pool = pool.filter((p) => !group.includes(p));
    const question = finishQuestion(
      ctx,
      {
        kind: 'match',
        answerType: 'pairs',
        prompt: 'Match each name to the role the article gives it.',
        answer: group.map((g) => `${g.label}: ${g.match ?? ''}`).join('; '),
        acceptableAnswers: [],
        evidence: first.evidence,
        support: first.support,
        items: group,
      },
      group.map((g) => g.match ?? ''),
    );
    // The pairs it asks are the same facts as role questions on those actors: a quiz asks each once.
    const facts = group.flatMap((g) => [`match:${g.id}`, ...(roleFacts.has(g) ? [roleFacts.get(g) as string] : [])]);
    out.push({ question, score: 2 + group.length * 0.3, facts });
  }
  return out;
}
