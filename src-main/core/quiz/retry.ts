/**
 * "Retry the missed": the questions a session got wrong, asked again in a new session with the same wording and
 * answers; only the order of the choices (and of the questions) changes, so the reader recalls the answer rather than
 * its place in the list.
 */
import { createRng, shuffled } from './prng';
import type { QuizSessionRecord, SessionQuestion } from './session';

/** The questions answered wrong in `session` (a partly right match counts as missed), minus those hidden for good. */
export function missedQuestions(
  session: Pick<QuizSessionRecord, 'questions' | 'answers'>,
  hidden: Iterable<string> = [],
): SessionQuestion[] {
  const gone = new Set(hidden);
  const wrong = new Set(session.answers.filter((a) => !a.correct).map((a) => a.questionId));
  return session.questions.filter((q) => wrong.has(q.id) && !gone.has(q.id));
}

// Shuffled again until the order differs, or rotated by one: a reshuffle that gives back the same order teaches the
// place of the answer again. True/false keeps its fixed True, False.
function reshuffle(choices: readonly string[], seed: string): string[] {
  if (choices.length < 2) return [...choices];
  const rng = createRng(seed);
  for (let attempt = 0; attempt < 4; attempt++) {
    const out = shuffled(choices, rng);
    if (out.some((c, i) => c !== choices[i])) return out;
  }
  return [...choices.slice(1), choices[0] as string];
}

/** The questions to ask again, in a new order and each with its choices in a new order; wording and answers unchanged. */
export function retryQuestions(missed: readonly SessionQuestion[], seed: string): SessionQuestion[] {
  const again = missed.map((q) =>
    q.answerType === 'truth' ? { ...q } : { ...q, choices: reshuffle(q.choices, `${seed}:${q.id}`) },
  );
  return shuffled(again, createRng(seed, 'order'));
}
