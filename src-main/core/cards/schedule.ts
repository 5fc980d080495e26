/**
 * Scheduling with FSRS-6 through ts-fsrs: the one place Lectio calls the library. It converts between ts-fsrs's Card
 * (with Date objects) and the JSON ScheduleState Lectio stores, and takes the clock as an argument, never reading it.
 *
 * Two things make it one a reader can trust, both as Anki does them. The fuzz is seeded by the card and its review
 * count, not the clock, so what a grade button shows is what the grade applies. And days are the reader's days
 * (starting at the rollover hour in the reader's zone): an interval of N days ends at the start of the Nth reader day,
 * not at the hour of the last review, while learning steps (minutes) stay exact instants.
 */
import {
  Rating,
  State,
  StrategyMode,
  createEmptyCard,
  fsrs,
  generatorParameters,
  type Card as FsrsCard,
  type FSRS,
  type TSeedStrategy,
} from 'ts-fsrs';
import type { Grade, ScheduleState, ScheduleStateName } from './card';
import { addDays } from './days';
import { readerClock, readerDayOf, startOfReaderDay, type ReaderDay } from './reader-day';

export interface SchedulerOptions {
  /** The share of cards you want to recall when they come due, 0.7–0.99 (FSRS's request_retention). */
  desiredRetention: number;
  /** Spread long intervals by a few percent so cards made together do not stay due together. Off in tests. */
  fuzz: boolean;
  /** Where the reader's days begin: intervals of a day or more end at the start of one. */
  day: ReaderDay;
  /** FSRS's 21 parameters, optimised from the reader's own reviews; FSRS-6's defaults when absent. */
  parameters?: readonly number[] | undefined;
}

export const DEFAULT_DESIRED_RETENTION = 0.9;

const STATE_NAMES: Record<State, ScheduleStateName> = {
  [State.New]: 'New',
  [State.Learning]: 'Learning',
  [State.Review]: 'Review',
  [State.Relearning]: 'Relearning',
};

/** A ts-fsrs card that knows which Lectio card it is, for the fuzz seed. */
type SeededCard = FsrsCard & { card_id: string };

/**
 * The fuzz seed: the card's id and its review count after this review (Anki's get_fuzz_seed: card id + reps), so the
 * same card graded at the same point of its history always draws the same fuzz, whenever the preview or grade runs.
 */
const seedByCard: TSeedStrategy = function () {
  // `current` is the card being scheduled, its reps already counting this review; ts-fsrs keeps it protected.
  const card = Reflect.get(this, 'current') as SeededCard;
  return `${card.card_id}:${card.reps}`;
};

export function toFsrsCard(state: ScheduleState): FsrsCard {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: State[state.state],
    ...(state.lastReview ? { last_review: new Date(state.lastReview) } : {}),
  };
}

export function fromFsrsCard(card: FsrsCard): ScheduleState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

export class Scheduler {
  readonly #fsrs: FSRS;
  readonly #day: ReaderDay;

  constructor(options: SchedulerOptions) {
    // Learning steps stay on (ts-fsrs's defaults: 1m, 10m; relearning 10m), as in Anki with FSRS.
    this.#fsrs = fsrs(
      generatorParameters({
        request_retention: options.desiredRetention,
        enable_fuzz: options.fuzz,
        enable_short_term: true,
        ...(options.parameters ? { w: [...options.parameters] } : {}),
      }),
    ).useStrategy(StrategyMode.SEED, seedByCard);
    this.#day = options.day;
  }

  /** The schedule of a card nobody has reviewed yet: new, due at `createdAt`. */
  initial(createdAt: Date): ScheduleState {
    return fromFsrsCard(createEmptyCard(createdAt));
  }

  /** The schedule after grading card `cardId`, now at `state`, with `grade` at `now`: exactly what `preview` showed. */
  grade(state: ScheduleState, grade: Grade, now: Date, cardId: string): ScheduleState {
    return this.preview(state, now, cardId)[grade];
  }

  /** What each grade would set, at `now`: the Review screen shows these intervals on its buttons. */
  preview(state: ScheduleState, now: Date, cardId: string): Record<Grade, ScheduleState> {
    const clock = readerClock(now, this.#day);
    const options = this.#fsrs.repeat(this.#onReaderClock(state, cardId), clock);
    const place = (card: FsrsCard) => this.#fromReaderClock(card, now, clock);
    return {
      1: place(options[Rating.Again].card),
      2: place(options[Rating.Hard].card),
      3: place(options[Rating.Good].card),
      4: place(options[Rating.Easy].card),
    };
  }

  /** Probability of recalling the card at `now` (0..1); 0 for a new card. */
  retrievability(state: ScheduleState, now: Date): number {
    return state.state === 'New'
      ? 0
      : this.#fsrs.get_retrievability(this.#onReaderClock(state, ''), readerClock(now, this.#day), false);
  }

  /** The card with its instants on the reader's clock, so ts-fsrs's day counts are the reader's days. */
  #onReaderClock(state: ScheduleState, cardId: string): SeededCard {
    const { last_review: _, ...card } = toFsrsCard(state);
    const onClock = (iso: string) => readerClock(new Date(iso), this.#day);
    return {
      ...card,
      due: onClock(state.due),
      ...(state.lastReview ? { last_review: onClock(state.lastReview) } : {}),
      card_id: cardId,
    };
  }

  /**
   * A ts-fsrs result back in real instants: an interval of days ends at the start of that reader day (Anki keeps a
   * review card's due as a day number); a learning step is the same span after the real `now`.
   */
  #fromReaderClock(card: FsrsCard, now: Date, clock: Date): ScheduleState {
    const days = card.scheduled_days;
    const due =
      days >= 1
        ? startOfReaderDay(addDays(readerDayOf(this.#day)(now), days), this.#day)
        : new Date(now.getTime() + card.due.getTime() - clock.getTime());
    return { ...fromFsrsCard(card), due: due.toISOString(), lastReview: now.toISOString() };
  }
}
