import { describe, expect, it } from 'vitest';
import { gradeTyped, typoBudget } from './typed-answer';
import { questionWith as question } from './test-question';
import type { Question } from './types';

const putin = question({ answer: 'Vladimir Putin', acceptableAnswers: ['Russian President Vladimir Putin', 'Putin'] });
const kimUn = question({ answer: 'Kim Jong-un', acceptableAnswers: [] });
const choe = question({ answer: 'Choe Son-hee', acceptableAnswers: ['Choe'] });
const alvarez = question({ answer: 'José Álvarez', acceptableAnswers: [] });
// The article's other actors: two near-misses of each other's names.
const article = { rivals: ['Kim Jong-il', 'Kim Il-sung', 'Choe Ryong-hae', 'Xi Jinping', 'North Korea'] };

describe('gradeTyped: names', () => {
  it.each([
    // Written as the answer: right, nothing to explain.
    [putin, 'vladimir putin', true, undefined],
    // An alias, case, accents and punctuation: right, and said why.
    [putin, 'Putin', true, 'Accepted: ‘Putin’ is Vladimir Putin'],
    [putin, 'putin.', true, 'Accepted: ‘putin.’ is Vladimir Putin'],
    [alvarez, 'Jose Alvarez', true, undefined],
    [alvarez, 'Alvares', false, undefined],
    [alvarez, 'Jose Alvares', true, 'Accepted: ‘Jose Alvares’ is José Álvarez (one letter off)'],
    // Small typos, within a budget that grows with the name's length.
    [putin, 'Vladmir Putin', true, 'Accepted: ‘Vladmir Putin’ is Vladimir Putin (one letter off)'],
    [putin, 'Vladimr Puttin', true, 'Accepted: ‘Vladimr Puttin’ is Vladimir Putin (2 letters off)'],
    [putin, 'Putn', true, 'Accepted: ‘Putn’ is Vladimir Putin (one letter off “Putin”)'],
    [choe, 'Choe Sun-hee', true, 'Accepted: ‘Choe Sun-hee’ is Choe Son-hee (one letter off)'],
    // Too far off for the length.
    [putin, 'Ptn', false, undefined],
    [putin, 'Vlad Poutine', false, undefined],
    [choe, 'Choi', false, undefined],
    // Near-misses of two different actors of the same article are never taken for each other.
    [kimUn, 'Kim Jong-il', false, undefined],
    [kimUn, 'Kim Jong-ul', false, undefined],
    [kimUn, 'Kim Jong-unn', true, 'Accepted: ‘Kim Jong-unn’ is Kim Jong-un (one letter off)'],
    [question({ answer: 'Kim Jong-il' }), 'Kim Jong-un', false, undefined],
    [question({ answer: 'Choe Ryong-hae' }), 'Choe Son-hee', false, undefined],
    [
      question({ answer: 'Choe Ryong-hae' }),
      'Choe Ryong-hea',
      true,
      'Accepted: ‘Choe Ryong-hea’ is Choe Ryong-hae (2 letters off)',
    ],
    [question({ answer: 'South Korea' }), 'North Korea', false, undefined],
    [putin, '', false, undefined],
  ])('%#: "%s"', (q, typed, correct, note) => {
    const result = gradeTyped(q as Question, typed as string, article);
    expect(result.correct).toBe(correct);
    expect(result.accepted).toBe(note);
    expect(result.expected).toBe((q as Question).answer);
  });

  it('accepts an alias the analysis knows now, and a rival that is one of the answer’s own names is no rival', () => {
    expect(gradeTyped(kimUn, 'Marshal Kim', { aliases: ['Marshal Kim'] })).toMatchObject({
      correct: true,
      accepted: 'Accepted: ‘Marshal Kim’ is Kim Jong-un',
    });
    expect(gradeTyped(putin, 'Vladmir Putin', { rivals: ['Vladimir Putin'] }).correct).toBe(true);
  });

  it('without rivals, a near name is judged on the budget alone', () => {
    expect(gradeTyped(kimUn, 'Kim Jong-il').correct).toBe(false);
    expect(gradeTyped(kimUn, 'Kim Jong-um').accepted).toBe('Accepted: ‘Kim Jong-um’ is Kim Jong-un (one letter off)');
  });
});

describe('gradeTyped: roles', () => {
  const role = question({
    kind: 'role',
    answerType: 'role',
    answer: 'Foreign Minister',
    acceptableAnswers: ['Minister of Foreign Affairs'],
  });
  it.each([
    ['foreign minister', true, undefined],
    ['Minister of Foreign Affairs', true, 'Accepted: ‘Minister of Foreign Affairs’ is Foreign Minister'],
    ['Foriegn Minister', true, 'Accepted: ‘Foriegn Minister’ is Foreign Minister (2 letters off)'],
    ['Foreign Ministry', false, undefined],
    ['Prime Minister', false, undefined],
  ])('%#: "%s"', (typed, correct, note) => {
    const result = gradeTyped(role, typed, { rivals: ['Foreign Ministry', 'Prime Minister'] });
    expect(result.correct).toBe(correct);
    expect(result.accepted).toBe(note);
  });
});

describe('gradeTyped: dates at the answer’s precision', () => {
  const day = question({
    kind: 'when',
    answerType: 'date',
    answer: 'March 12, 2024',
    precision: 'day',
    value: '2024-03-12',
    referenceDate: '2024-03-20',
  });
  const month = question({
    kind: 'when',
    answerType: 'date',
    answer: 'March 2024',
    precision: 'month',
    value: '2024-03',
    referenceDate: '2024-05-01',
  });
  it.each([
    [day, '12 March 2024', true],
    [day, 'March 12', true],
    [day, '2024-03-12', true],
    [day, 'March 13', false],
    [day, 'March 2024', false],
    [month, 'March 2024', true],
    [month, '12 March 2024', true],
    [month, 'April 2024', false],
    [month, 'Marhc 2024', false],
  ])('%#: "%s"', (q, typed, correct) => {
    const result = gradeTyped(q as Question, typed as string);
    expect(result.correct).toBe(correct);
    if (correct && typed !== (q as Question).answer)
      expect(result.accepted).toBe(`Accepted: ‘${typed as string}’ is ${(q as Question).answer}`);
  });
});

describe('typoBudget', () => {
  it('grows with the length of the name', () => {
    expect([3, 4, 5, 9, 10, 15, 16, 30].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
