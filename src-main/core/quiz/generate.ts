/**
 * The quiz generator's entry: builds every question the engine's analysis allows (who, role, when, timeline, match,
 * quote, true/false) from what the engine is sure of (see askable.ts), then returns them all in reading order or a balanced selection of `count`. Pure: the seed is
 * the only source of variation.
 */
import type { ExtractionResult } from '../extract/types';
import { askableOnly } from './askable';
import type { Candidate } from './candidate';
import { buildContext, type ArticleContext } from './context';
import { matchQuestions } from './kind-match';
import { quoteQuestions } from './kind-quote';
import { roleQuestions } from './kind-role';
import { timelineQuestions } from './kind-timeline';
import { trueFalseQuestions } from './kind-truefalse';
import { whenQuestions } from './kind-when';
import { whoQuestions } from './kind-who';
import { inReadingOrder, selectBalanced } from './select';
import { QUESTION_KINDS, type ArticleKind, type Question, type QuizOptions } from './types';

const BUILDERS: Record<ArticleKind, (ctx: ArticleContext) => Candidate[]> = {
  who: whoQuestions,
  role: roleQuestions,
  when: whenQuestions,
  timeline: timelineQuestions,
  match: matchQuestions,
  quote: quoteQuestions,
  truefalse: trueFalseQuestions,
};

// Two builders can reach the same question (same kind, sentence and answer): keep the better-scored one.
function unique(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.question.id);
    if (!seen || c.score > seen.score) best.set(c.question.id, c);
  }
  return [...best.values()];
}

/**
 * Questions about `text` from its `analysis`. With `count`, a balanced selection of at most that many; otherwise all,
 * in reading order. Returns [] when the analysis offers nothing to ask (no actors, roles or usable dates).
 */
export function generateQuiz(text: string, analysis: ExtractionResult, options: QuizOptions): Question[] {
  const ctx = buildContext(text, askableOnly(analysis), options);
  // Unknown kinds (from an older or newer caller) are skipped rather than thrown on.
  // (Kinds across articles are cross-generate.ts's.)
  const kinds = (options.kinds ?? QUESTION_KINDS).filter((k): k is ArticleKind => Object.hasOwn(BUILDERS, k));
  const candidates = unique([...new Set(kinds)].flatMap((k) => BUILDERS[k](ctx)));
  if (options.count === undefined) return inReadingOrder(candidates);
  return selectBalanced(candidates, Math.max(0, Math.floor(options.count)), ctx.seed);
}
