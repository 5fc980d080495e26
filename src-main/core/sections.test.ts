import { describe, expect, it } from 'vitest';
import type { Section } from './model';
import { sectionAt } from './sections';

const SECTIONS: Section[] = [
  { title: 'One', start: 0, end: 10, level: 1 },
  { title: 'Two', start: 11, end: 30, level: 1 },
  { title: 'Two, part A', start: 31, end: 40, level: 2 },
];

describe('sectionAt', () => {
  it.each([
    [0, 'One'],
    [9, 'One'],
    [10, null],
    [11, 'Two'],
    [29, 'Two'],
    [31, 'Two, part A'],
    [39, 'Two, part A'],
    [40, null],
    [-1, null],
  ])('offset %i is in %s', (offset, title) => {
    expect(sectionAt(SECTIONS, offset)?.title ?? null).toBe(title);
  });

  it('answers null for a document without sections', () => {
    expect(sectionAt(undefined, 3)).toBeNull();
    expect(sectionAt([], 3)).toBeNull();
  });
});
