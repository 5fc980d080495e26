import { describe, expect, it } from 'vitest';
import { generateQuiz } from './generate';
import { ANALYSIS, POOL, TEXT } from './test-article';
import type { QuestionKind } from './types';

describe('generateQuiz', () => {
  it('is deterministic for a seed', () => {
    const a = generateQuiz(TEXT, ANALYSIS, { seed: 'same', pool: POOL });
    const b = generateQuiz(TEXT, ANALYSIS, { seed: 'same', pool: POOL });
    expect(b).toEqual(a);
    const picked = generateQuiz(TEXT, ANALYSIS, { seed: 'same', count: 6 });
    expect(generateQuiz(TEXT, ANALYSIS, { seed: 'same', count: 6 })).toEqual(picked);
  });

  it('shuffles choices differently for another seed but keeps ids of the same questions', () => {
    const a = generateQuiz(TEXT, ANALYSIS, { seed: 1, kinds: ['who', 'when'] });
    const b = generateQuiz(TEXT, ANALYSIS, { seed: 2, kinds: ['who', 'when'] });
    expect(b.map((q) => q.id)).toEqual(a.map((q) => q.id));
    expect(b.map((q) => q.choices)).not.toEqual(a.map((q) => q.choices));
  });

  it('gives every question a unique id', () => {
    const all = generateQuiz(TEXT, ANALYSIS, { seed: 3, pool: POOL });
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
  });

  it('builds every kind from a rich enough article', () => {
    const kinds = new Set(generateQuiz(TEXT, ANALYSIS, { seed: 4 }).map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['match', 'quote', 'role', 'timeline', 'truefalse', 'when', 'who']);
  });

  it.each([['who'], ['when', 'role']] as QuestionKind[][])('keeps to the kinds asked for: %s', (...kinds) => {
    const got = new Set(generateQuiz(TEXT, ANALYSIS, { seed: 5, kinds }).map((q) => q.kind));
    expect([...got].sort()).toEqual([...kinds].sort());
  });

  it('selects a balanced set of `count` without asking a fact twice', () => {
    const picked = generateQuiz(TEXT, ANALYSIS, { seed: 6, count: 7, pool: POOL });
    expect(picked).toHaveLength(7);
    expect(new Set(picked.map((q) => q.kind)).size).toBe(7);
    const facts = picked
      .filter((q) => q.kind === 'who' || q.kind === 'quote')
      .map((q) => `${q.answer}@${q.evidence.start}`);
    expect(new Set(facts).size).toBe(facts.length);
  });

  it('returns fewer than `count` when the article runs out, and nothing for count 0 or an empty analysis', () => {
    expect(generateQuiz(TEXT, ANALYSIS, { seed: 7, count: 1000 }).length).toBeLessThan(1000);
    expect(generateQuiz(TEXT, ANALYSIS, { seed: 7, count: 0 })).toEqual([]);
    expect(generateQuiz(TEXT, { ...ANALYSIS, actors: [], dates: [] }, { seed: 7 })).toEqual([]);
  });

  it('marks and prefers questions from highlighted sentences', () => {
    // The highlight runs over two sentences: the port's head and the port's statement.
    const start = TEXT.indexOf('Carlos Reis');
    const highlights = [{ start, end: TEXT.indexOf('Norway expects'), note: 'the port' }];
    const picked = generateQuiz(TEXT, ANALYSIS, { seed: 8, count: 3, highlights });
    expect(picked.filter((q) => q.fromHighlight).length).toBeGreaterThanOrEqual(2);
    const inside = (q: (typeof picked)[number]): boolean =>
      q.evidence.start >= start && q.evidence.end <= highlights[0]!.end;
    expect(picked.every((q) => Boolean(q.fromHighlight) === inside(q))).toBe(true);
  });
});
