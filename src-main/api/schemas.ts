/**
 * Validation schemas for every API method's argument (zod). The main process treats each incoming argument as
 * `unknown` and parses it here before the service sees it.
 */
import { z } from 'zod';
import { MAX_IMPORT_CHARS, type MethodInput, type MethodName } from './contract';
import { BACKUP_ID_PATTERN } from '../storage/backups';
import { MAX_CARD_TEXT } from '../core/cards/validate';
import { WRONG_REASONS, type WrongReason } from '../core/quiz/types';

const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'not a calendar date');
const shortText = (max: number) => z.string().max(max);
const empty = z.object({}).strict();
const actorId = z.string().min(1).max(300);
const actorType = z.enum(['person', 'country', 'organization']);
const name = z.string().trim().min(1).max(200);
const offset = z.number().int().nonnegative().max(MAX_IMPORT_CHARS);
const timexValue = z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?|-(SP|SU|FA|AU|WI|Q[1-4]))?(\/\d{4}(-\d{2}(-\d{2})?)?)?|P\d+[YMWD]|PAST_REF|FUTURE_REF|PRESENT_REF)$/, 'dates are TIMEX3 values such as 2024, 2024-03, 2024-03-15 or 2024-03-15/2024-03-17');
const color = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const note = z.string().max(100_000);
const tags = z.array(z.string().trim().min(1).max(60)).max(50);
const label = z.string().trim().min(1).max(40);
const colorLabels = z.object({ '1': label, '2': label, '3': label, '4': label, '5': label }).strict();
const isoTimestamp = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)), 'not a timestamp');
const storedHighlight = z
  .object({
    id,
    documentId: id,
    color,
    selectors: z.tuple([
      z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
      z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1).max(MAX_IMPORT_CHARS), prefix: z.string().max(64), suffix: z.string().max(64) }).strict(),
    ]),
    note,
    tags,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    foreignId: z.string().min(1).max(2000).optional(),
  })
  .strict();
const quizRequest = z
  .object({
    documentIds: z.array(id).min(1).max(200),
    count: z.number().int().min(1).max(500).optional(),
    kinds: z.array(z.enum(['who', 'role', 'when', 'timeline', 'match', 'quote', 'truefalse'])).min(1).optional(),
    seed: z.string().min(1).max(100).optional(),
  })
  .strict();
const correction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), actor: actorId, name }).strict(),
  z.object({ kind: z.literal('merge'), from: actorId, into: actorId }).strict(),
  z.object({ kind: z.literal('split'), actor: actorId, alias: name, type: actorType }).strict(),
  z.object({ kind: z.literal('add'), name, type: actorType, role: z.string().trim().max(300).optional() }).strict(),
  z.object({ kind: z.literal('remove'), actor: actorId }).strict(),
  z.object({ kind: z.literal('date-value'), start: offset, end: offset, value: timexValue }).strict(),
  z.object({ kind: z.literal('drop-role'), actor: actorId, role: z.string().min(1).max(300) }).strict(),
  z.object({ kind: z.literal('remove-date'), start: offset, end: offset }).strict(),
  z.object({ kind: z.literal('restore-actor'), actor: actorId }).strict(),
  z.object({ kind: z.literal('restore-role'), actor: actorId, role: z.string().min(1).max(300) }).strict(),
  z.object({ kind: z.literal('restore-date'), start: offset, end: offset }).strict(),
  z.object({ kind: z.literal('confirm-actor'), actor: actorId }).strict(),
  z.object({ kind: z.literal('confirm-role'), actor: actorId, role: z.string().min(1).max(300) }).strict(),
  z.object({ kind: z.literal('confirm-date'), start: offset, end: offset }).strict(),
]);

const cardText = z.string().max(MAX_CARD_TEXT);
const cardSource = z.object({ documentId: id, start: offset, end: offset }).strict().refine((value) => value.start < value.end, 'a source passage needs start < end');
// dayStartsAt is optional so a caller written before it existed keeps the reader's setting rather than resetting it.
const reviewSettings = z.object({ desiredRetention: z.number().min(0.7).max(0.99), newPerDay: z.number().int().min(0).max(9999), dayStartsAt: z.number().int().min(0).max(23).optional() }).strict();
const storedCard = z
  .object({
    id,
    kind: z.enum(['basic', 'cloze']),
    front: cardText,
    back: cardText,
    tags,
    source: z
      .object({
        documentId: id,
        selectors: z.tuple([
          z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
          z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1).max(MAX_IMPORT_CHARS), prefix: z.string().max(64), suffix: z.string().max(64) }).strict(),
        ]),
      })
      .strict()
      .nullable(),
    highlightId: id.nullable(),
    color: color.nullable(),
    suspended: z.boolean(),
    guid: z.string().min(1).max(200).nullable(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    foreignId: z.string().min(1).max(2000).optional(),
  })
  .strict();

type Schemas = { [M in MethodName]: z.ZodType<MethodInput<M>> };

export const inputSchemas: Schemas = {
  appInfo: empty,
  listDocuments: empty,
  getDocument: z.object({ id }).strict(),
  importDocument: z
    .object({
      text: z.string().max(MAX_IMPORT_CHARS, `articles are limited to ${MAX_IMPORT_CHARS.toLocaleString('en')} characters`),
      format: z.enum(['text', 'markdown', 'structured']),
      body: z
        .object({
          text: z.string().max(MAX_IMPORT_CHARS),
          blocks: z
            .array(z.object({ kind: z.enum(['paragraph', 'heading', 'list-item', 'quote']), start: offset, end: offset, level: z.number().int().min(1).max(9).optional() }).strict())
            .max(500_000),
          marks: z.array(z.object({ kind: z.enum(['emphasis', 'strong', 'link', 'code']), start: offset, end: offset, href: z.string().max(4000).optional() }).strict()).max(1_000_000),
        })
        .strict()
        .optional(),
      title: shortText(300).optional(),
      source: shortText(300).optional(),
      publishedDate: isoDate.optional(),
      fileName: shortText(260).optional(),
    })
    .strict(),
  importFromUrl: z.object({ url: z.string().trim().min(1, 'paste a web address').max(8000, 'the address is too long') }).strict(),
  updateDocument: z
    .object({
      id,
      title: shortText(300).trim().min(1).optional(),
      source: shortText(300).optional(),
      publishedDate: isoDate.nullable().optional(),
    })
    .strict(),
  deleteDocument: z.object({ id }).strict(),
  dismissNotice: z.object({ id: z.string().min(1).max(200) }).strict(),
  getAnalysis: z.object({ id }).strict(),
  correctAnalysis: z.object({ id, correction }).strict(),
  cancelAnalysis: empty,
  getAnnotations: z.object({ documentId: id }).strict(),
  createHighlight: z
    .object({ documentId: id, start: offset, end: offset, color, note: note.optional(), tags: tags.optional() })
    .strict()
    .refine((value) => value.start < value.end, 'a highlight needs start < end'),
  updateHighlight: z.object({ documentId: id, id, color: color.optional(), note: note.optional(), tags: tags.optional() }).strict(),
  deleteHighlight: z.object({ documentId: id, id }).strict(),
  restoreHighlight: z.object({ documentId: id, highlight: storedHighlight }).strict(),
  setDocumentNote: z.object({ documentId: id, note: z.string().max(200_000) }).strict(),
  exportAnnotations: z.object({ documentId: id, format: z.enum(['markdown', 'json']) }).strict(),
  importAnnotations: z.object({ documentId: id, content: z.string().max(50_000_000), attachUnmatched: z.boolean().optional() }).strict(),
  search: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
  prepareQuiz: quizRequest,
  startQuiz: quizRequest,
  answerQuiz: z.object({ sessionId: id, questionId: z.string().min(1).max(100), given: z.string().max(5000) }).strict(),
  finishQuiz: z.object({ sessionId: id }).strict(),
  listQuizSessions: empty,
  getQuizSession: z.object({ id }).strict(),
  hideQuestion: z.object({ questionId: z.string().min(1).max(100), sessionId: id.optional(), reason: z.enum(WRONG_REASONS as [WrongReason, ...WrongReason[]]).optional() }).strict(),
  getSettings: empty,
  updateSettings: z
    .object({
      colorLabels: colorLabels.optional(),
      review: reviewSettings.optional(),
      reading: z
        .object({ theme: z.enum(['system', 'light', 'dark', 'sepia']), font: z.enum(['serif', 'sans']), size: z.number().min(12).max(32), width: z.number().min(40).max(100) })
        .strict()
        .optional(),
      quiz: z.object({ autoCardOnMiss: z.boolean() }).strict().optional(),
    })
    .strict(),
  listBackups: empty,
  createBackup: empty,
  backupProgress: empty,
  cancelBackup: empty,
  restoreBackup: z.object({ id: z.string().regex(BACKUP_ID_PATTERN, 'backup ids are timestamps such as 2026-01-02T03-04-05-000Z') }).strict(),
  listCards: empty,
  createCard: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('basic'), front: cardText, back: cardText, source: cardSource.optional(), tags: tags.optional() }).strict(),
    z.object({ kind: z.literal('cloze'), cloze: cardText, back: cardText.optional(), source: cardSource.optional(), tags: tags.optional() }).strict(),
  ]),
  createCardFromHighlight: z.object({ documentId: id, highlightId: id }).strict(),
  updateCard: z.object({ id, front: cardText.optional(), back: cardText.optional(), tags: tags.optional(), suspended: z.boolean().optional() }).strict(),
  deleteCard: z.object({ id }).strict(),
  restoreCard: z.object({ card: storedCard }).strict(),
  getReviewQueue: empty,
  gradeCard: z.object({ id, grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), shown: z.object({ due: isoTimestamp, label: z.string().max(20) }).strict().optional() }).strict(),
  undoGrade: z.object({ reviewId: id }).strict(),
  getCardStats: empty,
  getDueCounts: empty,
  exportCards: z.object({ documentId: id.optional() }).strict(),
  importCards: z.object({ content: z.string().max(50_000_000) }).strict(),
  exportProgress: empty,
  cancelExport: empty,
};
