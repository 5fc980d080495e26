/** Validation of the quiz methods' arguments. */
import { z } from 'zod';
import type { QuizMethods } from '../contract';
import { WRONG_REASONS, type WrongReason } from '../../core/quiz/types';
import { empty, id, type SchemasOf } from './common';

const quizRequest = z
  .object({
    documentIds: z.array(id).min(1).max(200),
    count: z.number().int().min(1).max(500).optional(),
    kinds: z
      .array(z.enum(['who', 'role', 'when', 'timeline', 'match', 'quote', 'truefalse', 'role-change', 'event-order']))
      .min(1)
      .optional(),
    seed: z.string().min(1).max(100).optional(),
    typed: z.boolean().optional(),
    actor: z.string().min(1).max(600).optional(),
    label: z.string().min(1).max(200).optional(),
  })
  .strict();

export const quizSchemas: SchemasOf<QuizMethods> = {
  prepareQuiz: quizRequest,
  startQuiz: quizRequest,
  answerQuiz: z.object({ sessionId: id, questionId: z.string().min(1).max(100), given: z.string().max(5000) }).strict(),
  finishQuiz: z.object({ sessionId: id }).strict(),
  listQuizSessions: empty,
  getQuizSession: z.object({ id }).strict(),
  retryQuiz: z.object({ sessionId: id }).strict(),
  getMastery: z.object({ documentId: id }).strict(),
  hideQuestion: z
    .object({
      questionId: z.string().min(1).max(100),
      sessionId: id.optional(),
      reason: z.enum(WRONG_REASONS as [WrongReason, ...WrongReason[]]).optional(),
    })
    .strict(),
};
