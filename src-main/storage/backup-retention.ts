/**
 * Which backups to keep (grandfather-father-son): the newest few whatever their age, then the newest of each recent
 * day, then the newest of each recent week. Pure: the caller passes the backups and never a clock.
 */

export interface RetentionPolicy {
  /** The newest backups kept whatever their age. */
  recent: number;
  /** The newest backup of each of this many most recent days (UTC) that have one. */
  daily: number;
  /** The newest backup of each of this many most recent weeks (Monday to Sunday, UTC) that have one. */
  weekly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { recent: 12, daily: 14, weekly: 8 };

export interface Dated {
  id: string;
  createdAt: string;
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso) / DAY_MS);
}

function weekNumber(iso: string): number {
  // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
  return Math.floor((dayNumber(iso) + 3) / 7);
}

function newestPerBucket(
  sorted: readonly Dated[],
  bucket: (iso: string) => number,
  count: number,
  keep: Set<string>,
): void {
  const seen = new Set<number>();
  for (const backup of sorted) {
    const key = bucket(backup.createdAt);
    if (seen.has(key)) continue;
    if (seen.size >= count) break;
    seen.add(key);
    keep.add(backup.id);
  }
}

/** The ids to keep; every other backup may be deleted. Backups with unreadable dates are kept (never guess). */
export function backupsToKeep(backups: readonly Dated[], policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const keep = new Set<string>();
  const dated = backups.filter((backup) => {
    if (Number.isNaN(Date.parse(backup.createdAt))) {
      keep.add(backup.id);
      return false;
    }
    return true;
  });
  const sorted = [...dated].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  for (const backup of sorted.slice(0, policy.recent)) keep.add(backup.id);
  newestPerBucket(sorted, dayNumber, policy.daily, keep);
  newestPerBucket(sorted, weekNumber, policy.weekly, keep);
  return keep;
}
