/**
 * Quiz history and hidden questions (`quiz.json`, through the quiz store): sessions with every answer, and the
 * questions the reader hid for good with why. Every change goes through `#write`, which saves the file and reports
 * the session or question it changed to the change feed.
 */
import type { Low } from 'lowdb';
import type { QuizSessionRecord, SessionAnswer } from '../core/quiz/session';
import type { ChangeFeed, StorageChange } from './change-feed';
import type { HiddenReason, QuizFile, QuizStore } from './quiz-store';

export class QuizRepository {
  constructor(
    private readonly store: QuizStore,
    private readonly feed: ChangeFeed,
  ) {}

  /** Every session, oldest first (the stored list: read it, change it only through the methods below). */
  sessions(): readonly QuizSessionRecord[] {
    return this.#db().data.sessions;
  }

  session(id: string): QuizSessionRecord | undefined {
    return this.#db().data.sessions.find((s) => s.id === id);
  }

  /** Ids of the questions hidden for good. */
  hidden(): readonly string[] {
    return this.#db().data.hidden;
  }

  async startSession(session: QuizSessionRecord): Promise<void> {
    await this.#write((data) => {
      data.sessions.push(session);
    }, sessionChange(session.id));
  }

  async recordAnswer(sessionId: string, answer: SessionAnswer): Promise<void> {
    await this.#write((data) => {
      data.sessions.find((s) => s.id === sessionId)?.answers.push(answer);
    }, sessionChange(sessionId));
  }

  /** Marks the session finished at `at`; a session already finished keeps its time. */
  async finishSession(sessionId: string, at: string): Promise<void> {
    await this.#write((data) => {
      const found = data.sessions.find((s) => s.id === sessionId);
      if (found && !found.finishedAt) found.finishedAt = at;
    }, sessionChange(sessionId));
  }

  /** Hides a question for good, with the reader's reason when given (replacing an earlier one for it). */
  async hideQuestion(questionId: string, reason?: HiddenReason): Promise<void> {
    await this.#write(
      (data) => {
        if (!data.hidden.includes(questionId)) data.hidden.push(questionId);
        if (reason) data.reasons = [...(data.reasons ?? []).filter((r) => r.questionId !== questionId), reason];
      },
      { kind: 'hidden-question', id: questionId, documentId: reason?.documentId ?? null, op: 'put' },
    );
  }

  /** Puts a session as synced from another device (issue #21), replacing the one of the same id. */
  async putSession(session: QuizSessionRecord): Promise<void> {
    await this.#write((data) => {
      const index = data.sessions.findIndex((s) => s.id === session.id);
      if (index >= 0) data.sessions[index] = session;
      else data.sessions.push(session);
    }, sessionChange(session.id));
  }

  // Looked up on every call, never captured: restoring a backup opens the file again.
  #db(): Low<QuizFile> {
    return this.store.db;
  }

  /** The one place quiz.json is changed: saved, then reported. */
  async #write(change: (data: QuizFile) => void, reported: StorageChange): Promise<void> {
    await this.#db().update(change);
    this.feed.emit([reported]);
  }
}

function sessionChange(id: string): StorageChange {
  return { kind: 'quiz-session', id, documentId: null, op: 'put' };
}
