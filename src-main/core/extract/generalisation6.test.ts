/**
 * Table-driven tests for classes a quiz reader found wrong: a family name that is also an English word ("Were",
 * "Will", "May") is part of the person's name. All names are invented.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import type { Actor } from './types';

const actors = (text: string): Actor[] => extract(text, { referenceDate: '2025-03-07' }).actors;
const people = (text: string): string[] => actors(text).filter((a) => a.type === 'person').map((a) => a.name);

describe('a family name that is also a verb stays with the given name', () => {
  it.each([
    ['Deputy Speaker Amina Were said the house had backed the motion.', 'Amina Were'],
    ['Party leader Tobias Will told reporters the vote would be close.', 'Tobias Will'],
    ['The report was written by Helen May and two colleagues.', 'Helen May'],
    ['On Tuesday, chair Daniel Can said the plan would go ahead.', 'Daniel Can'],
  ])('%s', (text, name) => {
    expect(people(text)).toContain(name);
  });

  it.each([
    ['Were the loans approved, said Amina Osei, the debt would double.', 'Amina Osei'],
  ])('a copula starting the sentence is no family name: %s', (text, name) => {
    expect(people(text)).toContain(name);
    expect(people(text).join(' ')).not.toMatch(/\bWere\b/);
  });
});
