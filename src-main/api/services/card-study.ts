/**
 * Studying: the review queue with each grade's interval, grading (one record appended to the review log), undoing a
 * grade (its record removed, so the card's schedule is the one before), and the statistics.
 */
import type { Grade, ReviewRecord, ScheduleState } from '../../core/cards/card';
import { GRADES } from '../../core/cards/card';
import { outcomeLabel } from '../../core/cards/interval-label';
import { buildQueue, queueCounts, type Queue } from '../../core/cards/queue';
import { reviewCharts } from '../../core/cards/review-charts';
import { cardStats, newSeenOn } from '../../core/cards/stats';
import { REVIEW_PAGE, type LectioApi } from '../contract';
import type { CardContext } from './card-views';
import { LectioError } from '../../core/errors';

type StudyMethods = Pick<LectioApi, 'getReviewQueue' | 'gradeCard' | 'undoGrade' | 'getCardStats' | 'getDueCounts'>;

/** The first REVIEW_PAGE items of the queue, the card `first` (a grade just undone) before them when it is queued. */
function firstPage<T extends { card: { id: string } }>(items: readonly T[], first: string | undefined): T[] {
  const at = first === undefined ? -1 : items.findIndex((item) => item.card.id === first);
  if (at < 0) return items.slice(0, REVIEW_PAGE);
  return [items[at] as T, ...items.slice(0, at), ...items.slice(at + 1, REVIEW_PAGE)].slice(0, REVIEW_PAGE);
}

export function studyMethods(context: CardContext): StudyMethods {
  const { reviews } = context;
  const now = () => context.deps.now();

  /**
   * The review queue at `at`: the one place that decides what is due and how many new cards today allows. The queue,
   * the due counts and the statistics all come from it, so no two screens can count differently.
   */
  function queueAt(at: Date): Queue {
    const settings = context.reviewSettings();
    const dayOf = context.dayOf();
    return buildQueue(context.scheduled(), {
      now: at,
      dayOf,
      newPerDay: settings.newPerDay,
      // The log's last days are enough: the count walks back only to today's start (the whole log is not read).
      newSeenToday: newSeenOn(reviews.recent(), dayOf(at), dayOf),
      // Only a step due within the minute is shown early: a card graded a moment ago should not come straight back
      // (Anki's 20 minutes would), so the session ends saying when it is due, and the Review screen reloads then.
      learnAheadMs: 60_000,
    });
  }

  return {
    async getReviewQueue({ first }) {
      const at = now();
      const scheduler = context.scheduler();
      const queue = queueAt(at);
      const page = firstPage(queue.cards, first);
      // Only the page's cards are read (their text and passage); the order came from the summaries alone.
      const read = new Map((await context.cards.read(page.map((item) => item.card.id))).map((c) => [c.id, c]));
      const shown = page.flatMap(({ card, schedule }) => {
        const content = read.get(card.id);
        return content ? [{ card: content, schedule }] : [];
      });
      const cards = await Promise.all(
        shown.map(async ({ card, schedule }) => {
          const preview = scheduler.preview(schedule, at, card.id);
          const options = GRADES.map((grade: Grade) => ({
            grade,
            due: preview[grade].due,
            label: outcomeLabel(at, preview[grade]),
          }));
          return { ...(await context.view(card, schedule)), options };
        }),
      );
      return {
        cards,
        queued: queue.cards.length,
        newWaiting: queue.newWaiting,
        nextDue: queue.nextDue,
        totalCards: context.cards.count(),
        counts: queueCounts(queue),
      };
    },

    async gradeCard({ id, grade, shown }) {
      const card = await context.load(id);
      if (card.suspended)
        throw new LectioError('invalid-argument', 'That card is suspended: unsuspend it to study it.');
      const at = now();
      const scheduler = context.scheduler();
      const previous = context.schedule(card, scheduler);
      // The same function the queue's buttons came from, at the grade's own instant: within a reader day it gives the
      // same due (the fuzz is seeded by card and review count, day intervals end at a day's start).
      const next = scheduler.grade(previous, grade, at, id);
      if (shown && !sameAsShown(shown, next, at)) {
        throw new LectioError(
          'invalid-argument',
          'The intervals changed since this card was shown (a new study day began, or the card was graded elsewhere): look at the buttons again, then grade.',
        );
      }
      const record: ReviewRecord = {
        id: context.deps.newId(),
        cardId: id,
        grade,
        reviewedAt: at.toISOString(),
        zone: context.zone(),
        previous,
        next,
      };
      await reviews.recordReview(record);
      return { reviewId: record.id, card: await context.view(card, record.next) };
    },

    async undoGrade({ reviewId }) {
      // Only a card's latest grade can be undone, and the schedule index holds each card's latest: the whole log is
      // read only to tell an older grade from a missing one.
      const record = await reviews.findLatest(reviewId);
      if (!record) {
        await reviews.ready();
        if (!reviews.find(reviewId))
          throw new LectioError('invalid-argument', 'That grade is no longer in the review log.');
        throw new LectioError('invalid-argument', 'Only the latest grade of a card can be undone.');
      }
      const card = await context.load(record.cardId);
      await reviews.undoReview(reviewId);
      return context.view(card);
    },

    async getCardStats() {
      const at = now();
      // The whole log (statistics need every review); the due counts and the queue do not read it.
      await reviews.ready();
      const scheduled = context.scheduled();
      const dayOf = context.dayOf();
      const stats = cardStats(scheduled, reviews.all(), { now: at, dayOf });
      return {
        ...stats,
        desiredRetention: context.reviewSettings().desiredRetention,
        now: queueCounts(queueAt(at)),
        charts: reviewCharts(scheduled, reviews.all(), { now: at, dayOf }),
      };
    },

    async getDueCounts() {
      return queueCounts(queueAt(now()));
    },
  };
}

/**
 * Whether grading applies what the button showed: the same label, and for an interval of days the same due day (a
 * learning step is shown as a span, "10m", which starts when the grade is given).
 */
function sameAsShown(shown: { due: string; label: string }, next: ScheduleState, at: Date): boolean {
  if (shown.label !== outcomeLabel(at, next)) return false;
  return next.scheduledDays < 1 || Date.parse(shown.due) === Date.parse(next.due);
}
