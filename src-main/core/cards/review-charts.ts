/**
 * The figures behind the Statistics charts: reviews per reader day over the last year (the calendar heatmap), true
 * retention per week or month split into young and mature cards, and the cards coming due each of the next 30 days.
 * Days are the reader's days (`dayOf`: their zone and rollover hour), so a review at 2 am counts for the evening before.
 *
 * Young and mature are Anki's: a card whose interval before the review was 21 days or more is mature. As in
 * `stats.ts`, only reviews of cards already in FSRS's Review state count towards retention (learning steps and the
 * first sight of a new card say nothing about recall when it was due), and a pass is any grade but Again.
 */
import type { ReviewRecord } from './card';
import { addDays, lastDays, type DayOf } from './days';
import type { DayCount } from './stats';
import type { ScheduledCard } from './queue';

/** Anki's line between young and mature cards: an interval of 21 days or more. */
export const MATURE_DAYS = 21;

export interface Heatmap {
  /** Every day from the first to today, oldest first, including days with no review. */
  days: DayCount[];
  total: number;
  /** Days with at least one review. */
  activeDays: number;
  /** The most reviews on one day (0 when none). */
  max: number;
  /** Consecutive days with a review ending today (or yesterday, when today has none yet). */
  streak: number;
}

export interface PassCount {
  passed: number;
  reviews: number;
}

export interface RetentionPeriod {
  /** The period's first day (a Monday for weeks, the 1st for months). */
  start: string;
  young: PassCount;
  mature: PassCount;
}

export type RetentionPeriodKind = 'week' | 'month';

export interface ForecastDay {
  day: string;
  /** Cards due that day; today's count includes every overdue card. */
  due: number;
}

/** Reviews per reader day over the `days` days ending today (a year by default). */
export function reviewHeatmap(
  reviews: readonly ReviewRecord[],
  options: { today: string; dayOf: DayOf; days?: number },
): Heatmap {
  const keys = lastDays(options.today, options.days ?? 365);
  const first = keys[0] ?? options.today;
  const perDay = new Map(keys.map((day) => [day, { day, reviews: 0, again: 0 }]));
  for (const review of reviews) {
    const day = options.dayOf(new Date(review.reviewedAt));
    if (day < first) continue;
    const count = perDay.get(day);
    if (!count) continue;
    count.reviews++;
    if (review.grade === 1) count.again++;
  }
  const days = [...perDay.values()];
  let streak = 0;
  // Today without a review yet does not break a streak that ran to yesterday: the day is not over.
  let index = days.length - 1;
  if (days[index]?.reviews === 0) index--;
  while (index >= 0 && (days[index]?.reviews ?? 0) > 0) {
    streak++;
    index--;
  }
  return {
    days,
    total: days.reduce((sum, day) => sum + day.reviews, 0),
    activeDays: days.filter((day) => day.reviews > 0).length,
    max: Math.max(0, ...days.map((day) => day.reviews)),
    streak,
  };
}

/** The first day of the week (Monday) or month that `day` is in. */
export function periodStart(day: string, kind: RetentionPeriodKind): string {
  if (kind === 'month') return `${day.slice(0, 8)}01`;
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

function previousPeriod(start: string, kind: RetentionPeriodKind): string {
  return kind === 'week' ? addDays(start, -7) : periodStart(addDays(start, -1), 'month');
}

/** True retention of young and mature cards in each of the last `count` weeks or months, oldest first. */
export function retentionByPeriod(
  reviews: readonly ReviewRecord[],
  options: { today: string; dayOf: DayOf; kind: RetentionPeriodKind; count: number },
): RetentionPeriod[] {
  const { kind } = options;
  const starts = [periodStart(options.today, kind)];
  while (starts.length < options.count) starts.unshift(previousPeriod(starts[0] as string, kind));
  const periods = new Map(
    starts.map((start) => [start, { start, young: { passed: 0, reviews: 0 }, mature: { passed: 0, reviews: 0 } }]),
  );
  const first = starts[0] as string;
  // A million reviews fall on a few hundred days: each day's period is worked out once.
  const startOf = new Map<string, string>();
  for (const review of reviews) {
    if (review.previous.state !== 'Review') continue;
    const day = options.dayOf(new Date(review.reviewedAt));
    if (day < first || day > options.today) continue;
    let start = startOf.get(day);
    if (start === undefined) startOf.set(day, (start = periodStart(day, kind)));
    const period = periods.get(start);
    if (!period) continue;
    const count = review.previous.scheduledDays >= MATURE_DAYS ? period.mature : period.young;
    count.reviews++;
    if (review.grade !== 1) count.passed++;
  }
  return [...periods.values()];
}

/** The share passed, or null when there was no review to count. */
export function passRate(count: PassCount): number | null {
  return count.reviews === 0 ? null : count.passed / count.reviews;
}

/**
 * Cards coming due on each of the `days` reader days from today (30 by default). Suspended and never-studied cards are
 * left out (new cards come in by the daily limit, not by a due date); overdue cards count for today.
 */
export function dueForecast(
  items: readonly ScheduledCard[],
  options: { now: Date; dayOf: DayOf; days?: number },
): ForecastDay[] {
  const today = options.dayOf(options.now);
  const keys = Array.from({ length: options.days ?? 30 }, (_, index) => addDays(today, index));
  const perDay = new Map(keys.map((day) => [day, { day, due: 0 }]));
  for (const { card, schedule } of items) {
    if (card.suspended || schedule.state === 'New') continue;
    const day = options.dayOf(new Date(schedule.due));
    const count = perDay.get(day < today ? today : day);
    if (count) count.due++;
  }
  return [...perDay.values()];
}

export interface ReviewCharts {
  heatmap: Heatmap;
  /** The last 12 weeks and the last 12 months. */
  retentionWeeks: RetentionPeriod[];
  retentionMonths: RetentionPeriod[];
  forecast: ForecastDay[];
}

/** Every chart of the Statistics tab, at `now`. */
export function reviewCharts(
  items: readonly ScheduledCard[],
  reviews: readonly ReviewRecord[],
  options: { now: Date; dayOf: DayOf },
): ReviewCharts {
  const today = options.dayOf(options.now);
  const { dayOf } = options;
  return {
    heatmap: reviewHeatmap(reviews, { today, dayOf }),
    retentionWeeks: retentionByPeriod(reviews, { today, dayOf, kind: 'week', count: 12 }),
    retentionMonths: retentionByPeriod(reviews, { today, dayOf, kind: 'month', count: 12 }),
    forecast: dueForecast(items, options),
  };
}
