import { describe, expect, it } from 'vitest';
import { recentReading } from './recent-reading';

const doc = (id: string, addedAt: string, readAt: string | null = null) => ({ id, addedAt, readAt });

describe("last week's reading", () => {
  it('keeps documents added or read in the last seven reader days, most recent first', () => {
    const now = new Date('2026-03-10T12:00:00.000Z');
    const day = { zone: 'UTC', rolloverHour: 4 };
    const { ids, since } = recentReading(
      [
        doc('old', '2026-01-01T00:00:00.000Z'),
        doc('read', '2026-01-01T00:00:00.000Z', '2026-03-09T08:00:00.000Z'),
        doc('added', '2026-03-05T10:00:00.000Z'),
        doc('edge', '2026-03-04T04:00:00.000Z'),
        doc('before-edge', '2026-03-04T03:59:00.000Z'),
      ],
      now,
      day,
    );
    expect(since).toBe('2026-03-04');
    expect(ids).toEqual(['read', 'added', 'edge']);
  });

  it('counts days in the reader’s time zone, from the hour their day starts', () => {
    // 02:00 on 10 March in Tokyo is 17:00 UTC on the 9th; the Tokyo reader's week starts at 04:00 on 3 March, Tokyo time
    // (19:00 UTC on 2 March), before the rollover of the 10th.
    const now = new Date('2026-03-09T17:00:00.000Z');
    const day = { zone: 'Asia/Tokyo', rolloverHour: 4 };
    const { ids, since } = recentReading(
      [doc('in', '2026-03-02T19:30:00.000Z'), doc('out', '2026-03-02T18:30:00.000Z')],
      now,
      day,
    );
    expect(since).toBe('2026-03-03');
    expect(ids).toEqual(['in']);
    // The same instants in UTC: the week starts at 04:00 UTC on 3 March and keeps neither.
    expect(recentReading([doc('in', '2026-03-02T19:30:00.000Z')], now, { zone: 'UTC', rolloverHour: 4 }).ids).toEqual(
      [],
    );
  });
});
