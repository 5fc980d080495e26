/**
 * The quiz generator's data: questions built from the extraction engine's actors, roles and dates, each tied to the
 * sentence of the canonical text that answers it. Offsets are [start, end) in UTF-16 code units, like the engine's.
 */
import type { ActorType, DatePrecision } from '../extract/types';

/** Kinds asked from one article. */
export type ArticleKind = 'who' | 'role' | 'when' | 'timeline' | 'match' | 'quote' | 'truefalse';
/** Kinds that need two articles (see cross-generate.ts): an actor's role changing between them, which event came first. */
export type CrossKind = 'role-change' | 'event-order';
export type QuestionKind = ArticleKind | CrossKind;

export const CROSS_KINDS: readonly CrossKind[] = ['role-change', 'event-order'];

export const QUESTION_KINDS: readonly ArticleKind[] = [
  'who',
  'role',
  'when',
  'timeline',
  'match',
  'quote',
  'truefalse',
];

/** A sentence span of the canonical text. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

/**
 * One line of a timeline (listed in the right order) or one pair of a match question (actor -> role). Each item keeps
 * its own evidence because these questions gather facts from several sentences.
 */
export interface QuizItem {
  id: string;
  /** The event (timeline) or the actor's name (match). */
  label: string;
  /** The role paired with the actor (match only). */
  match?: string;
  /** The item's date value, TIMEX-style (timeline only). */
  value?: string;
  evidence: Evidence;
  /** The exact text of `evidence` that supports the item: the date as written, or the role as written. */
  support: string;
  /** Questions across articles: the document the item's evidence is in, its title and published date (YYYY-MM-DD). */
  documentId?: string;
  documentTitle?: string;
  published?: string;
}

/**
 * The engine's fact a question asks about, so the reader's "This question is wrong" can correct that fact: the actor's
 * id, the role (as the analysis lists it) and the date mention's span, where the question rests on one.
 */
export interface QuestionFact {
  actor?: string;
  role?: string;
  date?: { start: number; end: number };
}

/** Why the reader says a question is wrong; each becomes a correction of the fact (see the quiz service). */
export type WrongReason = 'wrong-answer' | 'not-an-actor' | 'wrong-role' | 'wrong-date' | 'unclear';

export const WRONG_REASONS: readonly WrongReason[] = [
  'wrong-answer',
  'not-an-actor',
  'wrong-role',
  'wrong-date',
  'unclear',
];

/** What the answer is, which decides how a typed answer is graded. */
export type AnswerType = 'actor' | 'role' | 'date' | 'truth' | 'order' | 'pairs' | 'event';

export interface Question {
  /** Stable across runs: a hash of kind, evidence span and answer. */
  id: string;
  kind: QuestionKind;
  answerType: AnswerType;
  prompt: string;
  /** Shown choices, the answer exactly once; empty when no distractor of the answer's kind exists (typed only). */
  choices: string[];
  /** The answer as shown; for timeline the labels in order joined by " → ", for match "actor: role" pairs. */
  answer: string;
  /** Other typed forms graded correct: aliases, an unambiguous surname, the date as the text writes it. */
  acceptableAnswers: string[];
  /** The sentence that answers the question; for timeline and match, the first item's sentence. */
  evidence: Evidence;
  /** The exact text of the evidence sentence the answer rests on (the mention, role, date or quote). */
  support: string;
  /** For `when`: the precision at which typed answers are graded, and the value graded against. */
  precision?: DatePrecision;
  value?: string;
  /** For `when`: the date relative forms are resolved against when grading typed answers (YYYY-MM-DD). */
  referenceDate?: string;
  /** Timeline events in chronological order, or match pairs. */
  items?: QuizItem[];
  /** True when the evidence sentence overlaps one of the reader's highlights. */
  fromHighlight?: boolean;
  /** The fact asked about (who, role and when questions); not part of the id. */
  about?: QuestionFact;
}

export interface Highlight {
  start: number;
  end: number;
  note?: string;
}

/** Names and dates from the reader's library, used for distractors when the article alone has too few. */
export interface QuizPool {
  actors: { name: string; type: ActorType; roles: string[] }[];
  dates: { value: string; precision: DatePrecision }[];
}

export interface QuizOptions {
  seed: string | number;
  /** When given, a balanced selection of at most this many questions; otherwise every question. */
  count?: number;
  kinds?: QuestionKind[];
  highlights?: Highlight[];
  pool?: QuizPool;
}

export interface MatchResult {
  correct: boolean;
  /** The answer as it should be shown to the reader. */
  expected: string;
  /** For questions of several parts (match): how many parts were right, for partial credit. */
  credit?: { right: number; of: number };
}
