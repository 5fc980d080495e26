import { describe, expect, it } from 'vitest';
import { dayInterval, parseDateValue } from './date-value';
import { timelineQuestions } from './kind-timeline';
import { testContext } from './test-article';

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
