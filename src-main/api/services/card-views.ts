/**
 * What the card methods share: the scheduler for the current settings, each card's schedule (the `next` state of its
 * latest review), and the view the renderer gets, with the source passage re-anchored in the document's current text.
 */
import { anchor } from '../../core/anchoring/anchor';
import type { Block } from '../../core/model';
import { pageAt } from '../../core/page-at';
import type { CardSource, ScheduleState, StoredCard } from '../../core/cards/card';
import type { DayOf } from '../../core/cards/days';
import type { QueueCard, ScheduledCard } from '../../core/cards/queue';
import type { CardSummary } from '../../storage/card-file-scan';
import { readerDayOf, type ReaderDay } from '../../core/cards/reader-day';
import { Scheduler } from '../../core/cards/schedule';
import type { CardSourceView, CardView, ReviewSettings } from '../contract';
import { readerZone, type ServiceDeps } from './deps';
import { isLectioError, LectioError } from '../../core/errors';

export class CardContext {
  constructor(readonly deps: ServiceDeps) {}

  get cards() {
    return this.deps.storage.cards;
  }

  get reviews() {
    return this.deps.storage.reviews;
  }

  reviewSettings(): ReviewSettings {
    return this.deps.storage.settings.review();
  }

  /**
   * The reader's day: their time zone (the machine's, which both hosts serve, unless the service was given one) and the
   * hour it starts. Read on every call, so a changed setting or zone applies at once.
   */
  readerDay(): ReaderDay {
    return { zone: this.zone(), rolloverHour: this.reviewSettings().dayStartsAt };
  }

  zone(): string {
    return this.deps.options.zone ?? readerZone();
  }

  /** The reader day an instant falls on: "today" for due counts, the daily new-card limit and the statistics. */
  dayOf(): DayOf {
    return readerDayOf(this.readerDay());
  }

  scheduler(): Scheduler {
    return new Scheduler({
      desiredRetention: this.reviewSettings().desiredRetention,
      fuzz: this.deps.options.scheduleFuzz ?? true,
      day: this.readerDay(),
      // The reader's own parameters once optimised (Settings › Optimise); FSRS's defaults until then.
      parameters: this.deps.storage.settings.fsrsParameters()?.parameters,
    });
  }

  /** Throws an 'invalid-argument' LectioError for an unknown id (a card deleted in another window, say). */
  find(id: string): StoredCard {
    const card = this.cards.find(id);
    if (!card) throw new LectioError('invalid-argument', `There is no card ${id}; it may have been deleted.`);
    return card;
  }

  /** Throws like `find`, reading only this card's content (grading, undo: the cards need not all be loaded). */
  async load(id: string): Promise<StoredCard> {
    const [card] = await this.cards.read([id]);
    if (!card) throw new LectioError('invalid-argument', `There is no card ${id}; it may have been deleted.`);
    return card;
  }

  schedule(card: QueueCard, scheduler: Scheduler = this.scheduler()): ScheduleState {
    return this.reviews.latest(card.id)?.next ?? scheduler.initial(new Date(card.createdAt));
  }

  /** Every card's schedule, from the card summaries and the schedule index: no card's content is read. */
  scheduled(): ScheduledCard<CardSummary>[] {
    const scheduler = this.scheduler();
    return Array.from(this.cards.summaries(), (card) => ({ card, schedule: this.schedule(card, scheduler) }));
  }

  async view(card: StoredCard, schedule: ScheduleState = this.schedule(card)): Promise<CardView> {
    return {
      card,
      schedule: {
        state: schedule.state,
        due: schedule.due,
        reps: schedule.reps,
        lapses: schedule.lapses,
        stability: schedule.stability,
        difficulty: schedule.difficulty,
        lastReview: schedule.lastReview,
      },
      source: card.source ? await this.sourceView(card.source) : null,
    };
  }

  /** The passage where it is now; a deleted document or a passage no longer found gives a view with anchor null. */
  async sourceView(stored: CardSource): Promise<CardSourceView> {
    let title: string | null = null;
    let text: string | null = null;
    let blocks: Block[] = [];
    try {
      const doc = await this.deps.storage.documents.get(stored.documentId);
      title = doc.title;
      text = doc.body.text;
      blocks = doc.body.blocks;
    } catch (error) {
      if (!isLectioError(error, 'not-found')) throw error;
    }
    const found = text === null ? null : anchor(text, stored.selectors);
    const page = found ? pageAt(blocks, found.start) : undefined;
    return {
      documentId: stored.documentId,
      documentTitle: title,
      anchor: found ? { start: found.start, end: found.end } : null,
      passage: found && text !== null ? text.slice(found.start, found.end) : stored.selectors[1].exact,
      stored,
      ...(page !== undefined ? { page } : {}),
    };
  }
}
