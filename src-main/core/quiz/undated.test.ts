import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index';
import { generateQuiz } from './generate';

// An article with no printed date and no year in it: every date value the engine gives has unknown parts ("XXXX-05-25").
const UNDATED = [
  'The harbour strike ended on Sunday after talks that began last week, said Maria Lopez, the union president.',
  'Union leaders said on Monday that the deal would hold through the summer, according to John Smith, the port director.',
  'Pay rises agreed this year will be paid from May 25, the union said, and a review is due next month.',
  'The mayor, Anna Berg, said the port would reopen on May 28.',
  'Workers walked out on May 2 and returned on May 20.',
].join('\n');

describe('a quiz on an undated article', () => {
  it('never carries a raw date value in anything a reader sees or types against', () => {
    const questions = generateQuiz(UNDATED, extract(UNDATED, {}), { seed: 'undated' });
    expect(questions.some((q) => q.kind === 'when')).toBe(true);
    for (const q of questions) {
      const said = [
        q.prompt,
        q.answer,
        ...q.choices,
        ...q.acceptableAnswers,
        ...(q.items ?? []).map((item) => item.label),
      ];
      for (const text of said) expect(text, q.id).not.toMatch(/XX|\bW\d|\d{4}-\d/);
    }
  });
});
