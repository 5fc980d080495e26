/**
 * A whole question from the few fields a test is about, shared by the quiz tests: each used to spell out every
 * required field of `Question` itself, and a new required field meant editing each copy.
 */
import type { Question } from './types';

export const EVIDENCE = { start: 0, end: 1, text: 'x' };

export function questionWith(over: Partial<Question>): Question {
  return {
    id: 'q',
    kind: 'who',
    answerType: 'actor',
    prompt: '',
    choices: [],
    answer: '',
    acceptableAnswers: [],
    evidence: EVIDENCE,
    support: 'x',
    ...over,
  };
}
