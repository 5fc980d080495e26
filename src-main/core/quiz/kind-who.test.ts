import { describe, expect, it } from 'vitest';
import { whoQuestions } from './kind-who';
import { answerKey, containsWords } from './normalize';
import { POOL, testContext } from './test-article';

const find = (answer: string, sentenceStart: string, pool = false) =>
  whoQuestions(testContext(pool ? { pool: POOL } : {}))
    .map((c) => c.question)
    .find((q) => q.answer === answer && q.evidence.text.startsWith(sentenceStart));

describe('who questions', () => {
  it.each([
    // answer, sentence, the blanked prompt must read, and must not contain
    ['Ana Sousa', 'Prime Minister', '“___ met Foreign Minister Tomas Berg', 'Sousa'],
    ['Tomas Berg', 'Prime Minister', 'met ___ in Lisbon', 'Berg'],
    ['Carlos Reis', 'Carlos Reis', '“___, head of the Port Authority of Lisbon, welcomed', 'Reis'],
    ['Port Authority of Lisbon', 'Carlos Reis', 'head of the ___, welcomed', 'Port Authority'],
  ])('blanks %s in "%s…" with its title phrase', (answer, sentence, reads, hidden) => {
    const q = find(answer, sentence);
    expect(q?.prompt).toContain(reads);
    expect(q?.prompt).not.toContain(hidden);
    expect(q?.evidence.text).toContain(q?.support);
  });

  it('asks persons with persons, article first, then the pool, never an alias of the answer', () => {
    const bare = find('Ana Sousa', 'Prime Minister');
    // Tomas Berg is visible in the sentence, so only Carlos Reis is left in the article.
    expect(bare?.choices.slice().sort()).toEqual(['Ana Sousa', 'Carlos Reis']);
    const pooled = find('Ana Sousa', 'Prime Minister', true);
    expect(pooled?.choices).toHaveLength(4);
    expect(pooled?.choices).toContain('Carlos Reis');
    expect(pooled?.choices.filter((c) => c === 'Ana Sousa')).toHaveLength(1);
    expect(pooled?.choices.map(answerKey)).not.toContain(answerKey('Sousa'));
  });

  it('offers countries for a country and keeps the answer out of the prompt', () => {
    const q = find('Norway', 'Portugal', true);
    expect(q?.prompt.startsWith('Which country')).toBe(true);
    expect(containsWords(q?.prompt ?? '', 'Norway')).toBe(false);
    expect(q?.choices).toEqual(expect.arrayContaining(['Norway', 'Spain', 'Denmark']));
    expect(q?.choices).not.toContain('Portugal'); // visible in the sentence: no use as a distractor
  });

  it('accepts aliases and an unambiguous surname', () => {
    expect(find('Tomas Berg', 'Prime Minister')?.acceptableAnswers).toEqual(
      expect.arrayContaining(['Berg', 'Foreign Minister Tomas Berg', 'Tomas']),
    );
  });
});
