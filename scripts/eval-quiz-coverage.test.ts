// Tests eval/quiz-coverage.ts. It lives here because vitest.config.mts includes scripts/** but not eval/**.
import { describe, expect, it } from 'vitest';
import { coverage, type GoldFact } from '@eval/quiz-coverage';
import { questionWith } from '@core/quiz/test-question';
import type { Question } from '@core/quiz/types';

const S1 = 'On the 21st, North Land   welcomed Foreign Minister Ana Sousa.';
const S2 = 'Carlos Reis, head of the Port Authority, met the mayor in September of last year.';

function q(over: Partial<Question>): Question {
  return questionWith({
    id: over.answer ?? 'q',
    evidence: { start: 0, end: S1.length, text: S1 },
    support: '',
    ...over,
  });
}

const ev2 = { start: 100, end: 100 + S2.length, text: S2 };
const QUESTIONS: Question[] = [
  q({ answer: 'Ana Sousa', acceptableAnswers: ['Foreign Minister Ana Sousa', 'Sousa'] }),
  q({ answer: 'North Land', acceptableAnswers: ['North'] }),
  q({
    kind: 'when',
    answerType: 'date',
    answer: 'January 21, 2024',
    acceptableAnswers: ['the 21st'],
    precision: 'day',
    value: '2024-01-21',
    referenceDate: '2024-01-22',
  }),
  q({
    kind: 'when',
    answerType: 'date',
    answer: 'September 2023',
    acceptableAnswers: ['September of last year'],
    precision: 'month',
    value: '2023-09',
    referenceDate: '2024-01-22',
    evidence: ev2,
  }),
  q({
    kind: 'match',
    answerType: 'pairs',
    answer: 'Carlos Reis: head of the Port Authority',
    items: [{ id: 'm', label: 'Carlos Reis', match: 'head of the Port Authority', evidence: ev2, support: 'x' }],
  }),
  q({ kind: 'truefalse', answerType: 'truth', answer: 'True', evidence: ev2 }),
];

function fact(answer: string, evidence: string, kind = 'actor', acceptableAnswers?: string[]): GoldFact {
  return { question: '?', answer, evidence, kind, sentence: 0, ...(acceptableAnswers ? { acceptableAnswers } : {}) };
}

describe('quiz coverage matching', () => {
  it.each([
    ['canonical answer inside the gold', fact('Foreign Minister Ana Sousa (Anna Souza)', S1), true],
    ['gold inside an answer form', fact('Sousa', S1), true],
    ['evidence compared with whitespace normalised', fact('Ana Sousa', S1.replace(/\s+/g, ' ')), true],
    ['another sentence', fact('Ana Sousa', S2), false],
    ['the canonical name counts however long the gold', fact('North Land Foreign Ministry press office', S1), true],
    ['a one-word alias alone is not enough', fact('The North Sea fishing fleets of the region', S1), false],
    ['a date by its written form', fact('The 21st (21 January 2024)', S1, 'date'), true],
    ['a date by value at precision', fact('21 January 2024', S1, 'date'), true],
    ['a date at the wrong precision', fact('January 2024', S1, 'date'), false],
    ['a role from a match pair, worded differently', fact('Head of the Port Authority', S2, 'role'), true],
    ['a role by the role rule', fact('Port Authority head', S2, 'role'), true],
    ['a true/false answer is no fact', fact('True', S2), false],
    ['other kinds are not counted', fact('Ana Sousa', S1, 'reasoning'), null],
  ])('%s', (_, f, covered) => {
    const report = coverage('t', [f], QUESTIONS);
    if (covered === null) expect(report.total).toBe(0);
    else expect(report.results[0]?.by !== null).toBe(covered);
  });

  it('reports the ratio', () => {
    const report = coverage('t', [fact('Ana Sousa', S1), fact('Somebody Else', S1)], QUESTIONS);
    expect([report.covered, report.total, report.ratio]).toEqual([1, 2, 0.5]);
  });
});
