/**
 * A Lectio card's FSRS schedule in the columns of Anki's `cards` and `revlog` tables (schema 11), so that an .apkg
 * imported with "Import any learning progress" keeps each card's state, due day and FSRS memory, and its review
 * history. Anki counts review due dates in days since the collection was created (`col.crt`); the export's collection
 * is created at the start of the reader's day of the export, so a due date is simply the number of reader days from
 * today, and Anki's importer shifts it onto the importing collection's own day count (apkg/import/cards.rs).
 */
import { default_w } from 'ts-fsrs';
import type { ReviewRecord, ScheduleState } from './card';
import type { DayOf } from './days';

/** Anki's card types and queues (rslib/src/card/mod.rs). */
export const CARD_TYPE = { new: 0, learn: 1, review: 2, relearn: 3 } as const;
export const QUEUE = { suspended: -1, new: 0, learn: 1, review: 2, dayLearn: 3 } as const;
/** The ease an SM-2 card starts with (250%); FSRS ignores it, but a collection that turns FSRS off reads it. */
export const DEFAULT_FACTOR = 2500;

export interface AnkiCardSchedule {
  type: number;
  queue: number;
  /** New: position in the new queue; learning: epoch seconds; review and day-learning: days since `crt`. */
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  /** Learning steps left (Anki's `left`); 0 for new and review cards. */
  left: number;
  /** The card's `data` column: FSRS memory (stability, difficulty, desired retention) once it has been reviewed. */
  data: string;
}

export interface AnkiTiming {
  dayOf: DayOf;
  /** The reader day of the export (its collection's day 0). */
  today: string;
  desiredRetention: number;
  /** FSRS-6's decay (its last parameter), with which Anki computes a card's recall as Lectio does. */
  decay?: number;
}

/** The decay of the FSRS parameters Lectio schedules with (ts-fsrs's defaults). */
export const DEFAULT_DECAY = default_w[20] ?? 0.1542;

const DAY_MS = 86_400_000;

/** Whole reader days from `today` to the reader day of `at` (negative when overdue). */
export function daysFrom(today: string, at: Date, dayOf: DayOf): number {
  return Math.round((Date.parse(`${dayOf(at)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

function memory(state: ScheduleState, timing: AnkiTiming): string {
  // Anki's card data keys (storage/card/data.rs): s stability, d difficulty, dr desired retention, decay.
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return JSON.stringify({
    s: round(state.stability),
    d: round(state.difficulty),
    dr: timing.desiredRetention,
    decay: timing.decay ?? DEFAULT_DECAY,
  });
}

/** The Anki columns of a card whose schedule is `state`; `position` orders new cards as Lectio made them. */
export function ankiSchedule(
  state: ScheduleState,
  suspended: boolean,
  position: number,
  timing: AnkiTiming,
): AnkiCardSchedule {
  const common = { reps: state.reps, lapses: state.lapses, factor: DEFAULT_FACTOR };
  let schedule: AnkiCardSchedule;
  if (state.state === 'New') {
    schedule = {
      ...common,
      type: CARD_TYPE.new,
      queue: QUEUE.new,
      due: position,
      ivl: 0,
      factor: 0,
      left: 0,
      data: '{}',
    };
  } else {
    const due = new Date(state.due);
    const days = daysFrom(timing.today, due, timing.dayOf);
    const data = memory(state, timing);
    if (state.state === 'Review') {
      const ivl = Math.max(1, state.scheduledDays);
      schedule = { ...common, type: CARD_TYPE.review, queue: QUEUE.review, due: days, ivl, left: 0, data };
    } else {
      // A learning step of a day or more waits in Anki's day-learning queue (due in days); a shorter one in the
      // intraday queue (due as an instant). One step is left either way: Lectio's FSRS steps are not Anki's.
      const type = state.state === 'Learning' ? CARD_TYPE.learn : CARD_TYPE.relearn;
      const interday = state.scheduledDays >= 1;
      schedule = {
        ...common,
        type,
        queue: interday ? QUEUE.dayLearn : QUEUE.learn,
        due: interday ? days : Math.floor(due.getTime() / 1000),
        ivl: type === CARD_TYPE.relearn ? Math.max(1, state.scheduledDays) : 0,
        left: 1,
        data,
      };
    }
  }
  return suspended ? { ...schedule, queue: QUEUE.suspended } : schedule;
}

/** Anki's review kinds (revlog.type): what the card was when it was graded. */
const REVIEW_KIND: Record<ScheduleState['state'], number> = { New: 0, Learning: 0, Review: 1, Relearning: 2 };

/** An interval as revlog keeps it: days when a day or more, else negative seconds. */
function revlogInterval(state: ScheduleState): number {
  if (state.state === 'New') return 0;
  if (state.scheduledDays >= 1) return state.scheduledDays;
  const last = state.lastReview ? Date.parse(state.lastReview) : Date.parse(state.due);
  return -Math.max(1, Math.round((Date.parse(state.due) - last) / 1000));
}

export interface AnkiRevlogRow {
  /** Epoch ms of the review: Anki's revlog id. */
  id: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  /** Milliseconds spent answering: Lectio does not time answers, so 0. */
  time: number;
  type: number;
}

/** A review as a revlog row (its card id is added by the caller, which knows the card's Anki id). */
export function revlogRow(record: ReviewRecord): AnkiRevlogRow {
  return {
    id: Date.parse(record.reviewedAt),
    ease: record.grade,
    ivl: revlogInterval(record.next),
    lastIvl: revlogInterval(record.previous),
    factor: record.next.state === 'Review' ? DEFAULT_FACTOR : 0,
    time: 0,
    type: REVIEW_KIND[record.previous.state],
  };
}
