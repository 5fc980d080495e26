/** Validation of the flashcard methods' arguments, and of the scheduling settings (settings.ts uses them). */
import { z } from 'zod';
import type { CardMethods } from '../contract';
import { MAX_CARD_TEXT } from '../../core/cards/validate';
import { color, empty, id, isoTimestamp, offset, storedSelectors, tags, type SchemasOf } from './common';

const cardText = z.string().max(MAX_CARD_TEXT);
const cardSource = z
  .object({ documentId: id, start: offset, end: offset })
  .strict()
  .refine((value) => value.start < value.end, 'a source passage needs start < end');
// dayStartsAt is optional so a caller written before it existed keeps the reader's setting rather than resetting it.
export const reviewSettings = z
  .object({
    desiredRetention: z.number().min(0.7).max(0.99),
    newPerDay: z.number().int().min(0).max(9999),
    dayStartsAt: z.number().int().min(0).max(23).optional(),
  })
  .strict();
const storedCard = z
  .object({
    id,
    kind: z.enum(['basic', 'cloze']),
    front: cardText,
    back: cardText,
    tags,
    source: z.object({ documentId: id, selectors: storedSelectors }).strict().nullable(),
    highlightId: id.nullable(),
    color: color.nullable(),
    suspended: z.boolean(),
    guid: z.string().min(1).max(200).nullable(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    foreignId: z.string().min(1).max(2000).optional(),
  })
  .strict();

export const cardSchemas: SchemasOf<CardMethods> = {
  listCards: empty,
  createCard: z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('basic'),
        front: cardText,
        back: cardText,
        source: cardSource.optional(),
        tags: tags.optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('cloze'),
        cloze: cardText,
        back: cardText.optional(),
        source: cardSource.optional(),
        tags: tags.optional(),
      })
      .strict(),
  ]),
  createCardFromHighlight: z.object({ documentId: id, highlightId: id }).strict(),
  updateCard: z
    .object({
      id,
      front: cardText.optional(),
      back: cardText.optional(),
      tags: tags.optional(),
      suspended: z.boolean().optional(),
    })
    .strict(),
  deleteCard: z.object({ id }).strict(),
  restoreCard: z.object({ card: storedCard }).strict(),
  getReviewQueue: z.object({ first: z.string().min(1).max(200).optional() }).strict(),
  gradeCard: z
    .object({
      id,
      grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      shown: z
        .object({ due: isoTimestamp, label: z.string().max(20) })
        .strict()
        .optional(),
    })
    .strict(),
  undoGrade: z.object({ reviewId: id }).strict(),
  getCardStats: empty,
  getDueCounts: empty,
  exportCards: z.object({ documentId: id.optional() }).strict(),
  importCards: z.object({ content: z.string().max(50_000_000) }).strict(),
};
