/**
 * Studying: the review queue with each grade's interval, grading (one record appended to the review log), undoing a
 * grade (its record removed, so the card's schedule is the one before), and the statistics.
 */
import type { Grade, ReviewRecord } from '../../core/cards/card';
import { GRADES } from '../../core/cards/card';
import { intervalLabel } from '../../core/cards/interval-label';
import { buildQueue, queueCounts, type Queue } from '../../core/cards/queue';
import { cardStats, newSeenOn } from '../../core/cards/stats';
import type { LectioApi } from '../contract';
import { localDayOf, type CardContext } from './card-views';
import { InvalidInputError, readerZone } from './deps';

type StudyMethods = Pick<LectioApi, 'getReviewQueue' | 'gradeCard' | 'undoGrade' | 'getCardStats' | 'getDueCounts'>;

export function studyMethods(context: CardContext): StudyMethods {
  const { store } = context;
  const now = () => context.deps.now();

  /**
   * The review queue at `at`: the one place that decides what is due and how many new cards today allows. The queue,
   * the due counts and the statistics all come from it, so no two screens can count differently.
   */
  function queueAt(at: Date): Queue {
    const settings = context.reviewSettings();
    return buildQueue(context.scheduled(), {
      now: at,
      newPerDay: settings.newPerDay,
      newSeenToday: newSeenOn(store.reviews, localDayOf(at), localDayOf),
      // Only a step due within the minute is shown early: a card graded a moment ago should not come straight back
      // (Anki's 20 minutes would), so the session ends saying when it is due, and the Review screen reloads then.
      learnAheadMs: 60_000,
    });
  }

  return {
    async getReviewQueue() {
      const at = now();
      const scheduler = context.scheduler();
      const queue = queueAt(at);
      const cards = await Promise.all(
        queue.cards.map(async ({ card, schedule }) => {
          const preview = scheduler.preview(schedule, at);
          const options = GRADES.map((grade: Grade) => ({ grade, due: preview[grade].due, label: intervalLabel(at, new Date(preview[grade].due)) }));
          return { ...(await context.view(card, schedule)), options };
        }),
      );
      return { cards, newWaiting: queue.newWaiting, nextDue: queue.nextDue, totalCards: store.cards.length, counts: queueCounts(queue) };
    },

    async gradeCard({ id, grade }) {
      const card = context.find(id);
      if (card.suspended) throw new InvalidInputError('That card is suspended: unsuspend it to study it.');
      const at = now();
      const scheduler = context.scheduler();
      const previous = context.schedule(card, scheduler);
      const record: ReviewRecord = { id: context.deps.newId(), cardId: id, grade, reviewedAt: at.toISOString(), zone: readerZone(), previous, next: scheduler.grade(previous, grade, at) };
      await store.appendReview(record);
      return { reviewId: record.id, card: await context.view(card, record.next) };
    },

    async undoGrade({ reviewId }) {
      const record = store.reviews.find((review) => review.id === reviewId);
      if (!record) throw new InvalidInputError('That grade is no longer in the review log.');
      if (store.latestReview(record.cardId)?.id !== reviewId) throw new InvalidInputError('Only the latest grade of a card can be undone.');
      const card = context.find(record.cardId);
      await store.removeReview(reviewId);
      return context.view(card);
    },

    async getCardStats() {
      const at = now();
      const stats = cardStats(context.scheduled(), store.reviews, { now: at, dayOf: localDayOf });
      return { ...stats, desiredRetention: context.reviewSettings().desiredRetention, now: queueCounts(queueAt(at)) };
    },

    async getDueCounts() {
      return queueCounts(queueAt(now()));
    },
  };
}
