/**
 * The flashcards on disk, in two lowdb files with different rhythms: `cards.json` holds what a card says (changed
 * when the reader writes or edits), `reviews.json` holds the review log (one record appended per grade). A card's
 * schedule is the `next` state of its latest review, so studying never rewrites the content file, and undoing a grade
 * is removing its record. Both files are read on first use (`ready`), not when the library opens: together they can
 * be tens of megabytes, and neither the Library nor the Reader needs them. They are checked, recovered and reported
 * like the others then.
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

export class CardStore {
  #cards: Low<CardsFile> | null = null;
  #reviews: Low<ReviewsFile> | null = null;
  /** Each card's latest review, kept in step with the log so finding a card's schedule is not a scan. */
  readonly #latest = new Map<string, ReviewRecord>();
  #opening: Promise<void> | null = null;
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

  /** Reads both files (missing ones start empty); throws the 'newer-schema' error and I/O errors as they come. */
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
    const reviews = await openRecovering<ReviewsFile>(
      {
        file: this.reviewsFile,
        schemaVersion: REVIEWS_SCHEMA_VERSION,
        defaults: () => ({ schemaVersion: REVIEWS_SCHEMA_VERSION, reviews: [] }),
        isValid: isReviewsFile,
      },
      'reviews.json',
      this.recovery,
      this.now(),
    );
    this.#cards = cards.db;
    this.#reviews = reviews.db;
    this.#latest.clear();
    for (const review of reviews.db.data.reviews) this.#latest.set(review.cardId, review);
    this.#isReady = true;
  }

  get cards(): readonly StoredCard[] {
    return this.#cardsDb().data.cards;
  }

  get reviews(): readonly ReviewRecord[] {
    return this.#reviewsDb().data.reviews;
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
    await this.#reviewsDb().update((data) => {
      data.reviews.push(record);
    });
    this.#latest.set(record.cardId, record);
  }

  /** Removes one record (undo); the card's schedule falls back to its previous review. Returns false if absent. */
  async removeReview(id: string): Promise<boolean> {
    await this.ready();
    const db = this.#reviewsDb();
    const index = db.data.reviews.findIndex((review) => review.id === id);
    if (index < 0) return false;
    const [removed] = db.data.reviews.splice(index, 1);
    await db.write();
    if (removed && this.#latest.get(removed.cardId)?.id === removed.id) {
      const earlier = db.data.reviews.findLast((review) => review.cardId === removed.cardId);
      if (earlier) this.#latest.set(removed.cardId, earlier);
      else this.#latest.delete(removed.cardId);
    }
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
    if (!this.#reviews) throw new Error('The card store was used before it was opened (await ready() first).');
    return this.#reviews;
  }
}
