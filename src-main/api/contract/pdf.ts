/** The PDF part of the API contract: importing a PDF file page by page, with its progress and a Cancel. */
import type { Empty } from './common';
import type { DocumentSummary } from './documents';

/** Largest PDF file the importer accepts: 24 MB (a 300-page text PDF is typically 1–10 MB), 32 MB as base64. */
export const MAX_PDF_BYTES = 24_000_000;

export interface ImportPdfInput {
  /** The file's bytes, base64-encoded (at most MAX_PDF_BYTES before encoding). */
  data: string;
  fileName: string;
}

export interface PdfMethods {
  /** Reads a PDF file (its bytes as base64) into a document; one at a time (see pdfImportProgress). */
  importPdf: { input: ImportPdfInput; output: DocumentSummary };
  /** How far the PDF import under way (from a file or a web address) has got, in pages. */
  pdfImportProgress: { input: Empty; output: { running: boolean; done: number; total: number } };
  /** Stops that import: it fails with the 'cancelled' error and nothing is stored. */
  cancelPdfImport: { input: Empty; output: { cancelled: boolean } };
}
