import { describe, expect, it } from 'vitest';
import { trueFalseQuestions, withArticle } from './kind-truefalse';
import { POOL, testContext } from './test-article';

describe('true/false questions', () => {
  const all = ['1', '2', '3', '4', '5', '6']
    .flatMap((seed) => trueFalseQuestions(testContext({ seed, pool: POOL })))
    .map((c) => c.question);

  it('gives both true and false statements across seeds', () => {
    expect(all.some((q) => q.answer === 'True')).toBe(true);
    expect(all.some((q) => q.answer === 'False')).toBe(true);
  });

  it.each(['True', 'False'])('a %s statement is the sentence as written, or with its element swapped out', (answer) => {
    for (const q of all.filter((x) => x.answer === answer)) {
      const statement = q.prompt.replace(/^True or false\? “/, '').replace(/”$/, '');
      expect(q.choices).toEqual(['True', 'False']);
      expect(q.evidence.text).toContain(q.support);
      if (answer === 'True') expect(statement).toBe(q.evidence.text);
      else {
        expect(statement).not.toBe(q.evidence.text);
        expect(statement).not.toContain(q.support);
      }
    }
  });
});

describe('withArticle', () => {
  const TEXT = 'The European Commission approved it. Solvik Pharma said so. The World Bank agreed.';
  const span = {
    start: TEXT.indexOf('European Commission'),
    end: TEXT.indexOf('European Commission') + 'European Commission'.length,
  };
  it('takes "The" along when the substitute is never written with it', () => {
    expect(withArticle(TEXT, [span], 'Solvik Pharma')).toEqual([{ ...span, start: 0 }]);
  });
  it('keeps "The" for a substitute the text writes with it', () => {
    expect(withArticle(TEXT, [span], 'World Bank')).toEqual([span]);
  });
});
