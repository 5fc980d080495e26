/**
 * The reader's day, as Anki counts it: it starts at a rollover hour the reader sets (Anki's default is 4 am), in the
 * reader's time zone, so a review at 2 am still belongs to the evening before. Pure: the zone (an IANA name) and the
 * hour are arguments, never read from the machine, so tests can try any zone.
 */
import type { DayOf } from './days';

export interface ReaderDay {
  /** An IANA time zone, e.g. 'Europe/Paris'. */
  zone: string;
  /** The hour (0–23, local time) at which a new day starts. */
  rolloverHour: number;
}

export const DEFAULT_ROLLOVER_HOUR = 4;

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** Offsets found, by zone and quarter hour: the queue asks for one per card (50,000 in a large library). */
const offsets = new Map<string, Map<number, number>>();

/**
 * How far `zone`'s wall clock is ahead of UTC at `at`, in milliseconds (negative west of Greenwich). A zone's offset
 * is a whole number of quarter hours and changes only on a quarter hour of UTC, so it is worked out once per quarter
 * hour (formatToParts costs microseconds, and the review queue asks for every card's due day).
 */
export function zoneOffsetMs(zone: string, at: Date): number {
  const time = at.getTime();
  if (!Number.isFinite(time)) return computeOffsetMs(zone, at);
  const bucket = Math.floor(time / QUARTER_HOUR);
  let known = offsets.get(zone);
  if (!known) offsets.set(zone, (known = new Map()));
  let offset = known.get(bucket);
  if (offset === undefined) {
    offset = computeOffsetMs(zone, new Date(bucket * QUARTER_HOUR));
    // An offset of seconds (local mean time, before time zones) is not constant over the quarter: not kept.
    if (offset % 60_000 !== 0) return computeOffsetMs(zone, at);
    if (known.size > 20_000) known.clear();
    known.set(bucket, offset);
  }
  return offset;
}

function computeOffsetMs(zone: string, at: Date): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(at))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The reader's clock as a UTC instant: `at` moved so that its UTC calendar date is the reader's day and its UTC time of
 * day is the time since the rollover. ts-fsrs counts elapsed days between UTC dates; fed these instants, it counts
 * reader days instead, as Anki does.
 */
export function readerClock(at: Date, day: ReaderDay): Date {
  return new Date(at.getTime() + zoneOffsetMs(day.zone, at) - day.rolloverHour * HOUR);
}

const QUARTER_HOUR = 900_000;

/**
 * The reader's day of each instant, as a `YYYY-MM-DD` key. Remembered per quarter hour: every zone's offset, and so
 * every day's start and every clock change, falls on a quarter hour, so all instants of one share a day. Statistics over
 * a million reviews then ask Intl once per quarter hour studied rather than once per review (17 µs each).
 */
export function readerDayOf(day: ReaderDay): DayOf {
  const days = new Map<number, string>();
  return (at) => {
    const quarter = Math.floor(at.getTime() / QUARTER_HOUR);
    let key = days.get(quarter);
    if (key === undefined) {
      key = readerClock(new Date(quarter * QUARTER_HOUR), day)
        .toISOString()
        .slice(0, 10);
      days.set(quarter, key);
    }
    return key;
  };
}

/**
 * The instant reader day `key` begins: the rollover hour of that date in the zone. Where a daylight-saving change skips
 * that hour, the first instant after the gap (the day still begins exactly once).
 */
export function startOfReaderDay(key: string, day: ReaderDay): Date {
  const dayOf = readerDayOf(day);
  const wall = Date.parse(`${key}T00:00:00.000Z`) + day.rolloverHour * HOUR;
  // The instant is the wall-clock time less the zone's offset then; the offsets in force within a day either side are
  // the only ones it can be (a clock change makes two, and an hour repeated at one makes two candidates).
  const offsets = new Set(
    Array.from({ length: 9 }, (_, index) => zoneOffsetMs(day.zone, new Date(wall + (index - 4) * 6 * HOUR))),
  );
  const candidates = [...offsets].map((offset) => wall - offset).sort((a, b) => a - b);
  const begins = (time: number) => dayOf(new Date(time)) === key && dayOf(new Date(time - 1)) < key;
  return new Date(candidates.find(begins) ?? candidates.find((time) => dayOf(new Date(time)) === key) ?? wall);
}
