import { describe, expect, it } from 'vitest';
import { parseDateValue } from './date-value';
import { whenQuestions } from './kind-when';
import { POOL, testContext } from './test-article';
import { buildContext } from './context';
import { extract } from '../extract/index';

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

describe('a "when" prompt asks about the event the date belongs to (invented sentences)', () => {
  const prompts = (text: string): string[] =>
    whenQuestions(buildContext(text, extract(text, { referenceDate: '2025-03-07' }), { seed: 'g7' })).map(
      (c) => c.question.prompt,
    );

  it.each([
    [
      "The league will confirm the dates of next season's tournament in September, a spokesman said on Monday.",
      'September',
    ],
    ['Officials will announce the venue of the summit in October, the ministry said on Friday.', 'October'],
    ['The board plans to publish the results of the referendum in November, its chair said on Tuesday.', 'November'],
  ])('never "When is <object of another verb>": %s', (text) => {
    const all = prompts(text);
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) expect(p).not.toMatch(/^When (?:is|are|was|were) /);
  });

  it.each([
    [
      'The regional summit on 12 May will draw leaders from nine countries, officials said.',
      'When is the regional summit',
    ],
    ['Leaders met again after the peace talks in June, officials said on 2 March.', 'When were the peace talks'],
  ])('an event named before its date is asked, the verb agreeing: %s', (text, want) => {
    expect(prompts(text).some((p) => p.startsWith(want))).toBe(true);
  });
});
