/**
 * Scheduling with FSRS-6 through ts-fsrs: the one place Lectio calls the library. It converts between ts-fsrs's Card
 * (with Date objects) and the JSON ScheduleState Lectio stores, and takes the clock as an argument, never reading it.
 */
import { Rating, State, createEmptyCard, fsrs, generatorParameters, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade, ScheduleState, ScheduleStateName } from './card';

export interface SchedulerOptions {
  /** The share of cards you want to recall when they come due, 0.7–0.99 (FSRS's request_retention). */
  desiredRetention: number;
  /** Spread long intervals by a few percent so cards made together do not stay due together. Off in tests. */
  fuzz: boolean;
}

export const DEFAULT_DESIRED_RETENTION = 0.9;

const STATE_NAMES: Record<State, ScheduleStateName> = {
  [State.New]: 'New',
  [State.Learning]: 'Learning',
  [State.Review]: 'Review',
  [State.Relearning]: 'Relearning',
};

const RATINGS: Record<Grade, FsrsGrade> = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy };

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

  constructor(options: SchedulerOptions) {
    // Learning steps stay on (ts-fsrs's defaults: 1m, 10m; relearning 10m), as in Anki with FSRS.
    this.#fsrs = fsrs(generatorParameters({ request_retention: options.desiredRetention, enable_fuzz: options.fuzz, enable_short_term: true }));
  }

  /** The schedule of a card nobody has reviewed yet: new, due at `createdAt`. */
  initial(createdAt: Date): ScheduleState {
    return fromFsrsCard(createEmptyCard(createdAt));
  }

  /** The schedule after grading `state` with `grade` at `now`. */
  grade(state: ScheduleState, grade: Grade, now: Date): ScheduleState {
    return fromFsrsCard(this.#fsrs.next(toFsrsCard(state), now, RATINGS[grade]).card);
  }

  /** What each grade would set, at `now`: the Review screen shows these intervals on its buttons. */
  preview(state: ScheduleState, now: Date): Record<Grade, ScheduleState> {
    const options = this.#fsrs.repeat(toFsrsCard(state), now);
    return {
      1: fromFsrsCard(options[Rating.Again].card),
      2: fromFsrsCard(options[Rating.Hard].card),
      3: fromFsrsCard(options[Rating.Good].card),
      4: fromFsrsCard(options[Rating.Easy].card),
    };
  }

  /** Probability of recalling the card at `now` (0..1); 0 for a new card. */
  retrievability(state: ScheduleState, now: Date): number {
    return state.state === 'New' ? 0 : this.#fsrs.get_retrievability(toFsrsCard(state), now, false);
  }
}
