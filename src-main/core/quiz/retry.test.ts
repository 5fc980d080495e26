import { describe, expect, it } from 'vitest';
import { missedQuestions, retryQuestions } from './retry';
import type { SessionQuestion } from './session';

const evidence = { start: 0, end: 10, text: 'A sentence.' };
function question(id: string, choices: string[], answerType: SessionQuestion['answerType'] = 'actor'): SessionQuestion {
  return {
    id,
    kind: 'who',
    answerType,
    prompt: `Who ${id}?`,
    choices,
    answer: choices[0] ?? 'x',
    acceptableAnswers: [`alias ${id}`],
    evidence,
    support: 'A',
    documentId: 'd',
    documentTitle: 'D',
  };
}
const answer = (questionId: string, correct: boolean) => ({
  questionId,
  given: 'g',
  correct,
  at: '2026-06-01T09:00:00.000Z',
});

describe('missedQuestions', () => {
  const questions = [
    question('a', ['A', 'B']),
    question('b', ['A', 'B']),
    question('c', ['A', 'B']),
    question('d', ['A', 'B']),
  ];

  it('is the questions answered wrong (a partly right match too), not the right or unanswered ones, nor the hidden', () => {
    const answers = [answer('a', false), answer('b', true), { ...answer('c', false), credit: { right: 2, of: 3 } }];
    expect(missedQuestions({ questions, answers }).map((q) => q.id)).toEqual(['a', 'c']);
    expect(missedQuestions({ questions, answers }, ['c']).map((q) => q.id)).toEqual(['a']);
    expect(missedQuestions({ questions, answers: [] })).toEqual([]);
  });
});

describe('retryQuestions', () => {
  it('keeps every question’s wording and answers, and changes the order of its choices', () => {
    const missed = [question('a', ['A', 'B', 'C', 'D']), question('b', ['E', 'F']), question('c', ['G', 'H', 'I'])];
    for (const seed of ['s1', 's2', 's3', 's4', 's5', 's6']) {
      const again = retryQuestions(missed, seed);
      expect(again.map((q) => q.id).sort()).toEqual(['a', 'b', 'c']);
      for (const q of again) {
        const before = missed.find((m) => m.id === q.id) as SessionQuestion;
        expect({ ...q, choices: [] }).toEqual({ ...before, choices: [] });
        expect([...q.choices].sort()).toEqual([...before.choices].sort());
        expect(q.choices).not.toEqual(before.choices);
      }
    }
  });

  it('follows its seed, leaves true/false as True, False, and does not change the questions it was given', () => {
    const missed = [question('a', ['A', 'B', 'C']), question('t', ['True', 'False'], 'truth')];
    const copy = structuredClone(missed);
    expect(retryQuestions(missed, 'x')).toEqual(retryQuestions(missed, 'x'));
    expect(retryQuestions(missed, 'x').find((q) => q.id === 't')?.choices).toEqual(['True', 'False']);
    expect(missed).toEqual(copy);
  });
});
