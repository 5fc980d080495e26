/**
 * "Type the answers": a typed name, role or date graded as a person would, and the reason it was accepted said
 * aloud ("Accepted: ‘Putin’ is Vladimir Putin"). On top of `matchAnswer` (case, accents, punctuation, aliases, dates
 * read by chrono at the answer's precision), a name or role may be a few letters off: the budget grows with the
 * length of the form it is compared with, and a typed answer as close (or closer) to another actor of the same article
 * is never accepted, so "Kim Jong-il" is not taken for "Kim Jong-un".
 *
 * The distance is the Levenshtein distance already used for name variants (`editDistance` in names.ts): one
 * substitution, insertion or deletion per letter; no new dependency for it.
 */
import { matchAnswer } from './answer-match';
import { editDistance } from './names';
import { answerKey } from './normalize';
import type { MatchResult, Question } from './types';

export interface TypedContext {
  /** More names of the answer (the actor's aliases in the analysis now, after the reader's merges). */
  aliases?: readonly string[];
  /** Names of the article's other actors (or, for a role, the other roles it gives): never accepted by a typo. */
  rivals?: readonly string[];
}

export interface TypedResult extends MatchResult {
  /** Why an answer not written as the answer was accepted, for the reader. */
  accepted?: string;
}

/** Letters a typed answer may be off from a form of `length` letters (compared without spaces or punctuation). */
export function typoBudget(length: number): number {
  if (length < 5) return 0;
  if (length < 10) return 1;
  if (length < 16) return 2;
  return 3;
}

const FUZZY = new Set<Question['answerType']>(['actor', 'role']);

function closest(typed: string, forms: readonly string[]): { form: string; distance: number } | null {
  let best: { form: string; distance: number } | null = null;
  for (const form of forms) {
    const key = answerKey(form);
    if (key === '') continue;
    const distance = editDistance(typed, key, 3);
    if (!best || distance < best.distance) best = { form, distance };
  }
  return best;
}

function accepted(typed: string, answer: string, why?: string): string {
  return `Accepted: ‘${typed}’ is ${answer}${why ? ` (${why})` : ''}`;
}

/**
 * Grades `typed` for `question`: right as `matchAnswer` has it, or, for a name or role, within the typo budget of one
 * of its forms and strictly closer to it than to every rival. `accepted` is set when the answer was not written as shown.
 */
export function gradeTyped(question: Question, typed: string, context: TypedContext = {}): TypedResult {
  const text = typed.trim().replace(/\s+/g, ' ');
  const forms = [question.answer, ...question.acceptableAnswers, ...(context.aliases ?? [])];
  const exact = matchAnswer({ ...question, acceptableAnswers: forms.slice(1) }, text);
  const key = answerKey(text);
  const answerKeys = new Set(forms.map(answerKey));
  const rivals = (context.rivals ?? []).filter((r) => !answerKeys.has(answerKey(r)));
  // Another actor's name (or another role of the article) typed as written is that one, however a rewording matches.
  if (FUZZY.has(question.answerType) && rivals.some((r) => answerKey(r) === key)) return { ...exact, correct: false };
  if (exact.correct) {
    const differs = key !== answerKey(question.answer) && ['actor', 'role', 'date'].includes(question.answerType);
    return differs ? { ...exact, accepted: accepted(text, question.answer) } : exact;
  }
  if (!FUZZY.has(question.answerType) || key === '') return exact;
  const near = closest(key, forms);
  if (!near || near.distance === 0 || near.distance > typoBudget(answerKey(near.form).length)) return exact;
  const rival = closest(key, rivals);
  if (rival && rival.distance <= near.distance) return exact;
  const letters = near.distance === 1 ? 'one letter off' : `${near.distance} letters off`;
  const from = answerKey(near.form) === answerKey(question.answer) ? '' : ` “${near.form}”`;
  return { ...exact, correct: true, accepted: accepted(text, question.answer, `${letters}${from}`) };
}
