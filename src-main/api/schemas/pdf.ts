/** Validation of the PDF methods' arguments. */
import { z } from 'zod';
import { MAX_PDF_BYTES, type PdfMethods } from '../contract';
import { empty, type SchemasOf } from './common';

export const pdfSchemas: SchemasOf<PdfMethods> = {
  importPdf: z
    .object({
      data: z
        .string()
        .min(1)
        .max(Math.ceil(MAX_PDF_BYTES / 3) * 4, `PDFs are limited to ${MAX_PDF_BYTES / 1e6} MB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file must be sent as base64'),
      fileName: z.string().trim().min(1).max(300),
    })
    .strict(),
  pdfImportProgress: empty,
  cancelPdfImport: empty,
};
