/**
 * The flashcards on disk, in two lowdb files with different rhythms: `cards.json` holds what a card says (changed
 * when the reader writes or edits), `reviews.json` holds the review log (one record appended per grade). A card's
 * schedule is the `next` state of its latest review, so studying never rewrites the content file, and undoing a grade
 * is removing its record. Both files are opened with the library and reported like the others when unreadable.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import type { ReviewRecord, StoredCard } from '../core/cards/card';
import { CARDS_SCHEMA_VERSION, REVIEWS_SCHEMA_VERSION, isCardsFile, isReviewsFile, type CardsFile, type ReviewsFile } from './card-file-schemas';
import { openStore } from './json-store';

export class CardStore {
  #cards: Low<CardsFile> | null = null;
  #reviews: Low<ReviewsFile> | null = null;
  /** Each card's latest review, kept in step with the log so finding a card's schedule is not a scan. */
  readonly #latest = new Map<string, ReviewRecord>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly onMovedAside: (what: string, movedTo: string) => void,
  ) {}

  get cardsFile(): string {
    return path.join(this.dataDir, 'cards.json');
  }

  get reviewsFile(): string {
    return path.join(this.dataDir, 'reviews.json');
  }

  /** Reads both files (missing ones start empty); throws NewerSchemaError and I/O errors as they come. */
  async open(): Promise<void> {
    const cards = await openStore<CardsFile>(
      { file: this.cardsFile, schemaVersion: CARDS_SCHEMA_VERSION, defaults: () => ({ schemaVersion: CARDS_SCHEMA_VERSION, cards: [] }), isValid: isCardsFile },
      this.now(),
    );
    const reviews = await openStore<ReviewsFile>(
      { file: this.reviewsFile, schemaVersion: REVIEWS_SCHEMA_VERSION, defaults: () => ({ schemaVersion: REVIEWS_SCHEMA_VERSION, reviews: [] }), isValid: isReviewsFile },
      this.now(),
    );
    if (cards.movedAside) this.onMovedAside('The flashcards file', cards.movedAside);
    if (reviews.movedAside) this.onMovedAside('The review history file', reviews.movedAside);
    this.#cards = cards.db;
    this.#reviews = reviews.db;
    this.#latest.clear();
    for (const review of reviews.db.data.reviews) this.#latest.set(review.cardId, review);
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
    await this.#cardsDb().update((data) => {
      data.cards = change(data.cards);
    });
  }

  async appendReview(record: ReviewRecord): Promise<void> {
    await this.#reviewsDb().update((data) => {
      data.reviews.push(record);
    });
    this.#latest.set(record.cardId, record);
  }

  /** Removes one record (undo); the card's schedule falls back to its previous review. Returns false if absent. */
  async removeReview(id: string): Promise<boolean> {
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

  #cardsDb(): Low<CardsFile> {
    if (!this.#cards) throw new Error('The card store was used before it was opened.');
    return this.#cards;
  }

  #reviewsDb(): Low<ReviewsFile> {
    if (!this.#reviews) throw new Error('The card store was used before it was opened.');
    return this.#reviews;
  }
}
