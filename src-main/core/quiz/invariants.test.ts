import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index';
import { splitSentences } from '../extract/sentences';
import { matchAnswer } from './answer-match';
import { generateQuiz } from './generate';
import { answerKey, wordsKey } from './normalize';
import type { Evidence, Question } from './types';

// The sample article and every fixture article: the generator has never been tuned on their names.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const FIXTURES = join(ROOT, 'eval', 'fixtures');
const ARTICLES = [
  join(ROOT, 'assets', 'sample-article.txt'),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(FIXTURES, f)),
];

function checkEvidence(text: string, spans: Set<string>, ev: Evidence): void {
  expect(text.slice(ev.start, ev.end)).toBe(ev.text);
  expect(spans.has(`${ev.start}:${ev.end}`)).toBe(true);
}

function supported(q: Question): boolean {
  const ev = ` ${wordsKey(q.evidence.text)} `;
  return [q.answer, ...q.acceptableAnswers].some((a) => ev.includes(` ${wordsKey(a)} `));
}

describe.each(ARTICLES.map((p) => [p.slice(ROOT.length + 1), p]))('quiz invariants on %s', (_, path) => {
  const text = readFileSync(path, 'utf8');
  const questions = generateQuiz(text, extract(text, {}), { seed: 'invariants' });
  const spans = new Set(splitSentences(text).map((s) => `${s.start}:${s.end}`));

  it('generates questions', () => expect(questions.length).toBeGreaterThan(5));

  it('lists the answer exactly once and no duplicate choices', () => {
    for (const q of questions.filter((x) => x.choices.length > 0 && x.kind !== 'timeline' && x.kind !== 'match')) {
      expect(
        q.choices.filter((c) => c === q.answer),
        q.id,
      ).toHaveLength(1);
      expect(new Set(q.choices.map(answerKey)).size, q.id).toBe(q.choices.length);
    }
  });

  it('never offers an alias or accepted form of the answer as a distractor', () => {
    for (const q of questions.filter((x) => x.kind !== 'truefalse' && x.kind !== 'timeline' && x.kind !== 'match')) {
      const accepted = new Set(q.acceptableAnswers.map(answerKey));
      for (const c of q.choices.filter((x) => x !== q.answer)) {
        expect(accepted.has(answerKey(c)), `${q.id}: ${c}`).toBe(false);
        expect(matchAnswer(q, c).correct, `${q.id}: ${c}`).toBe(false);
      }
    }
  });

  it('stores a real sentence span as evidence, and the evidence supports the answer', () => {
    for (const q of questions) {
      checkEvidence(text, spans, q.evidence);
      expect(q.evidence.text, q.id).toContain(q.support);
      if (q.items) {
        for (const i of q.items) {
          checkEvidence(text, spans, i.evidence);
          expect(i.evidence.text).toContain(i.support);
        }
      } else if (q.kind !== 'truefalse') {
        expect(supported(q), `${q.id}: ${q.answer}`).toBe(true);
      }
    }
  });

  it('grades its own answer and accepted forms as correct', () => {
    for (const q of questions.filter((x) => x.kind !== 'timeline' && x.kind !== 'match')) {
      for (const a of [q.answer, ...q.acceptableAnswers]) expect(matchAnswer(q, a).correct, `${q.id}: ${a}`).toBe(true);
    }
  });

  it('blanks every naming of the answer in who prompts', () => {
    for (const q of questions.filter((x) => x.kind === 'who')) {
      expect(` ${wordsKey(q.prompt)} `.includes(` ${wordsKey(q.answer)} `), q.prompt).toBe(false);
    }
  });

  it('never asks a role twice in one quiz, as a role question and in a match question', () => {
    for (const seed of ['a', 'b', 'c']) {
      const quiz = generateQuiz(text, extract(text, {}), { seed, count: 12 });
      const asked = quiz
        .filter((q) => q.kind === 'role')
        .map((q) => /What position does (.+) hold\?/.exec(q.prompt)?.[1]);
      const matched = quiz.filter((q) => q.kind === 'match').flatMap((q) => (q.items ?? []).map((i) => i.label));
      expect(
        asked.filter((name) => name !== undefined && matched.includes(name)),
        seed,
      ).toEqual([]);
    }
  });
});
