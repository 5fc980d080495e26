/**
 * The Review screen's state: the queue from the service, the card in front of the reader, whether its answer is
 * shown, the session's progress, and the last grade so it can be undone (the card then comes back first, question side
 * up).
 */
import type { Grade, LectioApi, QueueItem, ReviewQueue } from '@contract';
import { TaskState } from './task-state.svelte';
import { GRADE_NAMES } from '@core/cards/card';
import { describeDue } from '../due';
import type { DueCountsState } from './due-counts.svelte';

export class ReviewState extends TaskState {
  queue = $state<ReviewQueue | null>(null);
  revealed = $state(false);
  reviewed = $state(0);
  /** Said to screen readers after each action. */
  status = $state('');
  last = $state<{ reviewId: string; cardId: string; grade: Grade } | null>(null);
  /** After an undo, the card to show first whatever the queue order. */
  #preferred: string | null = null;

  /** `dueCounts` is the app's one due count, which every load of the queue keeps current. */
  constructor(
    private readonly api: LectioApi,
    private readonly dueCounts: DueCountsState,
  ) {
    super();
  }

  get current(): QueueItem | null {
    const cards = this.queue?.cards ?? [];
    return cards.find((item) => item.card.id === this.#preferred) ?? cards[0] ?? null;
  }

  /** Share of this session done: reviewed / (reviewed + still queued). */
  get progress(): number {
    const left = this.queue?.queued ?? 0;
    return this.reviewed + left === 0 ? 1 : this.reviewed / (this.reviewed + left);
  }

  /** Fetches the queue; its counts become the app's due count (the top bar and Cards show the same figures). */
  async #reload(): Promise<void> {
    // Only the queue's first cards come (REVIEW_PAGE): a card just brought back by Undo is asked to come first.
    const queue = await this.api.getReviewQueue(this.#preferred ? { first: this.#preferred } : {});
    this.queue = queue;
    this.dueCounts.set(queue.counts);
  }

  async load(): Promise<void> {
    await this.run(async () => {
      await this.#reload();
      this.revealed = false;
    });
  }

  reveal(): void {
    // While a grade is being saved the card in front is about to change: showing its answer now would show the wrong one.
    if (!this.current || this.revealed || this.busy) return;
    this.revealed = true;
    this.status = 'Answer shown';
  }

  async grade(grade: Grade): Promise<void> {
    const item = this.current;
    if (!item || !this.revealed || this.busy) return;
    const option = item.options.find((candidate) => candidate.grade === grade);
    await this.run(async () => {
      // Sent with what the button showed: the service refuses a grade that would now set another interval (a new day
      // began since the queue was loaded), and the reloaded queue shows the true intervals, the answer still shown.
      const result = await this.api
        .gradeCard({ id: item.card.id, grade, ...(option ? { shown: { due: option.due, label: option.label } } : {}) })
        .catch(async (error: unknown) => {
          await this.#reload();
          throw error;
        });
      this.last = { reviewId: result.reviewId, cardId: item.card.id, grade };
      this.reviewed++;
      this.#preferred = null;
      await this.#reload();
      this.revealed = false;
      this.status = `Graded ${GRADE_NAMES[grade]}; next due ${describeDue(result.card.schedule.due)}`;
    });
  }

  async undo(): Promise<void> {
    const last = this.last;
    if (!last || this.busy) return;
    await this.run(async () => {
      await this.api.undoGrade({ reviewId: last.reviewId });
      this.last = null;
      this.reviewed = Math.max(0, this.reviewed - 1);
      this.#preferred = last.cardId;
      await this.#reload();
      // The card comes back as a question: the reader grades it again only after recalling it again.
      this.revealed = false;
      this.status = `Undid: ${GRADE_NAMES[last.grade]}`;
    });
  }

  /**
   * Saves the text of a card being edited as it is typed; the queue is left as it is until the edit is done (reloading
   * it on every pause would move the card under the reader). Resolves false, with `error` set, when it could not.
   */
  async saveDraft(id: string, change: { front: string; back: string; tags: string[] }): Promise<boolean> {
    const saved = await this.run(async () => {
      await this.api.updateCard({ id, ...change });
      return true;
    });
    return saved ?? false;
  }

  /** Saves an edit of the card in front; the queue is reloaded so the card shows its new text. */
  async edit(change: { front: string; back: string; tags: string[] }): Promise<boolean> {
    const item = this.current;
    if (!item) return false;
    const saved = await this.run(async () => {
      await this.api.updateCard({ id: item.card.id, ...change });
      this.#preferred = item.card.id;
      const revealed = this.revealed;
      await this.#reload();
      this.revealed = revealed;
      this.status = 'Card saved';
      return true;
    });
    return saved ?? false;
  }
}
