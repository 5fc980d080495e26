/**
 * The flashcards on disk, in two lowdb files with different rhythms: `cards.json` holds what a card says (changed
 * when the reader writes or edits), `reviews.json` holds the review log (one record appended per grade). A card's
 * schedule is the `next` state of its latest review, so studying never rewrites the content file, and undoing a grade
 * is removing its record. Both files are read on first use (`ready`), not when the library opens: together they can
 * be tens of megabytes, and neither the Library nor the Reader needs them. They are checked, recovered and reported
 * like the others then. The review log itself is read only when something needs the whole of it (statistics, an undo,
 * a grade): each card's schedule and the last days of the log come from the card schedule index
 * (card-schedule-index.ts), kept in step with the log and rebuilt from it when missing or stale.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import type { ReviewRecord, StoredCard } from '../core/cards/card';
import {
  CARDS_SCHEMA_VERSION,
  REVIEWS_SCHEMA_VERSION,
  isCardsFile,
  isReviewsFile,
  type CardsFile,
  type ReviewsFile,
} from './card-file-schemas';
import { openRecovering, type Recovery } from './recovery';
import {
  RECENT_MS,
  indexFromLog,
  readScheduleIndex,
  recentTail,
  writeScheduleIndex,
  type ScheduleIndex,
} from './card-schedule-index';

export class CardStore {
  #cards: Low<CardsFile> | null = null;
  #reviews: Low<ReviewsFile> | null = null;
  /** Each card's latest review, kept in step with the log so finding a card's schedule is not a scan. */
  #latest = new Map<string, ReviewRecord>();
  /** The log's last days (see card-schedule-index.ts), in log order. */
  #recent: ReviewRecord[] = [];
  #opening: Promise<void> | null = null;
  #logOpening: Promise<Low<ReviewsFile>> | null = null;
  #isReady = false;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    /** Restores and announces an unreadable file; without it a bad file is only moved aside (tests). */
    private readonly recovery?: Recovery,
  ) {}

  get cardsFile(): string {
    return path.join(this.dataDir, 'cards.json');
  }

  get reviewsFile(): string {
    return path.join(this.dataDir, 'reviews.json');
  }

  /** Opens both files once, on first use; concurrent callers share the opening, and a failed one is tried again. */
  ready(): Promise<void> {
    if (!this.#opening) {
      const opening = this.#read();
      this.#opening = opening;
      opening.catch(() => {
        if (this.#opening === opening) this.#opening = null;
      });
    }
    return this.#opening;
  }

  /** True once `ready` (or `open`) has been called: the files are open, or being opened. */
  get isOpening(): boolean {
    return this.#opening !== null;
  }

  /** True when the files are open and nothing is reading them again: callers may skip awaiting `ready`. */
  get isReady(): boolean {
    return this.#isReady;
  }

  /** Reads both files again now (after a restore); throws the 'newer-schema' error and I/O errors as they come. */
  open(): Promise<void> {
    this.#opening = null;
    this.#isReady = false;
    return this.ready();
  }

  /**
   * Reads the cards and the schedule index (missing files start empty); the log only when the index is missing or
   * stale, to build it again. Throws the 'newer-schema' error and I/O errors as they come.
   */
  async #read(): Promise<void> {
    const cards = await openRecovering<CardsFile>(
      {
        file: this.cardsFile,
        schemaVersion: CARDS_SCHEMA_VERSION,
        defaults: () => ({ schemaVersion: CARDS_SCHEMA_VERSION, cards: [] }),
        isValid: isCardsFile,
      },
      'cards.json',
      this.recovery,
      this.now(),
    );
    this.#cards = cards.db;
    this.#reviews = null;
    this.#logOpening = null;
    const index = await readScheduleIndex(this.dataDir, this.reviewsFile);
    if (index) this.#useIndex(index);
    else {
      const log = await this.#log();
      this.#useIndex(indexFromLog(log.data.reviews, this.#recentSince()));
      await this.#saveIndex();
    }
    this.#isReady = true;
  }

  /** Opens the review log once (it may be hundreds of megabytes): checked, recovered and reported like the others. */
  #log(): Promise<Low<ReviewsFile>> {
    if (!this.#logOpening) {
      const opening = openRecovering<ReviewsFile>(
        {
          file: this.reviewsFile,
          schemaVersion: REVIEWS_SCHEMA_VERSION,
          defaults: () => ({ schemaVersion: REVIEWS_SCHEMA_VERSION, reviews: [] }),
          isValid: isReviewsFile,
        },
        'reviews.json',
        this.recovery,
        this.now(),
      ).then((opened) => {
        this.#reviews = opened.db;
        return opened.db;
      });
      this.#logOpening = opening;
      opening.catch(() => {
        if (this.#logOpening === opening) this.#logOpening = null;
      });
    }
    return this.#logOpening;
  }

  /** True once the whole review log has been read (tests: the schedules and recent reviews do not need it). */
  get isLogOpen(): boolean {
    return this.#reviews !== null;
  }

  /** Opens the whole review log (for `reviews`); the schedules and recent reviews need only `ready`. */
  async logReady(): Promise<void> {
    await this.ready();
    await this.#log();
  }

  #useIndex(index: ScheduleIndex): void {
    this.#latest = index.latest;
    this.#recent = index.recent;
  }

  #recentSince(): number {
    return this.now().getTime() - RECENT_MS;
  }

  async #saveIndex(): Promise<void> {
    await writeScheduleIndex(this.dataDir, this.reviewsFile, { latest: this.#latest, recent: this.#recent });
  }

  get cards(): readonly StoredCard[] {
    return this.#cardsDb().data.cards;
  }

  /** The whole log: only after `logReady`. */
  get reviews(): readonly ReviewRecord[] {
    return this.#reviewsDb().data.reviews;
  }

  /** The log's records of the last days (at least RECENT_MS back), in log order: enough for today's counts. */
  get recentReviews(): readonly ReviewRecord[] {
    return this.#recent;
  }

  findCard(id: string): StoredCard | undefined {
    return this.cards.find((card) => card.id === id);
  }

  latestReview(cardId: string): ReviewRecord | undefined {
    return this.#latest.get(cardId);
  }

  /** Replaces the card list with `change(cards)` and saves cards.json. */
  async updateCards(change: (cards: StoredCard[]) => StoredCard[]): Promise<void> {
    await this.ready();
    await this.#cardsDb().update((data) => {
      data.cards = change(data.cards);
    });
  }

  async appendReview(record: ReviewRecord): Promise<void> {
    await this.ready();
    const db = await this.#log();
    await db.update((data) => {
      data.reviews.push(record);
    });
    this.#latest.set(record.cardId, record);
    this.#recent = [...recentTail(this.#recent, this.#recentSince()), record];
    await this.#saveIndex();
  }

  /** Removes one record (undo); the card's schedule falls back to its previous review. Returns false if absent. */
  async removeReview(id: string): Promise<boolean> {
    await this.ready();
    const db = await this.#log();
    const index = db.data.reviews.findIndex((review) => review.id === id);
    if (index < 0) return false;
    const [removed] = db.data.reviews.splice(index, 1);
    await db.write();
    if (removed && this.#latest.get(removed.cardId)?.id === removed.id) {
      const earlier = db.data.reviews.findLast((review) => review.cardId === removed.cardId);
      if (earlier) this.#latest.set(removed.cardId, earlier);
      else this.#latest.delete(removed.cardId);
    }
    this.#recent = recentTail(db.data.reviews, this.#recentSince());
    await this.#saveIndex();
    return true;
  }

  /**
   * Replaces the review logs of some cards by `logs` (each card's records in replay order), in one write: sync's merge
   * of logs from several devices. Other cards' records are untouched.
   */
  async replaceReviewLogs(logs: ReadonlyMap<string, readonly ReviewRecord[]>): Promise<void> {
    await this.ready();
    await this.#reviewsDb().update((data) => {
      data.reviews = [...data.reviews.filter((review) => !logs.has(review.cardId)), ...[...logs.values()].flat()];
    });
    for (const [cardId, log] of logs) {
      const last = log.at(-1);
      if (last) this.#latest.set(cardId, last);
      else this.#latest.delete(cardId);
    }
  }

  #cardsDb(): Low<CardsFile> {
    if (!this.#cards) throw new Error('The card store was used before it was opened (await ready() first).');
    return this.#cards;
  }

  #reviewsDb(): Low<ReviewsFile> {
    if (!this.#reviews) throw new Error('The review log was used before it was opened (await logReady() first).');
    return this.#reviews;
  }
}
