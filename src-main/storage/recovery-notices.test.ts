import { describe, expect, it } from 'vitest';
import { describeBackup } from './recovery-notices';

describe('describeBackup', () => {
  it('names a backup by the reader’s local time and zone, not UTC', () => {
    const backup = { createdAt: '2026-12-06T21:05:00.000Z' };
    const inNewYork = describeBackup(backup, 'America/New_York');
    expect(inNewYork).toMatch(/^the backup of /);
    expect(inNewYork).toContain('6');
    expect(inNewYork).toMatch(/4:05|16:05/);
    expect(inNewYork).toMatch(/EST|GMT-5/);
    expect(inNewYork).not.toContain('21:05');
    expect(describeBackup(backup, 'Asia/Tokyo')).toMatch(/7.*(6:05|06:05)/);
  });
});
