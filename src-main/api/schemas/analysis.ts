/** Validation of the analysis methods' arguments: above all, each kind of correction the reader can make. */
import { z } from 'zod';
import type { AnalysisMethods } from '../contract';
import { empty, id, offset, type SchemasOf } from './common';

const actorId = z.string().min(1).max(300);
const actorType = z.enum(['person', 'country', 'organization']);
const name = z.string().trim().min(1).max(200);
const timexValue = z
  .string()
  .regex(
    /^(\d{4}(-\d{2}(-\d{2})?|-(SP|SU|FA|AU|WI|Q[1-4]))?(\/\d{4}(-\d{2}(-\d{2})?)?)?|P\d+[YMWD]|PAST_REF|FUTURE_REF|PRESENT_REF)$/,
    'dates are TIMEX3 values such as 2024, 2024-03, 2024-03-15 or 2024-03-15/2024-03-17',
  );
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

export const analysisSchemas: SchemasOf<AnalysisMethods> = {
  getAnalysis: z.object({ id }).strict(),
  correctAnalysis: z.object({ id, correction }).strict(),
  cancelAnalysis: empty,
  analysisProgress: z.object({ id }).strict(),
};
