/**
 * Quiz history and the questions a reader hid for good, in `quiz.json`: one library-wide file, since a session can
 * span several articles and sessions are small (a few kilobytes each).
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import type { QuizSessionRecord } from '../core/quiz/session';
import { WRONG_REASONS, type WrongReason } from '../core/quiz/types';
import { openStoreHoldingNewer, type NewerSchema } from './json-store';
import { openRecovering, type Recovery } from './recovery';

export const QUIZ_SCHEMA_VERSION = 1;

export interface QuizFile {
  schemaVersion: number;
  sessions: QuizSessionRecord[];
  /** Ids of questions the reader hid for good; they are never asked again. */
  hidden: string[];
  /**
   * Why the reader said a hidden question was wrong, and the correction it made. Optional: files written before quiz
   * feedback have none and stay valid (so the schema version stays 1).
   */
  reasons?: HiddenReason[];
}

export interface HiddenReason {
  questionId: string;
  reason: WrongReason;
  at: string;
  documentId?: string;
  /** What the reason changed in the document's actors or dates, as told to the reader. */
  corrected?: string;
}

const evidence = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
const question = z
  .object({
    id: z.string(),
    kind: z.string(),
    prompt: z.string(),
    answer: z.string(),
    choices: z.array(z.string()),
    evidence,
    documentId: z.string(),
  })
  .passthrough();
const quizFile = z.object({
  schemaVersion: z.literal(QUIZ_SCHEMA_VERSION),
  hidden: z.array(z.string()),
  reasons: z
    .array(
      z.object({
        questionId: z.string(),
        reason: z.enum(WRONG_REASONS as [WrongReason, ...WrongReason[]]),
        at: z.string(),
        documentId: z.string().optional(),
        corrected: z.string().optional(),
      }),
    )
    .optional(),
  sessions: z.array(
    z.object({
      id: z.string(),
      startedAt: z.string(),
      zone: z.string().optional(),
      finishedAt: z.string().nullable(),
      seed: z.string(),
      documentIds: z.array(z.string()),
      questions: z.array(question),
      answers: z.array(
        z.object({
          questionId: z.string(),
          given: z.string(),
          correct: z.boolean(),
          at: z.string(),
          // Optional: sessions stored before partial credit have none, and stay readable.
          credit: z.object({ right: z.number().int().nonnegative(), of: z.number().int().nonnegative() }).optional(),
          accepted: z.string().optional(),
        }),
      ),
      typed: z.boolean().optional(),
      // Optional: only a retry of the missed has it, and sessions stored before retries stay readable.
      retryOf: z.string().optional(),
      // Optional: only a quiz on a collection, last week's reading or an actor has it.
      label: z.string().optional(),
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

  /** Opens the file; returns what makes the file one from a newer Lectio, which is held untouched (no writes). */
  async open(): Promise<NewerSchema | undefined> {
    const spec = {
      file: path.join(this.dataDir, 'quiz.json'),
      schemaVersion: QUIZ_SCHEMA_VERSION,
      defaults: (): QuizFile => ({ schemaVersion: QUIZ_SCHEMA_VERSION, sessions: [], hidden: [] }),
      isValid: isQuizFile,
    };
    const opened = await openStoreHoldingNewer(
      () => openRecovering<QuizFile>(spec, 'quiz.json', this.recovery, this.now()),
      spec,
    );
    this.#db = opened.db;
    return opened.heldNewer;
  }

  get db(): Low<QuizFile> {
    if (!this.#db) throw new Error('The quiz file is not open');
    return this.#db;
  }
}
