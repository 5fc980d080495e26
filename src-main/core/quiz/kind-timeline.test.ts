import { describe, expect, it } from 'vitest';
import { dayInterval, parseDateValue } from './date-value';
import { timelineQuestions } from './kind-timeline';
import { testContext } from './test-article';
import { extract } from '../extract/index';
import { generateQuiz } from './generate';

describe('timeline questions', () => {
  it.each(['a', 'b', 'c', 'd'])('orders three to five disjoint events (seed %s)', (seed) => {
    const [first] = timelineQuestions(testContext({ seed }));
    const q = first?.question;
    const items = q?.items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(5);
    const spans = items.map((i) => {
      const parts = parseDateValue(i.value ?? '');
      return parts ? dayInterval(parts) : null;
    });
    expect(spans.every((s) => s !== null)).toBe(true);
    spans.forEach((s, i) => {
      const next = spans[i + 1];
      if (s && next) expect(s[1]).toBeLessThan(next[0]);
    });
    expect(q?.answer).toBe(items.map((i) => i.label).join(' → '));
    expect(q?.choices.slice().sort()).toEqual(items.map((i) => i.label).sort());
    expect(q?.choices).not.toEqual(items.map((i) => i.label));
    for (const i of items) {
      expect(i.evidence.text).toContain(i.support);
      expect(i.label).not.toContain(i.support); // the date itself would give the order away
    }
  });
});

describe('timeline questions whatever the seed', () => {
  // Invented: one event dated by its whole year overlaps every other; taken first, it used to leave too few events.
  const TEXT = [
    'The port authority said in 2024 that traffic had grown for a third year.',
    'The new crane was delivered to the north quay on 3 March 2024 after a long delay.',
    'The first container ship berthed at the new quay on 9 May 2024 with 2,000 boxes.',
    'Dock workers signed a new pay agreement with the authority on 1 July 2024 after talks.',
  ].join('\n\n');
  const analysis = extract(TEXT, { referenceDate: '2024-09-01' });

  it.each(Array.from({ length: 24 }, (_, i) => `seed-${i}`))('gives one for %s', (seed) => {
    const questions = generateQuiz(TEXT, analysis, { seed, kinds: ['timeline'] });
    expect(questions.length).toBeGreaterThanOrEqual(1);
    expect(questions[0]?.items?.length).toBeGreaterThanOrEqual(3);
  });
});
