/** Test support: a review record as a grade writes it, at a fixed time by default. */
import type { ReviewRecord } from '../core/cards/card';
import { Scheduler } from '../core/cards/schedule';

const NOW = new Date('2026-04-10T08:00:00.000Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: { zone: 'UTC', rolloverHour: 0 } });

export function review(id: string, cardId: string, at = NOW): ReviewRecord {
  const previous = scheduler.initial(new Date(at.getTime() - 86_400_000));
  return {
    id,
    cardId,
    grade: 3,
    reviewedAt: at.toISOString(),
    previous,
    next: scheduler.grade(previous, 3, at, cardId),
  };
}
