/**
 * Test support for the API fuzz test: a seeded generator of payloads, from plausible (known field names, real ids,
 * values of the right kind) to hostile (wrong types, huge and malformed strings, prototype keys, deep nesting). Mixing
 * the two makes some payloads valid by chance, so the test sees both the accepted and the refused paths.
 */
import type { Rng } from '../core/quiz/prng';

export const FIELD_NAMES = [
  'id',
  'documentId',
  'highlightId',
  'text',
  'format',
  'body',
  'title',
  'source',
  'fileName',
  'data',
  'publishedDate',
  'correction',
  'kind',
  'start',
  'end',
  'color',
  'note',
  'tags',
  'highlight',
  'content',
  'query',
  'limit',
  'documentIds',
  'count',
  'kinds',
  'seed',
  'sessionId',
  'questionId',
  'given',
  'colorLabels',
  'review',
  'front',
  'back',
  'cloze',
  'suspended',
  'card',
  'grade',
  'reviewId',
  'actor',
  'name',
  'from',
  'into',
  'alias',
  'type',
  'role',
  'value',
  'desiredRetention',
  'newPerDay',
  'dayStartsAt',
  'shown',
  'due',
  'label',
  'selectors',
  'createdAt',
  'updatedAt',
  'blocks',
  'marks',
  'level',
  'href',
  'source',
  '__proto__',
  'constructor',
  'prototype',
] as const;

const WILD_STRINGS = [
  '',
  ' ',
  'x',
  'a'.repeat(301),
  'b'.repeat(70_000),
  '../../etc/passwd',
  '..\\..\\windows',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '\u0000',
  '\ud800',
  '\u202e',
  '💥'.repeat(50),
  '{{c1::cloze}}',
  'null',
  'undefined',
  'NaN',
  '2024-02-30',
  '2024-01-22',
  '2026-01-02T03-04-05-000Z',
  '2026-01-01T00:00:00.000Z',
  'text',
  'markdown',
  'structured',
  'html',
  'json',
  'person',
  'country',
  'rename',
  'merge',
  'add',
  'date-value',
  'paragraph',
  'TextPositionSelector',
  'TextQuoteSelector',
  'basic',
  'cloze',
  'who',
  'when',
  'P1Y',
  '%00',
  '\r\n\r\nX-Injected: 1',
];

const WILD_NUMBERS = [
  0,
  1,
  2,
  3,
  4,
  5,
  6,
  -1,
  -0,
  0.5,
  1.5,
  9,
  99,
  1e21,
  -1e21,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 31,
  12_000_001,
  0.95,
];

export interface Pools {
  /** Real ids from the library (documents, highlights, cards, sessions, backups), so some payloads reach the service. */
  ids: string[];
}

/** Sets an own property even for `__proto__`, so the payload carries the key as JSON would, not a new prototype. */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

/** Any JSON value, nested up to `depth`. */
export function randomValue(rng: Rng, pools: Pools, depth = 3): unknown {
  const roll = rng.int(depth > 0 ? 10 : 7);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
    case 3:
      return pick(rng, WILD_NUMBERS);
    case 4:
      return pick(rng, WILD_STRINGS);
    case 5:
    case 6:
      return pools.ids.length > 0 && rng.next() < 0.7 ? pick(rng, pools.ids) : pick(rng, WILD_STRINGS);
    case 7:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, pools, depth - 1));
    default:
      return randomObject(rng, pools, depth - 1);
  }
}

/** An object of 0 to 5 known field names with random values. */
export function randomObject(rng: Rng, pools: Pools, depth = 2): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = rng.int(6); i > 0; i--) setField(out, pick(rng, FIELD_NAMES), randomValue(rng, pools, depth));
  return out;
}

/** A payload for a method: random, a mutated valid example, or something that is not an object at all. */
export function randomPayload(rng: Rng, pools: Pools, example: Record<string, unknown> | undefined): unknown {
  const roll = rng.next();
  if (example && roll < 0.45) return mutate(rng, pools, example);
  if (example && roll < 0.55) return JSON.parse(JSON.stringify(example)) as unknown;
  if (roll < 0.9) return randomObject(rng, pools);
  return randomValue(rng, pools, 3);
}

function mutate(rng: Rng, pools: Pools, example: Record<string, unknown>): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(example)) as Record<string, unknown>;
  const keys = Object.keys(out);
  const key = keys.length > 0 ? pick(rng, keys) : pick(rng, FIELD_NAMES);
  switch (rng.int(5)) {
    case 0:
      delete out[key];
      break;
    case 1:
      setField(out, pick(rng, FIELD_NAMES), randomValue(rng, pools, 2));
      break;
    case 2:
      setField(out, key, randomValue(rng, pools, 1));
      break;
    case 3:
      setField(out, key, pick(rng, WILD_STRINGS));
      break;
    default:
      setField(out, key, pick(rng, WILD_NUMBERS));
  }
  return out;
}

/** Bodies that are not a JSON object: the host must refuse them with a typed error too. */
export const RAW_BODIES = [
  '',
  '{',
  '}',
  'null',
  '[]',
  '"string"',
  '42',
  'true',
  '{"a":}',
  '\u0000',
  '{"__proto__":{"polluted":true}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"constructor":{"prototype":{"polluted":true}}}',
  'x'.repeat(10_000),
];
