/**
 * Quiz history and the questions a reader hid for good, in `quiz.json`: one library-wide file, since a session can
 * span several articles and sessions are small (a few kilobytes each).
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import type { QuizSessionRecord } from '../core/quiz/session';
import { openRecovering, type Recovery } from './recovery';

export const QUIZ_SCHEMA_VERSION = 1;

export interface QuizFile {
  schemaVersion: number;
  sessions: QuizSessionRecord[];
  /** Ids of questions the reader hid for good; they are never asked again. */
  hidden: string[];
}

const evidence = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() });
const question = z.object({ id: z.string(), kind: z.string(), prompt: z.string(), answer: z.string(), choices: z.array(z.string()), evidence, documentId: z.string() }).passthrough();
const quizFile = z.object({
  schemaVersion: z.literal(QUIZ_SCHEMA_VERSION),
  hidden: z.array(z.string()),
  sessions: z.array(
    z.object({
      id: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      seed: z.string(),
      documentIds: z.array(z.string()),
      questions: z.array(question),
      answers: z.array(z.object({ questionId: z.string(), given: z.string(), correct: z.boolean(), at: z.string() })),
    }),
  ),
});

export function isQuizFile(data: unknown): data is QuizFile {
  return quizFile.safeParse(data).success;
}

export class QuizStore {
  #db: Low<QuizFile> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    /** Restores and announces an unreadable file; without it a bad file is only moved aside. */
    private readonly recovery?: Recovery,
  ) {}

  async open(): Promise<void> {
    const opened = await openRecovering<QuizFile>(
      {
        file: path.join(this.dataDir, 'quiz.json'),
        schemaVersion: QUIZ_SCHEMA_VERSION,
        defaults: () => ({ schemaVersion: QUIZ_SCHEMA_VERSION, sessions: [], hidden: [] }),
        isValid: isQuizFile,
      },
      'quiz.json',
      this.recovery,
      this.now(),
    );
    this.#db = opened.db;
  }

  get db(): Low<QuizFile> {
    if (!this.#db) throw new Error('The quiz file is not open');
    return this.#db;
  }
}
