/** A quiz session as it is stored: the questions asked (each tied to its document) and every answer given. */
import type { Question } from './types';

/** A question as asked in a session: which document it came from, so its evidence can be opened. */
export interface SessionQuestion extends Question {
  documentId: string;
  documentTitle: string;
}

export interface SessionAnswer {
  questionId: string;
  given: string;
  correct: boolean;
  at: string;
}

export interface QuizSessionRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  seed: string;
  documentIds: string[];
  questions: SessionQuestion[];
  answers: SessionAnswer[];
}
