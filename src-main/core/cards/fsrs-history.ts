/**
 * The review log as FSRS's optimiser reads it: for each card, its grades in order with the number of reader days since
 * the card's previous review (0 for the first, and for a second review the same day). Days are the reader's days (zone
 * and rollover hour), as Anki counts them for its optimiser, so a review at 1 am is the same day as the evening's.
 *
 * A history starts with a card's first sight (a review of a New card); reviews before one (none in Lectio's own log)
 * are left out, and a card put back to New starts a new history.
 */
import type { Grade, ReviewRecord } from './card';
import type { DayOf } from './days';

export interface HistoryReview {
  grade: Grade;
  /** Reader days since the card's previous review; 0 for its first. */
  days: number;
}

export interface CardHistory {
  cardId: string;
  reviews: HistoryReview[];
}

/**
 * FSRS's own minimum for fitting every parameter: with fewer reviews made a day or more after the card's previous one,
 * fsrs-rs returns its defaults (under 8) or fits only the four initial stabilities (under 64).
 */
export const MIN_OPTIMISE_REVIEWS = 64;

const dayNumber = (key: string) => Date.parse(`${key}T00:00:00.000Z`) / 86_400_000;

export function cardHistories(reviews: readonly ReviewRecord[], dayOf: DayOf): CardHistory[] {
  const ordered = [...reviews].sort((a, b) => Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt));
  const open = new Map<string, { history: CardHistory; lastDay: number }>();
  const histories: CardHistory[] = [];
  for (const review of ordered) {
    const day = dayNumber(dayOf(new Date(review.reviewedAt)));
    if (review.previous.state === 'New') {
      const history: CardHistory = { cardId: review.cardId, reviews: [{ grade: review.grade, days: 0 }] };
      histories.push(history);
      open.set(review.cardId, { history, lastDay: day });
      continue;
    }
    const current = open.get(review.cardId);
    if (!current) continue;
    current.history.reviews.push({ grade: review.grade, days: Math.max(0, day - current.lastDay) });
    current.lastDay = day;
  }
  return histories;
}

/** Reviews made a day or more after the card's previous one: the recalls FSRS predicts and is measured on. */
export function longTermReviews(histories: readonly CardHistory[]): number {
  let count = 0;
  for (const history of histories) for (const review of history.reviews.slice(1)) if (review.days > 0) count++;
  return count;
}

/**
 * The optimiser's training items, as fsrs-rs takes them: one per long-term review, each with the card's history up to
 * and including it. A history keeps the card's first grade and its reviews a day or more after the previous one; the
 * same-day repeats (learning steps) are left out. Fed them, fsrs-rs (the binding's 0.1.2) fits only the four initial
 * stabilities and leaves the other parameters at their defaults (measured on generated logs: the long-term-only fit
 * predicts better every time); and it aborts the whole process (a Rust panic, not an error) on an item with no review
 * a day or more after another, which this leaves none of.
 */
export function trainingItems(histories: readonly CardHistory[]): HistoryReview[][] {
  const items: HistoryReview[][] = [];
  for (const history of histories) {
    const reviews = history.reviews.filter((review, index) => index === 0 || review.days > 0);
    for (let end = 2; end <= reviews.length; end++) items.push(reviews.slice(0, end));
  }
  return items;
}
