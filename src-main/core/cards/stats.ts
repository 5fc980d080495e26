/**
 * Study statistics from the cards and the review log: what is due today and this week, reviews per day, and true
 * retention.
 *
 * True retention (as Anki defines it): of the reviews in the window whose card had graduated to FSRS's Review state
 * before the grade (so learning and relearning steps, and first sight of new cards, are left out), the share graded
 * Hard, Good or Easy, that is anything but Again. It measures recall when the scheduler expected recall, which is what
 * desired retention asks for.
 */
import type { ReviewRecord } from './card';
import { addDays, lastDays, type DayOf } from './days';
import type { ScheduledCard } from './queue';

export interface DayCount {
  day: string;
  reviews: number;
  /** Of which graded Again. */
  again: number;
}

export interface CardStats {
  today: string;
  total: number;
  suspended: number;
  /** Cards never reviewed (suspended ones left out). */
  unseen: number;
  dueToday: number;
  /** Due by the end of the sixth day after today, today and overdue included. */
  dueThisWeek: number;
  reviewsPerDay: DayCount[];
  retention: { passed: number; reviews: number; rate: number | null };
}

export interface StatsOptions {
  now: Date;
  dayOf: DayOf;
  /** Days of history in reviewsPerDay and the retention window. */
  days?: number;
}

export function cardStats(
  items: readonly ScheduledCard[],
  reviews: readonly ReviewRecord[],
  options: StatsOptions,
): CardStats {
  const { dayOf } = options;
  const today = dayOf(options.now);
  const weekEnd = addDays(today, 6);
  const active = items.filter((item) => !item.card.suspended);
  const started = active.filter((item) => item.schedule.state !== 'New');
  const dueBy = (day: string) => started.filter((item) => dayOf(new Date(item.schedule.due)) <= day).length;

  const days = lastDays(today, options.days ?? 30);
  const first = days[0] ?? today;
  const perDay = new Map(days.map((day) => [day, { day, reviews: 0, again: 0 }]));
  let passed = 0;
  let graded = 0;
  for (const review of reviews) {
    const day = dayOf(new Date(review.reviewedAt));
    if (day < first || day > today) continue;
    const count = perDay.get(day);
    if (count) {
      count.reviews++;
      if (review.grade === 1) count.again++;
    }
    if (review.previous.state === 'Review') {
      graded++;
      if (review.grade >= 2) passed++;
    }
  }
  return {
    today,
    total: items.length,
    suspended: items.length - active.length,
    unseen: active.length - started.length,
    dueToday: dueBy(today),
    dueThisWeek: dueBy(weekEnd),
    reviewsPerDay: [...perDay.values()],
    retention: { passed, reviews: graded, rate: graded === 0 ? null : passed / graded },
  };
}

/** New cards graded for the first time on `day`: what today's new-card limit has used. */
export function newSeenOn(reviews: readonly ReviewRecord[], day: string, dayOf: DayOf): number {
  let count = 0;
  // The log is in the order reviews happened, so walking back from the end stops at the first earlier day.
  for (let index = reviews.length - 1; index >= 0; index--) {
    const review = reviews[index] as ReviewRecord;
    const reviewDay = dayOf(new Date(review.reviewedAt));
    if (reviewDay < day) break;
    if (reviewDay === day && review.previous.state === 'New') count++;
  }
  return count;
}
