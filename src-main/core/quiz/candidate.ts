/**
 * A question under construction: the builders fill in its content, `finishQuestion` gives it a stable id and its
 * shuffled choices, and the selector weighs candidates by `score` and keeps one question per fact in `facts`.
 */
import type { Sentence } from '../extract/sentences';
import type { ArticleContext } from './context';
import { answerKey, distinctAnswers } from './normalize';
import { createRng, shuffled, stableId } from './prng';
import type { Evidence, Question } from './types';

export interface Candidate {
  question: Question;
  /** Higher is better: informative evidence, a specific answer, a highlighted sentence. */
  score: number;
  /** Keys of the facts the question asks about; the selector never picks two questions sharing one. */
  facts: string[];
}

export type QuestionDraft = Omit<Question, 'id' | 'choices'>;

/** The evidence record for a sentence. */
export function evidenceOf(sentence: Sentence): Evidence {
  return { start: sentence.start, end: sentence.end, text: sentence.text };
}

/**
 * Up to `max` distractors, in the given order, none equal (normalised) to the answer, an acceptable answer or each
 * other; then the answer once, all shuffled by `seedParts`. Empty when no distractor survives (a typed question).
 */
export function buildChoices(
  answer: string,
  acceptable: readonly string[],
  distractors: readonly string[],
  seedParts: (string | number)[],
  max = 3,
): string[] {
  const picked = distinctAnswers(distractors, new Set([answer, ...acceptable].map(answerKey))).slice(0, max);
  return picked.length === 0 ? [] : shuffled([answer, ...picked], createRng(...seedParts));
}

// Items to arrange must not come out already in order: that would hand the answer over.
function arranged(items: readonly string[], seedParts: (string | number)[]): string[] {
  const out = shuffled(items, createRng(...seedParts));
  const same = out.every((x, i) => x === items[i]);
  return same && out.length > 1 ? [...out.slice(1), out[0] as string] : out;
}

/**
 * Gives a draft its id (kind, evidence span, answer, and `variant` where one sentence yields two) and its choices:
 * True/False for truefalse; for timeline and match, `distractors` are the items to arrange, shuffled.
 */
export function finishQuestion(
  ctx: ArticleContext,
  draft: QuestionDraft,
  distractors: readonly string[],
  variant = '',
): Question {
  const { kind, evidence, answer } = draft;
  const id = stableId('q', kind, evidence.start, evidence.end, answer, variant);
  const rngParts = [ctx.seed, id];
  let choices: string[];
  if (kind === 'truefalse') choices = ['True', 'False'];
  else if (kind === 'timeline' || kind === 'match') choices = arranged(distractors, rngParts);
  else choices = buildChoices(answer, draft.acceptableAnswers, distractors, rngParts);
  return { id, ...draft, choices };
}

/**
 * How much a sentence offers as evidence: sentences of reading length that tie several actors and dates together
 * make better questions than fragments or run-ons; a highlighted sentence matters to the reader, so it counts most.
 */
export function sentenceScore(ctx: ArticleContext, index: number): number {
  const key = `sentence-score:${index}`;
  const cached = ctx.cache.get(key) as number | undefined;
  if (cached !== undefined) return cached;
  const score = scoreSentence(ctx, index);
  ctx.cache.set(key, score);
  return score;
}

function scoreSentence(ctx: ArticleContext, index: number): number {
  const s = ctx.sentences[index];
  if (!s) return 0;
  const words = s.text.split(/\s+/).length;
  const links = (ctx.actorsBySentence.get(index)?.length ?? 0) + (ctx.datesBySentence.get(index)?.length ?? 0);
  let score = Math.min(2, links * 0.5);
  if (words >= 10 && words <= 45) score += 1;
  if (words < 6) score -= 2;
  if (ctx.highlighted.has(index)) score += 3;
  return score;
}
