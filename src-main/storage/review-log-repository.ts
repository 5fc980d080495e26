/**
 * The review log (`reviews/`, append-only segments, through the card store): one record appended per grade, so a
 * card's schedule is the `next` state of its latest review, and undoing a grade drops its record. Both writes go through `#write`, which
 * reports them to the change feed; the log merges as a union when synced, since a record is never edited.
 */
import type { ReviewRecord } from '../core/cards/card';
import type { LatestReview } from './card-schedule-index';
import type { CardStore } from './card-store';
import type { ChangeFeed } from './change-feed';

export class ReviewLogRepository {
  constructor(
    private readonly store: CardStore,
    private readonly feed: ChangeFeed,
  ) {}

  /**
   * Reads the whole log into memory (streamed, segment by segment), for `all` and `find`: only the callers that need
   * every record call it (statistics, the FSRS optimiser, the .apkg export, sync). A grade, an undo, the due counts,
   * the schedules, `latest`, `findLatest` and `recent` do not: they come from the card schedule index.
   */
  ready(): Promise<void> {
    return this.store.logReady();
  }

  /** Every review, oldest first, after `ready` (the stored log: read it, change it only through the methods below). */
  all(): readonly ReviewRecord[] {
    return this.store.reviews;
  }

  find(id: string): ReviewRecord | undefined {
    return this.store.reviews.find((review) => review.id === id);
  }

  /** The record `id` when it is its card's latest (the only grade an undo may remove), without reading the log. */
  async findLatest(id: string): Promise<LatestReview | undefined> {
    await this.store.ready();
    return this.store.findLatest(id);
  }

  /** The log's records of the last few days (at least three), oldest first: enough for today's counts. */
  recent(): readonly ReviewRecord[] {
    return this.store.recentReviews;
  }

  /** The card's latest review, whose `next` state is its schedule; undefined for a card never studied. */
  latest(cardId: string): LatestReview | undefined {
    return this.store.latestReview(cardId);
  }

  /** Appends a grade's record. */
  async recordReview(record: ReviewRecord): Promise<void> {
    await this.#write(record.id, 'put', async () => {
      await this.store.appendReview(record);
      return true;
    });
  }

  /** Removes a grade's record (undo): the card's schedule falls back to its previous review. Returns false if absent. */
  undoReview(id: string): Promise<boolean> {
    return this.#write(id, 'delete', () => this.store.removeReview(id));
  }

  /**
   * Replaces some cards' logs by their merged, replayed logs (sync, issue #21); reports each record put and each
   * record no longer there.
   */
  async replaceLogs(logs: ReadonlyMap<string, readonly ReviewRecord[]>): Promise<void> {
    const before = this.store.reviews.filter((review) => logs.has(review.cardId)).map((review) => review.id);
    await this.store.replaceReviewLogs(logs);
    const now = new Set([...logs.values()].flat().map((review) => review.id));
    this.feed.emit([
      ...[...now].map((id) => ({ kind: 'review' as const, id, documentId: null, op: 'put' as const })),
      ...before
        .filter((id) => !now.has(id))
        .map((id) => ({ kind: 'review' as const, id, documentId: null, op: 'delete' as const })),
    ]);
  }

  /** The one place the log is changed: `write` saves it and says whether it changed anything; a change is reported. */
  async #write(id: string, op: 'put' | 'delete', write: () => Promise<boolean>): Promise<boolean> {
    const changed = await write();
    if (changed) this.feed.emit([{ kind: 'review', id, documentId: null, op }]);
    return changed;
  }
}
