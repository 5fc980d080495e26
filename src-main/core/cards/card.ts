/**
 * What a flashcard is in Lectio: its content (basic front/back, or a cloze text with `{{c1::…}}` deletions), the
 * passage it came from as W3C selectors, and its FSRS schedule as plain JSON. Scheduling state is never stored on the
 * card itself: it is the `next` state of the card's latest ReviewRecord (below), so grading a card
 * appends to the review log and leaves the content file untouched.
 */
import type { HighlightSelectors } from '../anchoring/selectors';
import type { HighlightColor } from '../annotations/highlight';

export type CardKind = 'basic' | 'cloze';

/** Where a card came from: a document and a passage of its canonical text (position + quote, re-anchored on read). */
export interface CardSource {
  documentId: string;
  selectors: HighlightSelectors;
}

export interface StoredCard {
  id: string;
  kind: CardKind;
  /** Basic: the question. Cloze: the text with Anki-style deletions, `{{c1::answer}}` or `{{c1::answer::hint}}`. */
  front: string;
  /** Basic: the answer. Cloze: extra shown with the answer (a highlight's note). May be empty for a cloze. */
  back: string;
  tags: string[];
  source: CardSource | null;
  /** The highlight the card was made from, if any; its colour is copied so filtering survives deleting it. */
  highlightId: string | null;
  color: HighlightColor | null;
  suspended: boolean;
  /** Anki's note GUID when the card was first imported from a file Lectio did not write; else null. */
  guid: string | null;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
}

export type ScheduleStateName = 'New' | 'Learning' | 'Review' | 'Relearning';

/** An FSRS card state as JSON (dates as ISO strings); mirrors ts-fsrs's Card field for field. */
export interface ScheduleState {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: ScheduleStateName;
  lastReview: string | null;
}

/** 1 Again, 2 Hard, 3 Good, 4 Easy: FSRS's grades, and the keys the Review screen binds. */
export type Grade = 1 | 2 | 3 | 4;

export const GRADES: readonly Grade[] = [1, 2, 3, 4];

export const GRADE_NAMES: Readonly<Record<Grade, string>> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** One grade given to one card: an append-only record in reviews.json. */
export interface ReviewRecord {
  id: string;
  cardId: string;
  grade: Grade;
  /** ISO 8601, UTC. */
  reviewedAt: string;
  /**
   * The reader's time zone when grading (IANA, "Europe/Lisbon"): which calendar day the review belongs to where it
   * happened. Absent in records written before it was kept.
   */
  zone?: string;
  /** The schedule before this review (what undo restores) and after it (the card's schedule until its next review). */
  previous: ScheduleState;
  next: ScheduleState;
}
