import { describe, expect, it } from 'vitest';
import { matchExpression, queryTerms, searchWords, typoBudget, withinEdits } from './fts-query';

describe('the reader’s query as an FTS5 expression', () => {
  it('folds case and accents as the index does, every word required, the last a prefix', () => {
    expect(searchWords('Café  Müller, São-Paulo')).toEqual(['cafe', 'muller', 'sao', 'paulo']);
    expect(matchExpression(queryTerms(searchWords('Brazil front')))).toBe('"brazil" AND "front" *');
    // A one-letter last word would match nearly every row: it is a word, not a prefix.
    expect(matchExpression(queryTerms(['nato', 'x']))).toBe('"nato" AND "x"');
  });

  it('keeps FTS5 syntax in the reader’s text out of the expression', () => {
    for (const hostile of [
      '"unclosed',
      'a* OR b*',
      '-minus NOT x',
      'title:budget',
      'NEAR(a b, 2)',
      '^start',
      '(((',
      'a AND',
      '{title text}: x',
      "'; drop table content; --",
    ]) {
      const expression = matchExpression(queryTerms(searchWords(hostile)));
      // Only quoted words joined by AND, with at most a prefix star on the last.
      expect(expression).toMatch(/^("[\p{L}\p{N}]+"( \*)?)?( AND "[\p{L}\p{N}]+"( \*)?)*$/u);
    }
    expect(searchWords('*** --- :: ""')).toEqual([]);
  });

  it('puts near words as alternatives to a word', () => {
    expect(matchExpression([{ word: 'budgte', prefix: false, near: ['budget'] }])).toBe('("budgte" OR "budget")');
  });
});

describe('typo distance', () => {
  it('allows more edits in longer words, none in short ones', () => {
    expect(typoBudget('nat')).toBe(0);
    expect(typoBudget('budget')).toBe(1);
    expect(typoBudget('parliament')).toBe(2);
  });

  it('counts insertions, deletions and substitutions, stopping past the bound', () => {
    expect(withinEdits('budget', 'budgte', 2)).toBe(true);
    expect(withinEdits('budget', 'budgte', 1)).toBe(false);
    expect(withinEdits('ivanova', 'ivanov', 1)).toBe(true);
    expect(withinEdits('frontier', 'frontierx', 1)).toBe(true);
    expect(withinEdits('frontier', 'fortune', 2)).toBe(false);
  });
});
