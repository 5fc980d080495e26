import { describe, expect, it } from 'vitest';
import { compareTimex, formatTimex } from './timex';

describe('formatTimex', () => {
  it.each([
    ['2024-01-21', '21 January 2024'],
    ['2023-09', 'September 2023'],
    ['2024', '2024'],
    ['2024-03-15/2024-03-17', '15–17 March 2024'],
    ['2023-12/2024-02', 'December 2023 – February 2024'],
    ['P24Y', '24 years'],
    ['P1D', '1 day'],
    ['PAST_REF', 'in the past'],
    ['2026-SP', 'Spring 2026'],
    ['2024-Q3', 'Q3 2024'],
    ['XXXX-WXX', 'XXXX-WXX'],
  ])('%s reads as %s', (value, expected) => {
    expect(formatTimex(value)).toBe(expected);
  });

  it('sorts calendar values first, in order', () => {
    const values = ['P24Y', '2024-03-15/2024-03-17', '2000-07', 'PAST_REF', '2024-01-19'];
    expect([...values].sort(compareTimex)).toEqual(['2000-07', '2024-01-19', '2024-03-15/2024-03-17', 'P24Y', 'PAST_REF']);
  });
});
