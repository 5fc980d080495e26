import { describe, expect, it } from 'vitest';
import type { ReviewRecord, ScheduleState } from './card';
import { utcDayOf } from './days';
import { buildQueue, type ScheduledCard } from './queue';
import { Scheduler } from './schedule';
import { cardStats, newSeenOn } from './stats';
import { makeCard } from './test-cards';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: { zone: 'UTC', rolloverHour: 0 } });

function state(stateName: ScheduleState['state'], due: string): ScheduleState {
  return { ...scheduler.initial(NOW), state: stateName, due, reps: stateName === 'New' ? 0 : 3 };
}

function item(id: string, schedule: ScheduleState, change: Partial<ReturnType<typeof makeCard>> = {}): ScheduledCard {
  return { card: makeCard(id, change), schedule };
}

const ITEMS: ScheduledCard[] = [
  item('review-late', state('Review', '2026-03-08T09:00:00.000Z')),
  item('review-now', state('Review', '2026-03-10T11:00:00.000Z')),
  item('review-tomorrow', state('Review', '2026-03-11T09:00:00.000Z')),
  item('review-next-week', state('Review', '2026-03-20T09:00:00.000Z')),
  item('learning-soon', state('Learning', '2026-03-10T12:05:00.000Z')),
  item('suspended', state('Review', '2026-03-01T09:00:00.000Z'), { suspended: true }),
  item('new-b', state('New', NOW.toISOString()), { createdAt: '2026-03-02T00:00:00.000Z' }),
  item('new-a', state('New', NOW.toISOString()), { createdAt: '2026-03-01T00:00:00.000Z' }),
  item('new-c', state('New', NOW.toISOString()), { createdAt: '2026-03-03T00:00:00.000Z' }),
];

describe('buildQueue', () => {
  it('puts due cards first (oldest due first), then new cards in order made, within the daily limit', () => {
    const queue = buildQueue(ITEMS, { now: NOW, dayOf: utcDayOf, newPerDay: 2, newSeenToday: 0 });
    expect(queue.cards.map((c) => c.card.id)).toEqual(['review-late', 'review-now', 'new-a', 'new-b']);
    expect(queue.newWaiting).toBe(1);
    expect(queue.nextDue).toBe('2026-03-10T12:05:00.000Z');
  });

  it('counts new cards already seen today against the limit', () => {
    expect(
      buildQueue(ITEMS, { now: NOW, dayOf: utcDayOf, newPerDay: 2, newSeenToday: 2 }).cards.map((c) => c.card.id),
    ).toEqual(['review-late', 'review-now']);
  });

  it('counts a review card due today as due from the day’s start, even one logged due later today (older logs)', () => {
    const later = [
      item('old-review', state('Review', '2026-03-10T20:00:00.000Z')),
      item('old-learning', state('Learning', '2026-03-10T20:00:00.000Z')),
    ];
    const queue = buildQueue(later, { now: NOW, dayOf: utcDayOf, newPerDay: 0, newSeenToday: 0, learnAheadMs: 0 });
    expect(queue.cards.map((c) => c.card.id)).toEqual(['old-review']);
  });

  it('shows a learning card a few minutes early when nothing else is left', () => {
    const rest = ITEMS.filter((i) => i.card.id.startsWith('learning') || i.card.id === 'review-tomorrow');
    const queue = buildQueue(rest, { now: NOW, dayOf: utcDayOf, newPerDay: 20, newSeenToday: 0 });
    expect(queue.cards.map((c) => c.card.id)).toEqual(['learning-soon']);
    expect(queue.nextDue).toBe('2026-03-11T09:00:00.000Z');
  });
});

describe('cardStats', () => {
  const review = (day: string, grade: 1 | 2 | 3 | 4, previous: ScheduleState['state']): ReviewRecord => ({
    id: `r-${day}-${grade}-${previous}`,
    cardId: 'x',
    grade,
    reviewedAt: `${day}T10:00:00.000Z`,
    previous: state(previous, `${day}T10:00:00.000Z`),
    next: state('Review', `${day}T10:00:00.000Z`),
  });
  const reviews = [
    review('2026-01-01', 1, 'Review'),
    review('2026-03-01', 3, 'Review'),
    review('2026-03-01', 1, 'Review'),
    review('2026-03-10', 2, 'Review'),
    review('2026-03-10', 1, 'Learning'),
    review('2026-03-10', 3, 'New'),
  ];

  it('counts due today and this week, reviews per day, and true retention over graduated cards', () => {
    const stats = cardStats(ITEMS, reviews, { now: NOW, dayOf: utcDayOf });
    expect(stats).toMatchObject({
      today: '2026-03-10',
      total: 9,
      suspended: 1,
      unseen: 3,
      dueToday: 3,
      dueThisWeek: 4,
    });
    expect(stats.reviewsPerDay).toHaveLength(30);
    expect(stats.reviewsPerDay[0]?.day).toBe('2026-02-09');
    expect(stats.reviewsPerDay.at(-1)).toEqual({ day: '2026-03-10', reviews: 3, again: 1 });
    expect(stats.reviewsPerDay.find((d) => d.day === '2026-03-01')).toEqual({
      day: '2026-03-01',
      reviews: 2,
      again: 1,
    });
    // In the window, three reviews of Review-state cards (Jan 1 is outside it): Good and Hard pass, one Again fails.
    expect(stats.retention).toEqual({ passed: 2, reviews: 3, rate: 2 / 3 });
  });

  it('knows how many new cards were introduced today', () => {
    expect(newSeenOn(reviews, '2026-03-10', utcDayOf)).toBe(1);
    expect(newSeenOn(reviews, '2026-03-01', utcDayOf)).toBe(0);
  });
});
