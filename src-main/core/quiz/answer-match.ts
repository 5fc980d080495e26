/**
 * Grades a typed answer leniently: case, accents, hyphens, spacing and quote styles never matter; aliases and an
 * unambiguous surname count; dates are compared by value at the question's precision; a role may be worded
 * differently ("President of Russia" for "Russian President"). Pure: the question carries all it needs.
 */
import { parseDateValue } from './date-value';
import { answerKey, stemOverlap, wordsKey } from './normalize';
import { typedDateMatches } from './typed-date';
import type { MatchResult, Question, QuizItem } from './types';

const YES = new Set(['true', 't', 'yes', 'y']);
const NO = new Set(['false', 'f', 'no', 'n']);

function keyMatches(typed: string, forms: readonly string[]): boolean {
  const key = answerKey(typed);
  return key !== '' && forms.some((f) => answerKey(f) === key);
}

// Most content words shared both ways: rewordings pass, a bare "President" for "Russian President" does not.
function roleMatches(typed: string, role: string): boolean {
  return stemOverlap(role, typed) >= 0.6 && stemOverlap(typed, role) >= 0.6;
}

function itemFor(token: string, items: readonly QuizItem[], choices: readonly string[]): QuizItem | undefined {
  const n = /^\d+$/.test(token) ? Number(token) : NaN;
  const label = Number.isInteger(n) ? choices[n - 1] : token;
  if (label === undefined) return undefined;
  return items.find((i) => i.id === token || answerKey(i.label) === answerKey(label));
}

function orderMatches(q: Question, typed: string): boolean {
  const items = q.items ?? [];
  const numeric = /^[\d\s,;>→-]+$/.test(typed);
  const tokens = typed
    .split(numeric ? /[\s,;>→-]+/ : /\s*(?:→|->|>|;|\n|\|)\s*/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.length !== items.length) return false;
  return tokens.every((t, i) => itemFor(t, items, q.choices)?.id === items[i]?.id);
}

/** How many of the question's pairs `typed` gets right; a name given twice or a pair missing counts as wrong. */
function pairsCredit(q: Question, typed: string): { right: number; of: number } {
  const items = q.items ?? [];
  const pairs = typed
    .split(/\s*(?:;|\n)\s*/)
    .filter(Boolean)
    .map((p) => p.split(/\s*(?::|=|→|->)\s*/));
  const names = (item: QuizItem) =>
    pairs.filter(
      ([name]) =>
        name !== undefined &&
        (answerKey(name) === answerKey(item.label) || wordsKey(item.label).split(' ').includes(wordsKey(name))),
    );
  const right = items.filter((item) => {
    const given = names(item);
    const role = given.length === 1 ? given[0]?.[1] : undefined;
    return (
      role !== undefined && (answerKey(role) === answerKey(item.match ?? '') || roleMatches(role, item.match ?? ''))
    );
  }).length;
  return { right, of: items.length };
}

function dateMatches(q: Question, typed: string): boolean {
  const parts = q.value ? parseDateValue(q.value) : null;
  return parts !== null && typedDateMatches(typed, parts, q.referenceDate);
}

/** Whether `typed` answers `question`, and the answer to show; an empty or unreadable answer is simply incorrect. */
export function matchAnswer(question: Question, typed: string): MatchResult {
  const expected = question.answer;
  const forms = [question.answer, ...question.acceptableAnswers];
  const text = typed.trim();
  if (text === '') return { correct: false, expected };
  switch (question.answerType) {
    case 'truth': {
      const w = wordsKey(text);
      return { correct: question.answer === 'True' ? YES.has(w) : NO.has(w), expected };
    }
    case 'order':
      return { correct: orderMatches(question, text), expected };
    case 'pairs': {
      // A match question is several facts at once: 3 of 4 pairs right earns 3/4 of a point in the session's score.
      const credit = pairsCredit(question, text);
      return { correct: credit.of > 0 && credit.right === credit.of, expected, credit };
    }
    case 'date':
      return { correct: keyMatches(text, forms) || dateMatches(question, text), expected };
    case 'role':
      return { correct: keyMatches(text, forms) || forms.some((f) => roleMatches(text, f)), expected };
    case 'actor':
    case 'event':
      return { correct: keyMatches(text, forms), expected };
  }
}
