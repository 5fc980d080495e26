/** Validation of the annotations methods' arguments. */
import { z } from 'zod';
import type { AnnotationMethods } from '../contract';
import { color, id, isoTimestamp, note, offset, storedSelectors, tags, type SchemasOf } from './common';

const storedHighlight = z
  .object({
    id,
    documentId: id,
    color,
    selectors: storedSelectors,
    note,
    tags,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    foreignId: z.string().min(1).max(2000).optional(),
  })
  .strict();

export const annotationSchemas: SchemasOf<AnnotationMethods> = {
  getAnnotations: z.object({ documentId: id }).strict(),
  createHighlight: z
    .object({ documentId: id, start: offset, end: offset, color, note: note.optional(), tags: tags.optional() })
    .strict()
    .refine((value) => value.start < value.end, 'a highlight needs start < end'),
  updateHighlight: z
    .object({ documentId: id, id, color: color.optional(), note: note.optional(), tags: tags.optional() })
    .strict(),
  deleteHighlight: z.object({ documentId: id, id }).strict(),
  restoreHighlight: z.object({ documentId: id, highlight: storedHighlight }).strict(),
  setDocumentNote: z.object({ documentId: id, note: z.string().max(200_000) }).strict(),
  exportAnnotations: z.object({ documentId: id, format: z.enum(['markdown', 'json']) }).strict(),
  importAnnotations: z
    .object({ documentId: id, content: z.string().max(50_000_000), attachUnmatched: z.boolean().optional() })
    .strict(),
};
