import { describe, expect, it } from 'vitest';
import type { Block } from './model';
import { pageAt, pageLabel } from './page-at';

const blocks: Block[] = [
  { kind: 'heading', start: 0, end: 10, page: 1 },
  { kind: 'paragraph', start: 11, end: 50, page: 1 },
  { kind: 'paragraph', start: 51, end: 90, page: 2 },
  { kind: 'paragraph', start: 91, end: 120, page: 7 },
];

describe('pageAt', () => {
  it.each([
    [0, 1],
    [30, 1],
    [50, 1],
    [51, 2],
    [89, 2],
    [100, 7],
    [500, 7],
  ])('offset %i is on page %i', (offset, page) => {
    expect(pageAt(blocks, offset)).toBe(page);
  });

  it('has no page for documents without pages', () => {
    expect(pageAt([{ kind: 'paragraph', start: 0, end: 5 }], 2)).toBeUndefined();
    expect(pageAt([], 0)).toBeUndefined();
  });

  it('labels a page as the UI shows it', () => {
    expect(pageLabel(7)).toBe('p. 7');
    expect(pageLabel(undefined)).toBe('');
  });
});
