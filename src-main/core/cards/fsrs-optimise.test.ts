import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { utcDayOf } from './days';
import { cardHistories, longTermReviews, MIN_OPTIMISE_REVIEWS, trainingItems } from './fsrs-history';
import { evaluateParameters } from './fsrs-loss';
import { Scheduler } from './schedule';
import { generateReviewLog, LEARNER_PARAMETERS } from './test-review-log';

const START = new Date('2026-01-05T00:00:00.000Z');

describe('cardHistories', () => {
  it('turns the review log into each card’s grades with reader days between them', () => {
    const { reviews } = generateReviewLog({ seed: 7, cards: 3, perDay: 3, days: 20, start: START });
    const histories = cardHistories(reviews, utcDayOf);
    expect(histories).toHaveLength(3);
    const first = histories[0];
    expect(first?.reviews[0]).toEqual({ grade: expect.any(Number), days: 0 });
    // Every review is in one history, and the days add up to the span from first to last review.
    expect(histories.reduce((sum, h) => sum + h.reviews.length, 0)).toBe(reviews.length);
    const own = reviews.filter((review) => review.cardId === first?.cardId);
    const span = (Date.parse(own.at(-1)?.reviewedAt ?? '') - Date.parse(own[0]?.reviewedAt ?? '')) / 86_400_000;
    expect(first?.reviews.reduce((sum, review) => sum + review.days, 0)).toBe(Math.floor(span));
    // One item per long-term review, its card's history so far without same-day repeats (fsrs-rs aborts on an item
    // with none a day or more after another).
    const items = trainingItems(histories);
    expect(items).toHaveLength(longTermReviews(histories));
    for (const item of items) expect(item.slice(1).every((review) => review.days > 0)).toBe(true);
    const sameDay = {
      cardId: 'x',
      reviews: [
        { grade: 3 as const, days: 0 },
        { grade: 3 as const, days: 0 },
      ],
    };
    expect(trainingItems([sameDay])).toEqual([]);
  });

  it('counts a review before the rollover hour on the day before', () => {
    const at = (iso: string, state: 'New' | 'Review') => ({
      ...generateReviewLog({ seed: 1, cards: 1, perDay: 1, days: 1, start: START }).reviews[0]!,
      reviewedAt: iso,
      previous: {
        ...generateReviewLog({ seed: 1, cards: 1, perDay: 1, days: 1, start: START }).reviews[0]!.previous,
        state,
      },
    });
    const log = [at('2026-01-05T20:00:00.000Z', 'New'), at('2026-01-07T02:00:00.000Z', 'Review')];
    const fourAm = (date: Date) => new Date(date.getTime() - 4 * 3_600_000).toISOString().slice(0, 10);
    expect(cardHistories(log, utcDayOf)[0]?.reviews[1]?.days).toBe(2);
    expect(cardHistories(log, fourAm)[0]?.reviews[1]?.days).toBe(1);
  });
});

describe('evaluateParameters', () => {
  it('finds the learner’s own parameters predict the generated log better than the defaults', () => {
    const { reviews } = generateReviewLog({ seed: 42, cards: 120, perDay: 4, days: 90, start: START });
    const histories = cardHistories(reviews, utcDayOf);
    expect(longTermReviews(histories)).toBeGreaterThan(MIN_OPTIMISE_REVIEWS);
    const defaults = evaluateParameters(histories, default_w);
    const truth = evaluateParameters(histories, LEARNER_PARAMETERS);
    expect(truth.reviews).toBe(defaults.reviews);
    expect(truth.logLoss).toBeLessThan(defaults.logLoss);
  });

  it('schedules with the parameters it is given', () => {
    const now = new Date('2026-02-01T10:00:00.000Z');
    const day = { zone: 'UTC', rolloverHour: 0 };
    const plain = new Scheduler({ desiredRetention: 0.9, fuzz: false, day });
    const custom = new Scheduler({ desiredRetention: 0.9, fuzz: false, day, parameters: LEARNER_PARAMETERS });
    // Easy on a new card: an interval from the initial stability w[3], a third of the default in the learner's set.
    const easyPlain = plain.grade(plain.initial(now), 4, now, 'c');
    const easyCustom = custom.grade(custom.initial(now), 4, now, 'c');
    expect(easyCustom.stability).toBeCloseTo((default_w[3] ?? 0) / 3, 3);
    expect(easyCustom.scheduledDays).toBeLessThan(easyPlain.scheduledDays);
  });
});
