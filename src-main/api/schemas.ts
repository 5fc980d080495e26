/**
 * Validation schemas for every API method's argument (zod). The main process treats each incoming argument as
 * `unknown` and parses it here before the service sees it.
 */
import { z } from 'zod';
import { MAX_IMPORT_CHARS, type MethodInput, type MethodName } from './contract';

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
const timexValue = z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?|P\d+[YMWD]|PAST_REF|FUTURE_REF|PRESENT_REF)$/, 'dates are TIMEX3 values such as 2024, 2024-03, 2024-03-15 or 2024-03-15/2024-03-17');
const correction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), actor: actorId, name }).strict(),
  z.object({ kind: z.literal('merge'), from: actorId, into: actorId }).strict(),
  z.object({ kind: z.literal('split'), actor: actorId, alias: name, type: actorType }).strict(),
  z.object({ kind: z.literal('add'), name, type: actorType, role: z.string().trim().max(300).optional() }).strict(),
  z.object({ kind: z.literal('remove'), actor: actorId }).strict(),
  z.object({ kind: z.literal('date-value'), start: offset, end: offset, value: timexValue }).strict(),
]);

type Schemas = { [M in MethodName]: z.ZodType<MethodInput<M>> };

export const inputSchemas: Schemas = {
  appInfo: empty,
  listDocuments: empty,
  getDocument: z.object({ id }).strict(),
  importDocument: z
    .object({
      text: z.string().max(MAX_IMPORT_CHARS, `articles are limited to ${MAX_IMPORT_CHARS.toLocaleString('en')} characters`),
      format: z.enum(['text', 'markdown']),
      title: shortText(300).optional(),
      source: shortText(300).optional(),
      fileName: shortText(260).optional(),
    })
    .strict(),
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
};
