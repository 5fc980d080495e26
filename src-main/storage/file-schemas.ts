/** The shapes of Lectio's data files, checked on every load so a file that parses but is damaged is never trusted. */
import { z } from 'zod';
import type { DocumentBody, DocumentMeta } from '../core/model';

export const LIBRARY_SCHEMA_VERSION = 1;
export const DOCUMENT_SCHEMA_VERSION = 1;

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

const documentMeta = z.object({
  id: z.string().min(1),
  title: z.string(),
  source: z.string(),
  publishedDate: z.string().nullable(),
  addedAt: z.string(),
  wordCount: z.number().int().nonnegative(),
  origin: z.string(),
});

const documentBody = z.object({
  text: z.string(),
  blocks: z.array(z.object({ kind: z.enum(['paragraph', 'heading', 'list-item', 'quote']), ...span, level: z.number().int().optional() })),
  marks: z.array(z.object({ kind: z.enum(['emphasis', 'strong', 'link', 'code']), ...span, href: z.string().optional() })),
});

export interface LibraryFile {
  schemaVersion: number;
  documents: DocumentMeta[];
}

export interface DocumentFile {
  schemaVersion: number;
  id: string;
  body: DocumentBody;
}

const libraryFile = z.object({ schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION), documents: z.array(documentMeta) });
const documentFile = z.object({ schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION), id: z.string(), body: documentBody });

export function isLibraryFile(data: unknown): data is LibraryFile {
  return libraryFile.safeParse(data).success;
}

export function isDocumentFile(data: unknown): data is DocumentFile {
  return documentFile.safeParse(data).success;
}
