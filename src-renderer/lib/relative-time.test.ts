import { describe, expect, it } from 'vitest';
import { timeAgo } from './relative-time';

const now = new Date('2026-12-07T10:00:00.000Z');
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('timeAgo', () => {
  it.each([
    [3, 'just now'],
    [45, '45 seconds ago'],
    [120, '2 minutes ago'],
    [179, '2 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [86_400 + 10, 'yesterday'],
    [5 * 86_400, '5 days ago'],
  ])('%i seconds before is "%s"', (seconds, text) => {
    expect(timeAgo(before(seconds), now)).toBe(text);
  });

  it('reads an instant slightly ahead of this clock as just now, and an unreadable one as nothing', () => {
    expect(timeAgo(before(-30), now)).toBe('just now');
    expect(timeAgo('not a date', now)).toBe('');
  });
});
