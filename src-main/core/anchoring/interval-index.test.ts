import { describe, expect, it } from 'vitest';
import { IntervalIndex, type IndexedRange } from './interval-index';

function bruteForce(ranges: Iterable<IndexedRange>, offset: number): string[] {
  return [...ranges]
    .filter((r) => r.start <= offset && offset < r.end)
    .map((r) => r.id)
    .sort();
}

function ids(found: IndexedRange[]): string[] {
  return found.map((r) => r.id).sort();
}

describe('IntervalIndex', () => {
  it('finds nested and overlapping ranges, innermost first, with half-open ends', () => {
    const index = new IntervalIndex();
    index.reset([
      { id: 'outer', start: 0, end: 100 },
      { id: 'middle', start: 10, end: 50 },
      { id: 'inner', start: 20, end: 30 },
      { id: 'overlap', start: 25, end: 60 },
    ]);
    expect(index.containing(22).map((r) => r.id)).toEqual(['inner', 'middle', 'outer']);
    expect(index.containing(25).map((r) => r.id)).toEqual(['inner', 'overlap', 'middle', 'outer']);
    expect(index.containing(30).map((r) => r.id)).toEqual(['overlap', 'middle', 'outer']);
    expect(index.containing(100)).toEqual([]);
    expect(index.containing(-1)).toEqual([]);
    expect(index.containing(0).map((r) => r.id)).toEqual(['outer']);
  });

  it('rejects empty, reversed, negative and fractional ranges', () => {
    const index = new IntervalIndex();
    expect(index.add('empty', 5, 5)).toBe(false);
    expect(index.add('reversed', 6, 5)).toBe(false);
    expect(index.add('negative', -1, 5)).toBe(false);
    expect(index.add('fraction', 1.5, 5)).toBe(false);
    expect(index.add('ok', 1, 5)).toBe(true);
    expect(index.size).toBe(1);
  });

  it('replaces a range re-added under the same id, before and after a rebuild', () => {
    const index = new IntervalIndex();
    index.add('a', 0, 10);
    index.add('a', 20, 30);
    expect(ids(index.containing(5))).toEqual([]);
    expect(ids(index.containing(25))).toEqual(['a']);
    index.reset([{ id: 'a', start: 0, end: 10 }]);
    index.add('a', 20, 30);
    expect(ids(index.containing(5))).toEqual([]);
    expect(ids(index.containing(25))).toEqual(['a']);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.containing(25)).toEqual([]);
  });

  it('agrees with a brute-force scan through random adds, removes and rebuilds', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    const index = new IntervalIndex();
    const truth = new Map<string, IndexedRange>();
    for (let step = 0; step < 3000; step += 1) {
      const id = `h${random(400)}`;
      if (random(4) === 0) {
        expect(index.remove(id)).toBe(truth.delete(id));
      } else {
        const start = random(5000);
        const end = start + 1 + random(300);
        index.add(id, start, end);
        truth.set(id, { id, start, end });
      }
      if (step % 7 === 0) {
        const offset = random(5400);
        expect(ids(index.containing(offset))).toEqual(bruteForce(truth.values(), offset));
      }
    }
    expect(index.size).toBe(truth.size);
  });
});
