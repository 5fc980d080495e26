import { describe, expect, it } from 'vitest';
import { hasPassed, periodOf } from './timex-period';

describe('periodOf', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-03-03', '2025-03-03', '2025-03-03'],
    ['2025-03-03T08:30', '2025-03-03', '2025-03-03'],
    ['2024-Q3', '2024-07-01', '2024-09-30'],
    ['2024-H1', '2024-01-01', '2024-06-30'],
    ['2026-SP', '2026-03-01', '2026-05-31'],
    ['2025-WI', '2025-12-01', '2026-02-28'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['202', '2020-01-01', '2029-12-31'],
    ['2024-03-01/2024-05', '2024-03-01', '2024-05-31'],
  ])('%s covers %s to %s', (value, first, last) => {
    expect(periodOf(value)).toEqual({ first, last });
  });

  it.each(['P10Y', 'PAST_REF', 'FUTURE_REF', 'XXXX-03-03', '2024-XX', '2025-13', '2025-02-30', '2025/2024', ''])(
    '%s has no place on the calendar',
    (value) => expect(periodOf(value)).toBeNull(),
  );
});

describe('hasPassed', () => {
  it('is true only once the last day is over', () => {
    const march = periodOf('2025-03') ?? { first: '', last: '' };
    expect(hasPassed(march, '2025-03-31')).toBe(false);
    expect(hasPassed(march, '2025-04-01')).toBe(true);
  });
});
