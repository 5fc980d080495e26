/** Validation of the study-across-articles methods' arguments. */
import { z } from 'zod';
import type { StudyMethods } from '../contract';
import { id, type SchemasOf } from './common';

const scope = z.union([
  z.object({ kind: z.literal('collection'), collectionId: id }).strict(),
  z.object({ kind: z.literal('recent') }).strict(),
  z.object({ kind: z.literal('actor'), key: z.string().min(1).max(600) }).strict(),
  z.object({ kind: z.literal('actor'), documentId: id, actorId: z.string().min(1).max(300) }).strict(),
]);

export const studySchemas: SchemasOf<StudyMethods> = {
  planStudy: z.object({ scope }).strict(),
};
