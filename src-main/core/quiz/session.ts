/** A quiz session as it is stored: the questions asked (each tied to its document) and every answer given. */
import type { Question } from './types';

/** A question as asked in a session: which document it came from, so its evidence can be opened. */
export interface SessionQuestion extends Question {
  documentId: string;
  documentTitle: string;
  /** The PDF page the evidence is on; absent for documents without pages (and in sessions stored before PDFs). */
  page?: number;
}

export interface SessionAnswer {
  questionId: string;
  given: string;
  correct: boolean;
  at: string;
  /** Match questions: the pairs right out of all; absent in sessions stored before partial credit (then all or nothing). */
  credit?: { right: number; of: number };
  /** A typed answer not written as the answer: why it was accepted ("Accepted: ‘Putin’ is Vladimir Putin"). */
  accepted?: string;
}

export interface QuizSessionRecord {
  id: string;
  /** ISO 8601, UTC. */
  startedAt: string;
  /** The reader's time zone when the session started (IANA); absent in sessions stored before it was kept. */
  zone?: string;
  finishedAt: string | null;
  seed: string;
  documentIds: string[];
  questions: SessionQuestion[];
  answers: SessionAnswer[];
  /** "Type the answers": who, role and when questions asked without choices; absent (false) in older sessions. */
  typed?: boolean;
  /** The session whose missed questions this one asks again; absent for a fresh quiz and in sessions stored before. */
  retryOf?: string;
  /** What the quiz was on ("Collection “Korea”", "Last week’s reading", an actor's name); absent for chosen articles. */
  label?: string;
}

/** What one answer earns: 1 when right, the share of parts right for a partly right match question, else 0. */
export function answerPoints(answer: Pick<SessionAnswer, 'correct' | 'credit'>): number {
  if (answer.correct) return 1;
  const credit = answer.credit;
  return credit && credit.of > 0 ? Math.min(1, Math.max(0, credit.right / credit.of)) : 0;
}

/** A session's score: the points of its answers, partial credit included. */
export function sessionScore(answers: readonly Pick<SessionAnswer, 'correct' | 'credit'>[]): number {
  return answers.reduce((sum, answer) => sum + answerPoints(answer), 0);
}

/** A score as people write it: "3", "3.75", "2.33" (two decimals at most). */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}
