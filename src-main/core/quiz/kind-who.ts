/**
 * `who` questions: an actor blanked out of its sentence ("___, head of the external liaison department ..., met ...").
 * Every way the sentence names the actor is blanked, title phrases included, so the sentence does not give it away.
 * Countries are asked at most twice each (outside highlights): they are named often and say little on their own.
 */
import type { Actor, ActorType } from '../extract/types';
import { actorSpans, replaceSpans } from './actor-spans';
import { evidenceOf, finishQuestion, sentenceScore, type Candidate } from './candidate';
import type { ArticleContext } from './context';
import { actorDistractors } from './distractors';
import { acceptableNamesIn, variantNames } from './names';
import { containsWords } from './normalize';

const LEAD: Record<ActorType, string> = {
  person: 'Who fills the blank?',
  country: 'Which country fills the blank?',
  organization: 'Which organisation fills the blank?',
};
const TYPE_WEIGHT: Record<ActorType, number> = { person: 3, organization: 2.5, country: 1 };
const COUNTRY_CAP = 2;
const BLANK = '___';

function whoQuestion(ctx: ArticleContext, actor: Actor, index: number): Candidate | null {
  const sentence = ctx.sentences[index];
  const spans = actorSpans(ctx, actor, index);
  const first = spans[0];
  if (!sentence || !first) return null;
  const blanked = replaceSpans(ctx.text, sentence.start, sentence.end, spans, BLANK);
  // A blank with almost nothing around it cannot be answered from the sentence.
  if (
    blanked
      .replaceAll(BLANK, ' ')
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w)).length < 4
  )
    return null;
  // A name left standing (the dateline's "NAIROBI, Kenya —" is not blanked) hands the answer over.
  if ([actor.name, ...actor.aliases].some((n) => containsWords(blanked, n))) return null;
  // Nor another spelling of it that the engine took for a second actor ("Marc Antony" beside "Mark Antony").
  const others = (ctx.actorsBySentence.get(index) ?? []).filter((a) => a.id !== actor.id && a.type === actor.type);
  if (others.some((o) => variantNames(o.name, actor.name) && containsWords(blanked, o.name))) return null;
  const visible = new Set((ctx.actorsBySentence.get(index) ?? []).map((a) => a.id));
  const question = finishQuestion(
    ctx,
    {
      kind: 'who',
      answerType: 'actor',
      prompt: `${LEAD[actor.type]} “${blanked}”`,
      answer: actor.name,
      acceptableAnswers: [...acceptableNamesIn(ctx, actor)],
      evidence: evidenceOf(sentence),
      support: ctx.text.slice(first.start, first.end),
      about: { actor: actor.id },
      ...(ctx.highlighted.has(index) ? { fromHighlight: true } : {}),
    },
    actorDistractors(ctx, actor, ['who', index], visible),
  );
  const score = TYPE_WEIGHT[actor.type] + sentenceScore(ctx, index) + (question.choices.length > 0 ? 0.5 : 0);
  return { question, score, facts: [`actor:${actor.id}:${index}`] };
}

/** Every who question the article allows (countries capped); [] when no actor is named in a usable sentence. */
export function whoQuestions(ctx: ArticleContext): Candidate[] {
  const out: Candidate[] = [];
  const countries = new Map<string, Candidate[]>();
  for (const [index, actors] of ctx.actorsBySentence) {
    for (const actor of actors) {
      const c = whoQuestion(ctx, actor, index);
      if (!c) continue;
      if (actor.type !== 'country' || ctx.highlighted.has(index)) out.push(c);
      else countries.set(actor.id, [...(countries.get(actor.id) ?? []), c]);
    }
  }
  for (const list of countries.values()) {
    out.push(
      ...list
        .sort((a, b) => b.score - a.score || a.question.evidence.start - b.question.evidence.start)
        .slice(0, COUNTRY_CAP),
    );
  }
  return out;
}
