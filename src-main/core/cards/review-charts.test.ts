import { describe, expect, it } from 'vitest';
import type { Grade, ReviewRecord, ScheduleState } from './card';
import { utcDayOf } from './days';
import type { ScheduledCard } from './queue';
import { readerDayOf } from './reader-day';
import { dueForecast, passRate, periodStart, retentionByPeriod, reviewHeatmap } from './review-charts';
import { Scheduler } from './schedule';
import { makeCard } from './test-cards';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: { zone: 'UTC', rolloverHour: 0 } });

function state(name: ScheduleState['state'], due: string, scheduledDays = 0): ScheduleState {
  return { ...scheduler.initial(NOW), state: name, due, scheduledDays, reps: name === 'New' ? 0 : 3 };
}

let serial = 0;
function review(at: string, grade: Grade, previous: ScheduleState['state'] = 'Review', interval = 5): ReviewRecord {
  serial++;
  return {
    id: `r-${serial}`,
    cardId: 'x',
    grade,
    reviewedAt: at,
    previous: state(previous, at, interval),
    next: state('Review', at, interval),
  };
}

describe('reviewHeatmap', () => {
  it('counts reviews per day over the last year, with totals, the busiest day and the streak', () => {
    const reviews = [
      review('2025-03-10T10:00:00.000Z', 3), // 365 days before today: outside the year
      review('2025-03-11T10:00:00.000Z', 3), // the first day of the year
      review('2026-03-07T10:00:00.000Z', 1),
      review('2026-03-08T10:00:00.000Z', 3),
      review('2026-03-09T10:00:00.000Z', 3),
      review('2026-03-09T11:00:00.000Z', 1),
      review('2026-03-09T12:00:00.000Z', 4),
    ];
    const map = reviewHeatmap(reviews, { today: '2026-03-10', dayOf: utcDayOf });
    expect(map.days).toHaveLength(365);
    expect(map.days[0]).toEqual({ day: '2025-03-11', reviews: 1, again: 0 });
    expect(map.days.at(-2)).toEqual({ day: '2026-03-09', reviews: 3, again: 1 });
    expect(map).toMatchObject({ total: 6, activeDays: 4, max: 3 });
    // Today has no review yet: the streak runs to yesterday (7, 8 and 9 March).
    expect(map.streak).toBe(3);
    expect(reviewHeatmap(reviews, { today: '2026-03-12', dayOf: utcDayOf }).streak).toBe(0);
  });

  it('counts a review before the rollover hour for the evening before, in the reader’s zone', () => {
    // 01:30 in Tokyo on 10 March is 16:30 UTC on 9 March; with days starting at 4 am it belongs to 9 March there.
    const late = review('2026-03-09T16:30:00.000Z', 3);
    const dayOf = readerDayOf({ zone: 'Asia/Tokyo', rolloverHour: 4 });
    const map = reviewHeatmap([late], { today: '2026-03-10', dayOf, days: 3 });
    expect(map.days.map((day) => day.reviews)).toEqual([0, 1, 0]);
    // At midnight rollover the same instant is already 10 March.
    const midnight = readerDayOf({ zone: 'Asia/Tokyo', rolloverHour: 0 });
    expect(reviewHeatmap([late], { today: '2026-03-10', dayOf: midnight, days: 3 }).days.at(-1)?.reviews).toBe(1);
  });
});

describe('retentionByPeriod', () => {
  it('starts weeks on Monday and months on the 1st', () => {
    expect(periodStart('2026-03-10', 'week')).toBe('2026-03-09');
    expect(periodStart('2026-03-08', 'week')).toBe('2026-03-02');
    expect(periodStart('2026-03-09', 'week')).toBe('2026-03-09');
    expect(periodStart('2026-03-10', 'month')).toBe('2026-03-01');
  });

  it('splits young and mature cards, counts only graduated cards, and passes anything but Again', () => {
    const reviews = [
      review('2026-03-09T10:00:00.000Z', 3, 'Review', 4),
      review('2026-03-09T10:00:00.000Z', 1, 'Review', 4),
      review('2026-03-10T10:00:00.000Z', 2, 'Review', 30),
      review('2026-03-10T10:00:00.000Z', 3, 'Review', 21),
      review('2026-03-10T10:00:00.000Z', 1, 'Learning', 0), // a learning step: not counted
      review('2026-03-10T10:00:00.000Z', 3, 'New', 0), // first sight: not counted
      review('2026-03-03T10:00:00.000Z', 1, 'Review', 40),
      review('2026-01-01T10:00:00.000Z', 1, 'Review', 40), // before the window
    ];
    const weeks = retentionByPeriod(reviews, { today: '2026-03-10', dayOf: utcDayOf, kind: 'week', count: 4 });
    expect(weeks.map((week) => week.start)).toEqual(['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09']);
    expect(weeks.at(-1)).toEqual({
      start: '2026-03-09',
      young: { passed: 1, reviews: 2 },
      mature: { passed: 2, reviews: 2 },
    });
    expect(weeks[2]?.mature).toEqual({ passed: 0, reviews: 1 });
    expect(passRate(weeks[0]?.young ?? { passed: 0, reviews: 0 })).toBeNull();

    const months = retentionByPeriod(reviews, { today: '2026-03-10', dayOf: utcDayOf, kind: 'month', count: 3 });
    expect(months.map((month) => month.start)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(months[0]?.mature).toEqual({ passed: 0, reviews: 1 });
    expect(months[2]).toMatchObject({ young: { passed: 1, reviews: 2 }, mature: { passed: 2, reviews: 3 } });
  });
});

describe('dueForecast', () => {
  const item = (id: string, schedule: ScheduleState, suspended = false): ScheduledCard => ({
    card: makeCard(id, { suspended }),
    schedule,
  });

  it('counts cards due each day for 30 days, overdue ones today, leaving out new and suspended cards', () => {
    const items = [
      item('overdue', state('Review', '2026-03-01T00:00:00.000Z')),
      item('today', state('Review', '2026-03-10T00:00:00.000Z')),
      item('learning', state('Learning', '2026-03-10T12:10:00.000Z')),
      item('tomorrow', state('Review', '2026-03-11T00:00:00.000Z')),
      item('day-29', state('Review', '2026-04-08T00:00:00.000Z')),
      item('day-30', state('Review', '2026-04-09T00:00:00.000Z')), // the 31st day: beyond the forecast
      item('new', state('New', NOW.toISOString())),
      item('suspended', state('Review', '2026-03-12T00:00:00.000Z'), true),
    ];
    const forecast = dueForecast(items, { now: NOW, dayOf: utcDayOf });
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: '2026-03-10', due: 3 });
    expect(forecast[1]).toEqual({ day: '2026-03-11', due: 1 });
    expect(forecast[2]?.due).toBe(0);
    expect(forecast.at(-1)).toEqual({ day: '2026-04-08', due: 1 });
    expect(forecast.reduce((sum, day) => sum + day.due, 0)).toBe(5);
  });
});
