/**
 * Seeded randomness for the quiz: a string hash (cyrb53) for seeds and stable ids, and a small PRNG (sfc32) with the
 * helpers the generator needs. Nothing here reads a clock or Math.random, so a seed always gives the same quiz.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n); 0 when n <= 0. */
  int(n: number): number;
}

/** cyrb53: a fast 53-bit string hash with good spread; returns a non-negative safe integer. */
export function hash53(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A short stable id ("q-" and base-36 digits) for the given parts. */
export function stableId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}-${hash53(parts.join('\u241f')).toString(36)}`;
}

/** A PRNG seeded from any number of parts (the quiz seed and, say, a question id), so streams are independent. */
export function createRng(...seedParts: (string | number)[]): Rng {
  const key = seedParts.map(String).join('\u241f');
  let a = hash53(key, 1) >>> 0;
  let b = hash53(key, 2) >>> 0;
  let c = hash53(key, 3) >>> 0;
  let d = 1;
  const next = (): number => {
    // sfc32: 128-bit state, passes PractRand for the sizes we use; all arithmetic stays in 32 bits.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm up so similar seeds diverge
  return { next, int: (n) => (n <= 0 ? 0 : Math.floor(next() * n)) };
}

/** A shuffled copy of `items` (Fisher-Yates); the input is left alone. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
