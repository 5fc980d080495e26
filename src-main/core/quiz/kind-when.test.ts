import { describe, expect, it } from 'vitest';
import { parseDateValue } from './date-value';
import { whenQuestions } from './kind-when';
import { POOL, testContext } from './test-article';

const questions = whenQuestions(testContext({ pool: POOL })).map((c) => c.question);

describe('when questions', () => {
  it.each([
    // support (date as written), answer, precision, prompt fragment
    ['3 March 2024', 'March 3, 2024', 'day', 'Lisbon on ___.'],
    ['May 20-22', 'May 20–22, 2024', 'range', 'When is the Nordic summit?'],
    ['September 2023', 'September 2023', 'month', 'signed a trade agreement in ___.'],
    ['2025', '2025', 'year', 'arrive in ___.'],
  ])('%s -> %s (%s)', (support, answer, precision, prompt) => {
    const q = questions.find((x) => x.support === support);
    expect(q?.answer).toBe(answer);
    expect(q?.precision).toBe(precision);
    expect(q?.prompt).toContain(prompt);
    expect([q?.answer, ...(q?.acceptableAnswers ?? [])]).toContain(support);
    expect(q?.evidence.text).toContain(support);
    expect(q?.referenceDate).toBe('2024-01-22');
  });

  it('offers distractors of the same precision and shape', () => {
    for (const q of questions) {
      const want = parseDateValue(q.value ?? '');
      expect(q.choices.length).toBe(4);
      expect(new Set(q.choices).size).toBe(4);
      for (const c of q.choices) {
        const shape = c.includes('–') ? 'range' : /^\d{4}$/.test(c) ? 'year' : /\d, \d{4}$/.test(c) ? 'day' : 'month';
        expect(shape).toBe(want?.end ? 'range' : want?.grain);
      }
    }
  });

  it('takes month distractors from the article and the pool before inventing any', () => {
    const q = questions.find((x) => x.support === 'September 2023');
    expect(q?.choices).toEqual(expect.arrayContaining(['October 2023', 'June 2023']));
  });
});
