import { describe, expect, it } from 'vitest';
import { sortedSpans, spansIn } from './paint-window';

/** A deterministic spread of spans: mostly short, a few long, some overlapping. */
function spans(n: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let seed = 7;
  for (let i = 0; i < n; i += 1) {
    seed = (seed * 48271) % 2147483647;
    const start = seed % 100_000;
    const length = i % 97 === 0 ? 5_000 : 1 + (seed % 300);
    out.push({ start, end: start + length });
  }
  return out;
}

describe('spansIn', () => {
  const all = spans(2_000);
  const sorted = sortedSpans([...all].sort((a, b) => a.start - b.start));
  const windows = [
    { start: 0, end: 8_000 },
    { start: 40_000, end: 46_000 },
    { start: 99_000, end: 120_000 },
    { start: 120_000, end: 130_000 },
  ];

  it('returns every span when there is no window', () => {
    expect(spansIn(all, null)).toBe(all);
  });

  it('finds the same spans by binary search in sorted spans as a pass over them finds', () => {
    for (const window of windows) {
      const expected = sorted.filter((s) => s.end >= window.start && s.start <= window.end);
      expect(spansIn(sorted, window)).toEqual(expected);
    }
    // The windows hold some spans, except the one past the last span's end.
    expect(windows.map((window) => spansIn(sorted, window).length > 0)).toEqual([true, true, true, false]);
  });

  it('counts a span that starts long before the window and reaches into it', () => {
    const long = sortedSpans([
      { start: 0, end: 50_000 },
      { start: 10, end: 20 },
      { start: 45_000, end: 45_010 },
    ]);
    expect(spansIn(long, { start: 40_000, end: 41_000 })).toEqual([{ start: 0, end: 50_000 }]);
  });

  it('falls back to a pass over spans that are not sorted', () => {
    const unsorted = sortedSpans(all);
    for (const window of windows) {
      expect(spansIn(unsorted, window)).toEqual(all.filter((s) => s.end >= window.start && s.start <= window.end));
    }
  });
});
