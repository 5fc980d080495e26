import { describe, expect, it } from 'vitest';
import { backupsToKeep } from './backup-retention';

/** Backups every `stepMinutes` back from 2026-03-31T12:00Z, newest first. */
function series(count: number, stepMinutes: number): { id: string; createdAt: string }[] {
  const end = Date.parse('2026-03-31T12:00:00.000Z');
  return Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(end - i * stepMinutes * 60_000).toISOString();
    return { id: createdAt, createdAt };
  });
}

describe('backupsToKeep', () => {
  it.each([
    // [what, backups, policy, expected count kept]
    ['fewer than the recent count: all kept', series(5, 30), { recent: 12, daily: 14, weekly: 8 }, 5],
    ['half-hourly for a day: 12 recent + 1 more day', series(48, 30), { recent: 12, daily: 14, weekly: 8 }, 13],
    [
      'daily for 60 days: 14 days + the 5 older weeks of the 8',
      series(60, 24 * 60),
      { recent: 3, daily: 14, weekly: 8 },
      19,
    ],
    ['weekly for a year: 8 weeks kept', series(52, 7 * 24 * 60), { recent: 1, daily: 1, weekly: 8 }, 8],
  ])('%s', (_what, backups, policy, expected) => {
    expect(backupsToKeep(backups, policy).size).toBe(expected);
  });

  it('always keeps the newest, and the newest of each day', () => {
    const backups = series(96, 30);
    const keep = backupsToKeep(backups, { recent: 1, daily: 3, weekly: 1 });
    expect(keep.has(backups[0]?.id ?? '')).toBe(true);
    expect([...keep].map((id) => id.slice(0, 10)).sort()).toEqual(['2026-03-29', '2026-03-30', '2026-03-31']);
  });

  it('keeps a backup whose date it cannot read rather than guess', () => {
    expect(backupsToKeep([{ id: 'odd', createdAt: 'not a date' }], { recent: 0, daily: 0, weekly: 0 })).toEqual(
      new Set(['odd']),
    );
  });
});
