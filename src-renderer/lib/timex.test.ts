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
    ['XXXX-WXX', 'a week (date unknown)'],
    ['2024-W12', 'the week of 18 March 2024'],
    ['2020-W53-7', '3 January 2021'],
    ['2024-H1', 'the first half of 2024'],
    ['2026-08-05T08:30', '5 August 2026, 08:30'],
    ['P5Y4M', '5 years 4 months'],
    ['PT2H18M', '2 hours 18 minutes'],
    ['P2W', '2 weeks'],
    ['197', 'the 1970s'],
    ['18', 'the 19th century'],
    ['00', 'the 1st century'],
    ['20', 'the 21st century'],
    ['BC3000', '3000 BC'],
    ['0794', '794'],
  ])('%s reads as %s', (value, expected) => {
    expect(formatTimex(value)).toBe(expected);
  });

  it('never shows a raw value for a date the text leaves partly unknown', () => {
    // What an undated article's Timeline held: each says what is known, and what is not.
    const said = {
      XXXX: 'Year unknown',
      'XXXX-SU': 'Summer (year unknown)',
      'XXXX-WXX-1': 'a Monday (date unknown)',
      'XXXX-WXX-7': 'a Sunday (date unknown)',
      'XXXX-XX': 'a month (date unknown)',
      'XXXX-XX-XX': 'a day (date unknown)',
      'XXXX-XX-21': 'the 21st (month unknown)',
      '2024-XX-21': 'the 21st of a month in 2024 (month unknown)',
      'XXXX-05-25': '25 May (year unknown)',
      'XXXX-05': 'May (year unknown)',
      'XXXX-QX': 'a quarter (date unknown)',
      'XXXX-Q2': 'Q2 (year unknown)',
      'XXXX-H1': 'the first half (year unknown)',
      XXX: 'a decade (date unknown)',
      'XXXX-XX-XXT08:30': '08:30 (day unknown)',
      'XXXX-05-01/XXXX-05-03': '1–3 May (year unknown)',
      'XXXX-05/XXXX-07': 'May – July (year unknown)',
      '2024-XX': 'a month of 2024 (month unknown)',
    };
    for (const [value, words] of Object.entries(said)) {
      expect(formatTimex(value)).toBe(words);
      expect(formatTimex(value)).not.toMatch(/XX|W\d|\d{4}-/);
    }
  });

  it('sorts calendar values first, in order', () => {
    const values = ['P24Y', '2024-03-15/2024-03-17', '2000-07', 'PAST_REF', '2024-01-19'];
    expect([...values].sort(compareTimex)).toEqual([
      '2000-07',
      '2024-01-19',
      '2024-03-15/2024-03-17',
      'P24Y',
      'PAST_REF',
    ]);
  });

  it('puts decades, centuries and years BC in their place in time', () => {
    const values = ['1962', 'P10Y', '18', 'BC3000', '197', '2024-03', '0794'];
    expect([...values].sort(compareTimex)).toEqual(['BC3000', '0794', '18', '1962', '197', '2024-03', 'P10Y']);
  });

  it('puts a time on a day after the day itself and before the next day', () => {
    expect(['2024-01-20', '2024-01-19T23:00', '2024-01-19'].sort(compareTimex)).toEqual([
      '2024-01-19',
      '2024-01-19T23:00',
      '2024-01-20',
    ]);
  });
});
