import { describe, expect, it } from 'vitest';
import { formatBadgeCount } from './format';

describe('formatBadgeCount', () => {
  it('writes small counts whole and large ones in four characters at most, so the top bar keeps one row', () => {
    expect(formatBadgeCount(7)).toBe('7');
    expect(formatBadgeCount(999)).toBe('999');
    for (const count of [1000, 1049, 4715, 9999, 47_057, 99_999, 100_000, 999_999])
      expect(formatBadgeCount(count).length, String(count)).toBeLessThanOrEqual(4);
    expect(formatBadgeCount(47_057)).toMatch(/^47\D/);
  });
});
