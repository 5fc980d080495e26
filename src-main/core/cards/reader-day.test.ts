import { describe, expect, it } from 'vitest';
import { readerClock, readerDayOf, startOfReaderDay, zoneOffsetMs, type ReaderDay } from './reader-day';

const at = (iso: string) => new Date(iso);

describe('readerDayOf', () => {
  it('counts a review at 2 am as the day before when the day starts at 4 (Anki’s default)', () => {
    const dayOf = readerDayOf({ zone: 'Europe/Paris', rolloverHour: 4 });
    expect(dayOf(at('2026-01-10T01:00:00.000Z'))).toBe('2026-01-09'); // 02:00 in Paris
    expect(dayOf(at('2026-01-10T02:59:59.999Z'))).toBe('2026-01-09'); // 03:59:59
    expect(dayOf(at('2026-01-10T03:00:00.000Z'))).toBe('2026-01-10'); // 04:00
    expect(readerDayOf({ zone: 'Europe/Paris', rolloverHour: 0 })(at('2026-01-10T01:00:00.000Z'))).toBe('2026-01-10');
  });

  it('counts in the reader’s zone, not UTC: the same instant is another day in Tokyo and Los Angeles', () => {
    const instant = at('2026-06-15T20:00:00.000Z'); // 05:00 on the 16th in Tokyo, 13:00 on the 15th in Los Angeles
    expect(readerDayOf({ zone: 'Asia/Tokyo', rolloverHour: 4 })(instant)).toBe('2026-06-16');
    expect(readerDayOf({ zone: 'America/Los_Angeles', rolloverHour: 4 })(instant)).toBe('2026-06-15');
    expect(readerDayOf({ zone: 'Asia/Tokyo', rolloverHour: 6 })(instant)).toBe('2026-06-15');
  });
});

describe('readerDayOf, remembered per quarter hour', () => {
  it.each([
    ['Europe/Paris', 4],
    ['America/New_York', 0],
    ['Asia/Kolkata', 4], // +05:30
    ['Asia/Kathmandu', 3], // +05:45
    ['Australia/Lord_Howe', 4], // a half-hour clock change
    ['America/St_Johns', 2], // -03:30, with daylight saving
  ])('gives the day Intl gives, instant by instant, across a year and its clock changes (%s, %s h)', (zone, hour) => {
    const day = { zone, rolloverHour: hour };
    const dayOf = readerDayOf(day);
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    // Every 40 minutes and 13 seconds for a year: instants at every position within a quarter hour.
    for (let time = start; time < start + 366 * 86_400_000; time += 2_413_000) {
      const instant = new Date(time);
      const expected = readerClock(instant, day).toISOString().slice(0, 10);
      if (dayOf(instant) !== expected) expect(`${instant.toISOString()}: ${dayOf(instant)}`).toBe(expected);
    }
  });
});

describe('startOfReaderDay', () => {
  it('is the rollover hour of that date in the zone', () => {
    expect(startOfReaderDay('2026-01-10', { zone: 'Europe/Paris', rolloverHour: 4 }).toISOString()).toBe(
      '2026-01-10T03:00:00.000Z',
    );
    expect(startOfReaderDay('2026-07-10', { zone: 'Europe/Paris', rolloverHour: 4 }).toISOString()).toBe(
      '2026-07-10T02:00:00.000Z',
    );
    expect(startOfReaderDay('2026-07-10', { zone: 'Asia/Kolkata', rolloverHour: 0 }).toISOString()).toBe(
      '2026-07-09T18:30:00.000Z',
    );
  });

  it('begins each day exactly once, across daylight-saving changes, for every rollover hour', () => {
    const zones = [
      'UTC',
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Kathmandu',
      'America/Santiago',
    ];
    const days = [
      '2026-03-07',
      '2026-03-08',
      '2026-03-29',
      '2026-04-05',
      '2026-10-04',
      '2026-10-25',
      '2026-11-01',
      '2026-12-31',
    ];
    for (const zone of zones) {
      for (let rolloverHour = 0; rolloverHour < 24; rolloverHour++) {
        const day: ReaderDay = { zone, rolloverHour };
        const dayOf = readerDayOf(day);
        for (const key of days) {
          const start = startOfReaderDay(key, day);
          expect({ zone, rolloverHour, key, day: dayOf(start) }).toEqual({ zone, rolloverHour, key, day: key });
          expect(dayOf(new Date(start.getTime() - 1)) < key).toBe(true);
        }
      }
    }
  });

  it('finds the hour after the gap when a clock change skips the rollover hour (New York, 2 am, 8 March 2026)', () => {
    expect(startOfReaderDay('2026-03-08', { zone: 'America/New_York', rolloverHour: 2 }).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });
});

describe('zoneOffsetMs', () => {
  it('reads the zone’s offset from UTC at an instant, summer time included', () => {
    expect(zoneOffsetMs('UTC', at('2026-01-01T12:00:00.000Z'))).toBe(0);
    expect(zoneOffsetMs('Europe/Paris', at('2026-01-01T12:00:00.000Z'))).toBe(3_600_000);
    expect(zoneOffsetMs('Europe/Paris', at('2026-07-01T12:00:00.000Z'))).toBe(7_200_000);
    expect(zoneOffsetMs('America/New_York', at('2026-07-01T12:00:00.000Z'))).toBe(-4 * 3_600_000);
  });
});

describe('zoneOffsetMs, kept per quarter hour', () => {
  it('gives the offset in force at each instant across daylight-saving changes, minute by minute', () => {
    // Minutes around Berlin's spring and autumn changes of 2026, and Kathmandu's +05:45; asked twice (the second from the cache).
    const zones = ['Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns'];
    const around = [Date.parse('2026-03-29T00:30:00Z'), Date.parse('2026-10-25T00:30:00Z')];
    const wall = (zone: string, at: Date) => {
      const parts: Record<string, number> = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        })
          .formatToParts(at)
          .filter((p) => p.type !== 'literal')
          .map((p) => [p.type, Number(p.value)]),
      );
      const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
      return Date.UTC(year, month - 1, day, hour, minute, second) - at.getTime();
    };
    for (const zone of zones)
      for (const start of around)
        for (let minute = 0; minute < 180; minute += 7)
          for (let pass = 0; pass < 2; pass++) {
            const at = new Date(start + minute * 60_000 + 13_000);
            expect(zoneOffsetMs(zone, at)).toBe(wall(zone, new Date(Math.floor(at.getTime() / 1000) * 1000)));
          }
  });
});
