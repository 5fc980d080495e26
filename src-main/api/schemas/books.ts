/** Validation of the books methods' arguments. */
import { z } from 'zod';
import type { BookMethods } from '../contract';
import { MAX_FILE_BYTES } from '../../core/import/decode';
import { empty, shortText, type SchemasOf } from './common';

export const bookSchemas: SchemasOf<BookMethods> = {
  importEpub: z
    .object({
      fileName: shortText(260).trim().min(1),
      // A book as large as any file Lectio opens, as base64, and nothing but base64.
      data: z
        .string()
        .min(1)
        .max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, `books are limited to ${MAX_FILE_BYTES / 1e6} MB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the book’s bytes must be base64'),
    })
    .strict(),
  importProgress: empty,
  cancelImport: empty,
};
