/** Validation of the documents methods' arguments. */
import { z } from 'zod';
import { MAX_IMPORT_CHARS, type DocumentMethods } from '../contract';
import { id, isoDate, offset, shortText, empty, type SchemasOf } from './common';

export const documentSchemas: SchemasOf<DocumentMethods> = {
  listDocuments: empty,
  getDocument: z.object({ id }).strict(),
  importDocument: z
    .object({
      text: z
        .string()
        .max(MAX_IMPORT_CHARS, `articles are limited to ${MAX_IMPORT_CHARS.toLocaleString('en')} characters`),
      format: z.enum(['text', 'markdown', 'structured']),
      body: z
        .object({
          text: z.string().max(MAX_IMPORT_CHARS),
          blocks: z
            .array(
              z
                .object({
                  kind: z.enum(['paragraph', 'heading', 'list-item', 'quote', 'caption']),
                  start: offset,
                  end: offset,
                  level: z.number().int().min(1).max(9).optional(),
                })
                .strict(),
            )
            .max(500_000),
          marks: z
            .array(
              z
                .object({
                  kind: z.enum(['emphasis', 'strong', 'link', 'code']),
                  start: offset,
                  end: offset,
                  href: z.string().max(4000).optional(),
                })
                .strict(),
            )
            .max(1_000_000),
        })
        .strict()
        .optional(),
      title: shortText(300).optional(),
      source: shortText(300).optional(),
      publishedDate: isoDate.optional(),
      fileName: shortText(260).optional(),
      metadata: z
        .object({
          authors: z.array(shortText(200)).max(20).optional(),
          siteName: shortText(300).optional(),
          language: z
            .string()
            .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,4})?$/, 'a language tag such as en or en-GB')
            .optional(),
          canonicalUrl: z
            .string()
            .max(4000)
            .regex(/^https?:\/\//i, 'an http(s) address')
            .optional(),
          modifiedDate: isoDate.optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  importFromUrl: z
    .object({
      url: z.string().trim().min(1, 'paste a web address').max(8000, 'the address is too long'),
      wholePage: z.boolean().optional(),
    })
    .strict(),
  webImportProgress: empty,
  cancelWebImport: empty,
  updateDocument: z
    .object({
      id,
      title: shortText(300).trim().min(1).optional(),
      source: shortText(300).optional(),
      publishedDate: isoDate.nullable().optional(),
    })
    .strict(),
  deleteDocument: z.object({ id }).strict(),
};
