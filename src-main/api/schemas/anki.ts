/** Validation of the Anki methods' arguments: which document's cards (all when absent). */
import { z } from 'zod';
import type { AnkiMethods } from '../contract';
import { empty, id, type SchemasOf } from './common';

export const ankiSchemas: SchemasOf<AnkiMethods> = {
  exportApkg: z.object({ documentId: id.optional() }).strict(),
  getAnkiStatus: empty,
  sendToAnki: z.object({ documentId: id.optional() }).strict(),
};
