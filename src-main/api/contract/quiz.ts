/** The quiz part of the API contract: sessions of questions drawn from articles, answers, history, hidden questions. */
import type { QuizSessionRecord, SessionQuestion } from '../../core/quiz/session';
import type { WrongReason } from '../../core/quiz/types';
import type { Mastery } from '../../core/quiz/mastery';
import type { Empty } from './common';

export type { QuizSessionRecord, SessionQuestion } from '../../core/quiz/session';
export type { Mastery } from '../../core/quiz/mastery';

export interface QuizRequest {
  documentIds: string[];
  /** How many questions; absent for every question the articles give. */
  count?: number;
  kinds?: string[];
  /** Fixes the questions and their order; a fresh one is made when absent. */
  seed?: string;
  /** "Type the answers": who, role and when questions are asked without choices, typed answers graded leniently. */
  typed?: boolean;
  /** Only questions about this actor (an identity key from planStudy or findActors): the actor quiz. */
  actor?: string;
  /** What the quiz is on, kept with the session and shown in the history ("Collection “Korea”"). */
  label?: string;
}

export interface QuizSessionSummary {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  titles: string[];
  total: number;
  answered: number;
  correct: number;
  /** Points earned: right answers, plus the share of pairs right in partly right match questions. */
  score: number;
  /** Questions answered wrong and not hidden since: what "Retry the missed" would ask. */
  missed: number;
  /** The session this one retried the missed questions of, when it did. */
  retryOf?: string;
  /** What the quiz was on, when it was started on a collection, last week's reading or an actor. */
  label?: string;
}

export interface QuizMethods {
  prepareQuiz: { input: QuizRequest; output: { seed: string; questions: SessionQuestion[] } };
  startQuiz: { input: QuizRequest; output: QuizSessionRecord };
  answerQuiz: {
    input: { sessionId: string; questionId: string; given: string };
    output: { correct: boolean; expected: string; credit?: { right: number; of: number }; accepted?: string };
  };
  finishQuiz: { input: { sessionId: string }; output: QuizSessionSummary };
  listQuizSessions: { input: Empty; output: QuizSessionSummary[] };
  getQuizSession: { input: { id: string }; output: QuizSessionRecord };
  /**
   * A new session of exactly the questions `sessionId` got wrong (same wording and answers, choices reshuffled),
   * less those hidden since; refused when none was missed.
   */
  retryQuiz: { input: { sessionId: string }; output: QuizSessionRecord };
  /** How well the reader knows a document and each of its actors, from the last quiz sessions about them (see mastery.ts). */
  getMastery: { input: { documentId: string }; output: { document: Mastery | null; actors: Record<string, Mastery> } };
  /**
   * Hides a question for good. With a reason (and the session it was asked in), the fact it asked about is corrected
   * for its document too: `corrected` says how, or is absent when the reason only hides it.
   */
  hideQuestion: {
    input: { questionId: string; sessionId?: string; reason?: WrongReason };
    output: { hidden: number; corrected?: string };
  };
}
