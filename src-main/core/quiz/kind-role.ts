/**
 * `role` questions, both ways: "What position does Choe Son-hee hold?" (answer: the role as written) and, when the
 * role fits nobody else in the article, "Who is the North Korean Ambassador to China?" (answer: the actor).
 */
import type { Actor } from '../extract/types';
import { evidenceOf, finishQuestion, sentenceScore, type Candidate } from './candidate';
import type { ArticleContext } from './context';
import { actorDistractors, roleDistractors } from './distractors';
import { acceptableNamesIn } from './names';
import { answerKey, contentStems, stemOverlap } from './normalize';
import { askableRoles, findRoleEvidence, type RoleEvidence } from './role-evidence';

function forward(ctx: ArticleContext, actor: Actor, role: string, ev: RoleEvidence): Candidate | null {
  const sentence = ctx.sentences[ev.index];
  if (!sentence) return null;
  const others = askableRoles(actor).filter((r) => answerKey(r) !== answerKey(role));
  const question = finishQuestion(
    ctx,
    {
      kind: 'role',
      answerType: 'role',
      prompt: `What position does ${actor.name} hold?`,
      answer: ev.support,
      acceptableAnswers: [...new Set([role, ...others])].filter((r) => r !== ev.support),
      evidence: evidenceOf(sentence),
      support: ev.support,
      about: { actor: actor.id, role },
      ...(ctx.highlighted.has(ev.index) ? { fromHighlight: true } : {}),
    },
    roleDistractors(ctx, actor, ['role', actor.id, role]),
  );
  // Two roles of one actor make the same prompt twice: one "What position does X hold?" per quiz.
  return {
    question,
    score: roleWeight(role) + sentenceScore(ctx, ev.index),
    facts: [`role:${actor.id}:${answerKey(role)}`, `role-of:${actor.id}`],
  };
}

// A bare title ("President") teaches less than a full one ("North Korean Ambassador to China").
function roleWeight(role: string): number {
  return contentStems(role).length > 1 ? 2.5 : 1;
}

// A reverse question needs a role only one actor holds: "Who is the President?" has several right answers.
function uniqueRole(ctx: ArticleContext, actor: Actor, role: string): boolean {
  if (contentStems(role).length < 2) return false;
  return !ctx.actors.some(
    (other) =>
      other.id !== actor.id && other.roles.some((r) => stemOverlap(role, r) >= 0.75 || stemOverlap(r, role) >= 0.75),
  );
}

function reverse(ctx: ArticleContext, actor: Actor, role: string, ev: RoleEvidence): Candidate | null {
  const sentence = ctx.sentences[ev.index];
  if (!sentence || !uniqueRole(ctx, actor, role)) return null;
  const mention = actor.mentions.find((m) => m.start >= sentence.start && m.end <= sentence.end);
  if (!mention) return null;
  const question = finishQuestion(
    ctx,
    {
      kind: 'role',
      answerType: 'actor',
      prompt: `Who is ${ev.determiner ?? 'the'} ${ev.support}?`,
      answer: actor.name,
      acceptableAnswers: [...acceptableNamesIn(ctx, actor)],
      evidence: evidenceOf(sentence),
      support: ctx.text.slice(mention.start, mention.end),
      about: { actor: actor.id, role },
      ...(ctx.highlighted.has(ev.index) ? { fromHighlight: true } : {}),
    },
    actorDistractors(ctx, actor, ['role-reverse', role]),
  );
  return { question, score: 2.5 + sentenceScore(ctx, ev.index), facts: [`role:${actor.id}:${answerKey(role)}`] };
}

/** Role questions for every stated role of every actor; [] when the article states none. */
export function roleQuestions(ctx: ArticleContext): Candidate[] {
  const out: Candidate[] = [];
  for (const actor of ctx.actors) {
    for (const role of askableRoles(actor)) {
      const ev = findRoleEvidence(ctx, actor, role);
      if (!ev) continue;
      for (const c of [forward(ctx, actor, role, ev), reverse(ctx, actor, role, ev)]) if (c) out.push(c);
    }
  }
  return out;
}
