import { describe, expect, it } from 'vitest';
import { formatScore, sessionScore } from './session';

describe('sessionScore', () => {
  it('adds a partly right match question’s share of pairs to the right answers', () => {
    const answers = [
      { correct: true },
      { correct: false, credit: { right: 3, of: 4 } },
      { correct: false },
      // Stored before partial credit: no credit field, all or nothing.
      { correct: false },
    ];
    expect(sessionScore(answers)).toBe(1.75);
    expect(formatScore(sessionScore(answers))).toBe('1.75');
    expect(formatScore(2 / 3)).toBe('0.67');
    expect(formatScore(3)).toBe('3');
  });
});
