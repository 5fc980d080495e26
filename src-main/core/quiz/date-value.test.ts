import { describe, expect, it } from 'vitest';
import { dateLabel, dayInterval, formatDateValue, parseDateValue, shiftDate } from './date-value';

describe('date values', () => {
  it.each([
    ['2024-01-21', 'January 21, 2024', 'day'],
    ['2023-09', 'September 2023', 'month'],
    ['2024', '2024', 'year'],
    ['2024-03-15/2024-03-17', 'March 15–17, 2024', 'day'],
    ['2024-03-30/2024-04-02', 'March 30 – April 2, 2024', 'day'],
    ['2023-11/2024-02', 'November 2023 – February 2024', 'month'],
    ['XXXX-05-25', 'May 25', 'day'],
  ])('%s -> "%s"', (value, label, grain) => {
    const parts = parseDateValue(value);
    expect(parts && dateLabel(parts)).toBe(label);
    expect(parts?.grain).toBe(grain);
    expect(parts && formatDateValue(parts)).toBe(value);
  });

  it.each(['P24Y', 'PAST_REF', 'XXXX-WXX-7', '2024-Q3', 'XXXX-XX-XX', 'XXXX', '2024-13', '2024-01/2024-02-03', ''])(
    'refuses %s',
    (value) => expect(parseDateValue(value)).toBeNull(),
  );

  it.each([
    ['2024-01-30', 3, '2024-02-02'],
    ['2024-01', -2, '2023-11'],
    ['2000', 5, '2005'],
    ['2024-03-15/2024-03-17', 7, '2024-03-22/2024-03-24'],
    ['XXXX-02-28', 1, 'XXXX-02-29'],
  ])('shifts %s by %d -> %s', (value, delta, want) => {
    const parts = parseDateValue(value);
    expect(parts && formatDateValue(shiftDate(parts, delta))).toBe(want);
  });

  it('gives the days a value covers, and none without a year', () => {
    const feb = dayInterval(parseDateValue('2024-02') ?? fail());
    expect(feb && feb[1] - feb[0]).toBe(28);
    expect(dayInterval(parseDateValue('XXXX-05-25') ?? fail())).toBeNull();
  });
});

function fail(): never {
  throw new Error('unparsed');
}
