/** The flashcards part of the API contract: cards, the review queue and grading, statistics, Anki interchange. */
import type { CardSource, Grade, ScheduleStateName, StoredCard } from '../../core/cards/card';
import type { DueCounts } from '../../core/cards/queue';
import type { ReviewCharts } from '../../core/cards/review-charts';
import type { CardStats } from '../../core/cards/stats';
import type { Empty } from './common';
import type { ExportedFile } from './common';

export type { CardKind, Grade, ScheduleStateName, StoredCard } from '../../core/cards/card';
export type {
  ForecastDay,
  Heatmap,
  PassCount,
  RetentionPeriod,
  RetentionPeriodKind,
  ReviewCharts,
} from '../../core/cards/review-charts';

/** A passage of a document, as offsets into its canonical text (the service stores it as W3C selectors). */
export interface CardSourceInput {
  documentId: string;
  start: number;
  end: number;
}

/** A card made by hand or by another screen (the quiz's "make a card from this question"). */
export type CreateCardInput =
  | { kind: 'basic'; front: string; back: string; source?: CardSourceInput; tags?: string[] }
  /** `cloze` holds the text with `{{c1::…}}` deletions; `back` is optional extra shown with the answer. */
  | { kind: 'cloze'; cloze: string; back?: string; source?: CardSourceInput; tags?: string[] };

export interface UpdateCardInput {
  id: string;
  /** For a cloze card, the cloze text. */
  front?: string;
  back?: string;
  tags?: string[];
  suspended?: boolean;
}

/** Where a card's passage is now: re-anchored in the document's current text on every read. */
export interface CardSourceView {
  documentId: string;
  /** null when the document was deleted. */
  documentTitle: string | null;
  /** null when the passage can no longer be found (an orphan: the card is kept). */
  anchor: { start: number; end: number } | null;
  /** The passage's text: as it reads now, or as it was stored when it cannot be found. */
  passage: string;
  stored: CardSource;
  /** The PDF page the passage is on, when its document has pages and the passage was found. */
  page?: number;
}

export interface ScheduleView {
  state: ScheduleStateName;
  due: string;
  reps: number;
  lapses: number;
  stability: number;
  difficulty: number;
  lastReview: string | null;
}

export interface CardView {
  card: StoredCard;
  schedule: ScheduleView;
  source: CardSourceView | null;
}

/** What a grade would do, shown on its button. */
export interface GradeOption {
  grade: Grade;
  due: string;
  /** "10m", "3d", "2.5mo": the interval from now. */
  label: string;
}

export interface QueueItem extends CardView {
  options: GradeOption[];
}

/**
 * How many cards one getReviewQueue sends: the Review screen shows one at a time and asks again after each grade, so a
 * backlog of 47,000 due cards (a semester away from the app) must not be read and sent whole each time.
 */
export const REVIEW_PAGE = 20;

export interface ReviewQueue {
  /** The queue's first cards, in the order to study them (at most REVIEW_PAGE). */
  cards: QueueItem[];
  /** How many cards the queue holds now, those not sent included. */
  queued: number;
  /** New cards held back by today's limit. */
  newWaiting: number;
  /** When the next card not in `cards` is due (ISO), or null. */
  nextDue: string | null;
  /** Cards in the library, suspended ones included: tells "nothing due" from "no cards yet". */
  totalCards: number;
  /** Due and new counts of this queue: the same figures getDueCounts and the statistics give at the same moment. */
  counts: DueCounts;
}

export interface GradeResult {
  reviewId: string;
  card: CardView;
}

export interface CardStatsView extends CardStats {
  desiredRetention: number;
  /** What the review queue holds now (see getDueCounts). */
  now: DueCounts;
  /** The heatmap, retention and forecast charts, in the reader's days. */
  charts: ReviewCharts;
}

export type { DueCounts };

export interface CardImportReport {
  created: number;
  updated: number;
  unchanged: number;
  errors: string[];
}

export interface ReviewSettings {
  /** FSRS's target probability of recall when a card comes due, 0.7–0.99; default 0.9. */
  desiredRetention: number;
  /** New cards introduced per day; default 20. */
  newPerDay: number;
  /**
   * The hour (0–23, the reader's local time) at which a new study day starts; default 4, as in Anki. It bounds "due
   * today", the new-card limit, and intervals of a day or more.
   */
  dayStartsAt: number;
}

export interface CardMethods {
  listCards: { input: Empty; output: CardView[] };
  createCard: { input: CreateCardInput; output: CardView };
  createCardFromHighlight: {
    input: { documentId: string; highlightId: string };
    output: { card: CardView; created: boolean };
  };
  updateCard: { input: UpdateCardInput; output: CardView };
  deleteCard: { input: { id: string }; output: StoredCard };
  restoreCard: { input: { card: StoredCard }; output: CardView };
  /**
   * The first cards of the review queue (REVIEW_PAGE of them, `first` before the rest when it is due), with each
   * grade's interval; `queued` says how many the whole queue holds.
   */
  getReviewQueue: { input: { first?: string }; output: ReviewQueue };
  /**
   * `shown`: what the grade's button showed (its option from the queue). When the grade would now set another interval
   * (a new reader day began since the queue was loaded), nothing is written and the call fails, so no grade applies an
   * interval the reader did not see.
   */
  gradeCard: { input: { id: string; grade: Grade; shown?: Pick<GradeOption, 'due' | 'label'> }; output: GradeResult };
  undoGrade: { input: { reviewId: string }; output: CardView };
  getCardStats: { input: Empty; output: CardStatsView };
  /** Cards due now and new cards today's limit allows: the one count the top bar, Review and Cards show. */
  getDueCounts: { input: Empty; output: DueCounts };
  /** One export runs at a time (see exportProgress); another started meanwhile fails with 'invalid-argument'. */
  exportCards: { input: { documentId?: string }; output: ExportedFile };
  importCards: { input: { content: string }; output: CardImportReport };
}
