/**
 * Calendar days as `YYYY-MM-DD` keys. Which day an instant falls on depends on the reader's time zone, so callers pass
 * a `DayOf` function in (the service uses the machine's local zone); stepping between days is pure date arithmetic on
 * the keys, so a 23- or 25-hour day at a daylight-saving change never skips or repeats a day.
 */

export type DayOf = (at: Date) => string;

/** The UTC day of an instant: the DayOf tests use, so they do not depend on the machine's zone. */
export const utcDayOf: DayOf = (at) => at.toISOString().slice(0, 10);

/** The day `count` days after `day` (negative: before). */
export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** The `count` days ending with `today`, oldest first. */
export function lastDays(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(today, index - count + 1));
}
