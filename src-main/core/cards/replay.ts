/**
 * A card's schedule recomputed from its review log (issue #21): reviews merged from several devices are replayed in
 * one order, from the card's initial state, so each record's `previous` and `next` (and so the card's schedule, its
 * last `next`) are derived from the log and never synced as a value that could win over another device's. Every
 * device replays the same merged log in the same order and gets the same schedule. Pure.
 */
import type { Grade, ReviewRecord } from './card';
import { Scheduler, type SchedulerOptions } from './schedule';

/** A review as synced: the facts only; `previous` and `next` are derived here. */
export type ReviewFact = Omit<ReviewRecord, 'previous' | 'next'>;

/** The order reviews are replayed in: by when they were made, then by id, so every device agrees. */
export function replayOrder(a: ReviewFact, b: ReviewFact): number {
  if (a.reviewedAt !== b.reviewedAt) return a.reviewedAt < b.reviewedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The card's reviews in replay order with their schedules filled in. A review stamped before the one it follows (a
 * device whose clock was behind) is scheduled as if made at that earlier review's time, so no interval is negative.
 */
export function replayReviews(
  card: { id: string; createdAt: string },
  reviews: readonly ReviewFact[],
  options: Omit<SchedulerOptions, 'day'> & { rolloverHour: number; zone: string },
): ReviewRecord[] {
  const schedulers = new Map<string, Scheduler>();
  const schedulerFor = (zone: string) => {
    let scheduler = schedulers.get(zone);
    if (!scheduler) {
      scheduler = new Scheduler({
        desiredRetention: options.desiredRetention,
        fuzz: options.fuzz,
        day: { zone, rolloverHour: options.rolloverHour },
      });
      schedulers.set(zone, scheduler);
    }
    return scheduler;
  };
  let state = schedulerFor(options.zone).initial(new Date(card.createdAt));
  let lastAt = 0;
  const replayed: ReviewRecord[] = [];
  for (const fact of [...reviews].sort(replayOrder)) {
    const at = Math.max(Date.parse(fact.reviewedAt), lastAt);
    lastAt = at;
    const previous = state;
    const next = schedulerFor(fact.zone ?? options.zone).grade(previous, fact.grade as Grade, new Date(at), card.id);
    replayed.push({ ...fact, previous, next });
    state = next;
  }
  return replayed;
}
