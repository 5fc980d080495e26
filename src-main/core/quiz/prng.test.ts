import { describe, expect, it } from 'vitest';
import { createRng, hash53, shuffled, stableId } from './prng';

describe('seeded randomness', () => {
  it('repeats a stream for the same seed and differs for another', () => {
    const a = createRng('seed', 1);
    const b = createRng('seed', 1);
    const c = createRng('seed', 2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('shuffles a copy deterministically, keeping every item', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const once = shuffled(items, createRng(7));
    expect(shuffled(items, createRng(7))).toEqual(once);
    expect(once.slice().sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('hashes stably (ids must survive restarts)', () => {
    expect(hash53('lectio')).toBe(hash53('lectio'));
    expect(stableId('q', 'who', 1, 2, 'x')).toMatch(/^q-[0-9a-z]+$/);
    expect(stableId('q', 'who', 1, 2, 'x')).not.toBe(stableId('q', 'who', 1, 3, 'x'));
  });

  it('spreads ints over their range', () => {
    const rng = createRng('spread');
    const seen = new Set(Array.from({ length: 200 }, () => rng.int(4)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    expect(rng.int(0)).toBe(0);
  });
});
