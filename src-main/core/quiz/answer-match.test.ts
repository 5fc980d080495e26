import { describe, expect, it } from 'vitest';
import { matchAnswer } from './answer-match';
import { EVIDENCE, questionWith as question } from './test-question';
import type { Question } from './types';

const person = question({ answer: 'Choe Son-hee', acceptableAnswers: ['Foreign Minister Choe Son-hee', 'Choe'] });
const accented = question({ answer: 'José Álvarez', acceptableAnswers: ['Álvarez'] });
const org = question({ answer: 'Workers’ Party', acceptableAnswers: [] });

describe('matchAnswer: names', () => {
  it.each([
    [person, 'Choe Son-hee', true],
    [person, 'choe son hee', true],
    [person, 'CHOE SONHEE', true],
    [person, '  Choe  Son–hee ', true],
    [person, 'foreign minister choe son-hee', true],
    [person, 'Choe', true],
    [person, 'Son-hee Choe', false],
    [person, 'Kim', false],
    [person, '', false],
    [accented, 'jose alvarez', true],
    [accented, 'Alvarez', true],
    [org, "Workers' Party", true],
    [org, 'the Workers Party', true],
    [org, 'Workers', false],
  ])('%#: "%s"', (q, typed, correct) => {
    expect(matchAnswer(q as Question, typed as string)).toEqual({ correct, expected: (q as Question).answer });
  });
});

const day = question({
  kind: 'when',
  answerType: 'date',
  answer: 'January 21, 2024',
  acceptableAnswers: ['the 21st', '2024-01-21'],
  precision: 'day',
  value: '2024-01-21',
  referenceDate: '2024-01-22',
});
const range = question({
  kind: 'when',
  answerType: 'date',
  answer: 'March 15–17, 2024',
  acceptableAnswers: ['March 15-17'],
  precision: 'range',
  value: '2024-03-15/2024-03-17',
  referenceDate: '2024-01-22',
});
const month = question({
  kind: 'when',
  answerType: 'date',
  answer: 'September 2023',
  acceptableAnswers: ['September of last year'],
  precision: 'month',
  value: '2023-09',
  referenceDate: '2024-01-22',
});
const year = question({ kind: 'when', answerType: 'date', answer: '2000', precision: 'year', value: '2000' });
const noYear = question({ kind: 'when', answerType: 'date', answer: 'May 25', precision: 'day', value: 'XXXX-05-25' });

describe('matchAnswer: dates at the precision the text gives', () => {
  it.each([
    [day, 'the 21st', true],
    [day, '21 January 2024', true],
    [day, 'January 21', true],
    [day, '2024-01-21', true],
    [day, 'Jan 21st, 2024', true],
    [day, 'on 21 January 2024', true],
    [day, 'January 2024', false],
    [day, 'January 20, 2024', false],
    [day, '21 January 2023', false],
    [day, 'the 19th of this month', false],
    [range, 'March 15-17', true],
    [range, '15 March 2024 to 17 March 2024', true],
    [range, '15–17 March 2024', true],
    [range, 'March 15', false],
    [range, 'March 2024', false],
    [month, 'September 2023', true],
    [month, 'Sept 2023', true],
    [month, 'sep. 2023', true],
    [month, 'september of last year', true],
    [month, 'September', false],
    [month, 'September 2024', false],
    [month, '2023', false],
    [year, '2000', true],
    [year, 'in 2000', true],
    [year, 'July 2000', true],
    [year, '2001', false],
    [noYear, 'May 25', true],
    [noYear, '25 May', true],
    [noYear, 'May 24', false],
  ])('%#: "%s" -> %s', (q, typed, correct) => {
    expect(matchAnswer(q as Question, typed as string).correct).toBe(correct);
  });
});

describe('matchAnswer: roles, true/false, orders and pairs', () => {
  const role = question({ kind: 'role', answerType: 'role', answer: 'Russian President', acceptableAnswers: [] });
  const truth = question({
    kind: 'truefalse',
    answerType: 'truth',
    answer: 'False',
    acceptableAnswers: ['F', 'No', 'N'],
  });
  const item = (id: string, label: string, match?: string) => ({
    id,
    label,
    evidence: EVIDENCE,
    support: 'x',
    ...(match ? { match } : {}),
  });
  const order = question({
    kind: 'timeline',
    answerType: 'order',
    answer: 'A → B → C',
    choices: ['Second thing', 'First thing', 'Third thing'],
    items: [item('e1', 'First thing'), item('e2', 'Second thing'), item('e3', 'Third thing')],
  });
  const pairs = question({
    kind: 'match',
    answerType: 'pairs',
    answer: '',
    items: [item('m1', 'Ana Sousa', 'Prime Minister'), item('m2', 'Tomas Berg', 'Foreign Minister')],
  });

  it.each([
    [role, 'russian president', true],
    [role, 'President of Russia', true],
    [role, 'President', false],
    [role, 'Chinese President', false],
    [truth, 'false', true],
    [truth, 'No', true],
    [truth, 'true', false],
    [order, 'First thing → Second thing → Third thing', true],
    [order, 'first thing; second thing; third thing', true],
    [order, '2, 1, 3', true],
    [order, 'e1 > e2 > e3', true],
    [order, 'Second thing → First thing → Third thing', false],
    [order, '1, 2, 3', false],
    [pairs, 'Ana Sousa: Prime Minister; Tomas Berg: Foreign Minister', true],
    [pairs, 'Berg = foreign minister\nSousa = prime minister', true],
    [pairs, 'Ana Sousa: Foreign Minister; Tomas Berg: Prime Minister', false],
    [pairs, 'Ana Sousa: Prime Minister', false],
  ])('%#: "%s" -> %s', (q, typed, correct) => {
    expect(matchAnswer(q as Question, typed as string).correct).toBe(correct);
  });
});

describe('matchAnswer: partial credit for match questions', () => {
  const item = (id: string, label: string, match: string) => ({ id, label, match, evidence: EVIDENCE, support: 'x' });
  const pairs = question({
    kind: 'match',
    answerType: 'pairs',
    answer: '',
    items: [
      item('m1', 'Ana Sousa', 'Prime Minister'),
      item('m2', 'Tomas Berg', 'Foreign Minister'),
      item('m3', 'Li Wei', 'Central Bank Governor'),
      item('m4', 'Omar Haddad', 'Defence Minister'),
    ],
  });

  it.each([
    [
      'Ana Sousa: Prime Minister; Tomas Berg: Foreign Minister; Li Wei: Central Bank Governor; Omar Haddad: Defence Minister',
      true,
      4,
    ],
    [
      'Ana Sousa: Prime Minister; Tomas Berg: Foreign Minister; Li Wei: Defence Minister; Omar Haddad: Central Bank Governor',
      false,
      2,
    ],
    ['Ana Sousa: Prime Minister; Tomas Berg: Foreign Minister; Li Wei: Central Bank Governor', false, 3],
    ['Ana Sousa: Prime Minister; Sousa: Foreign Minister', false, 0],
    [
      'Ana Sousa: Defence Minister; Tomas Berg: Prime Minister; Li Wei: Foreign Minister; Omar Haddad: Central Bank Governor',
      false,
      0,
    ],
  ])('%#: "%s" -> correct %s, %i of 4 right', (typed, correct, right) => {
    expect(matchAnswer(pairs as Question, typed)).toMatchObject({ correct, credit: { right, of: 4 } });
  });
});
