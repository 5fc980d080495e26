/**
 * The flashcards (`cards.json`, through the card store, which opens the files on first use). Adding, editing,
 * deleting, restoring and importing cards all go through `#write`, which saves the new card list and reports each card
 * it changed to the change feed. The review log, in the same store, has its own repository (review-log-repository.ts).
 */
import type { StoredCard } from '../core/cards/card';
import type { CardSummary } from './card-file-scan';
import type { CardStore } from './card-store';
import type { ChangeFeed, StorageChange } from './change-feed';

export class CardRepository {
  constructor(
    private readonly store: CardStore,
    private readonly feed: ChangeFeed,
  ) {}

  /** Opens the card files with every card's content, once, on first use; see CardStore.contentReady. */
  ready(): Promise<void> {
    return this.store.contentReady();
  }

  /** True when every card's content is open and nothing is reading it again: callers may skip awaiting `ready`. */
  get isReady(): boolean {
    return this.store.isContentReady;
  }

  /**
   * Opens what the schedules need without any card's content (each card's summary and the schedule index): the due
   * counts, the review queue's order and grading wait for this alone.
   */
  schedulesReady(): Promise<void> {
    return this.store.ready();
  }

  get areSchedulesReady(): boolean {
    return this.store.isReady;
  }

  /** Every card's summary (id, document, created, suspended), in the order they were made; after `schedulesReady`. */
  summaries(): IterableIterator<CardSummary> {
    return this.store.summaries();
  }

  /** How many cards there are; after `schedulesReady`. */
  count(): number {
    return this.store.cardCount;
  }

  summary(id: string): CardSummary | undefined {
    return this.store.findSummary(id);
  }

  /** The content of the cards `ids` (unknown ones left out), reading only theirs unless all are loaded already. */
  read(ids: readonly string[]): Promise<StoredCard[]> {
    return this.store.readCards(ids);
  }

  /** Every card, in the order they were made (the stored list: read it, change it only through the methods below). */
  all(): readonly StoredCard[] {
    return this.store.cards;
  }

  find(id: string): StoredCard | undefined {
    return this.store.findCard(id);
  }

  /** The card made from highlight `highlightId`, if there is one. */
  madeFromHighlight(highlightId: string): StoredCard | undefined {
    return this.store.cards.find((card) => card.highlightId === highlightId);
  }

  async add(card: StoredCard): Promise<void> {
    await this.#write((cards) => [...cards, card], [put(card)]);
  }

  /** Replaces the card of the same id by `card` (an edit), where it stands in the list. */
  async replace(card: StoredCard): Promise<void> {
    await this.#write((cards) => cards.map((c) => (c.id === card.id ? card : c)), [put(card)]);
  }

  /** Removes a card. Its reviews stay in the log: they are history (and statistics), and they let an undo restore its schedule. */
  async delete(card: StoredCard): Promise<void> {
    await this.#write(
      (cards) => cards.filter((c) => c.id !== card.id),
      [{ kind: 'card', id: card.id, documentId: card.source?.documentId ?? null, op: 'delete' }],
    );
  }

  /** Puts back a deleted card as it was (replacing one of the same id). */
  async restore(card: StoredCard): Promise<void> {
    await this.#write((cards) => [...cards.filter((c) => c.id !== card.id), card], [put(card)]);
  }

  /** Applies an import in one write: `updated` replace the cards of their ids, `created` are added at the end. */
  async importCards(updated: readonly StoredCard[], created: readonly StoredCard[]): Promise<void> {
    if (updated.length === 0 && created.length === 0) return;
    const byId = new Map(updated.map((card) => [card.id, card]));
    await this.#write(
      (cards) => [...cards.map((card) => byId.get(card.id) ?? card), ...created],
      [...updated, ...created].map(put),
    );
  }

  /** The one place the card list is changed: saved (after the files are open), then reported. */
  async #write(change: (cards: StoredCard[]) => StoredCard[], changes: StorageChange[]): Promise<void> {
    await this.store.updateCards(change);
    this.feed.emit(changes);
  }
}

function put(card: StoredCard): StorageChange {
  return { kind: 'card', id: card.id, documentId: card.source?.documentId ?? null, op: 'put' };
}
