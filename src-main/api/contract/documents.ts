/** The documents part of the API contract: importing (text, Markdown, structured HTML, a web address), listing, editing. */
import type { DocumentBody, DocumentMeta, LectioDocument } from '../../core/model';
import type { Empty } from './common';

/** Largest article the importers accept, in UTF-16 code units (about 2 million words). */
export const MAX_IMPORT_CHARS = 12_000_000;

/** 'structured' carries a body the renderer built from HTML (see core/import/structured.ts for how it is checked). */
export type ImportFormat = 'text' | 'markdown' | 'structured';

export interface DocumentSummary extends DocumentMeta {
  highlightCount: number;
}

export interface ImportDocumentInput {
  text: string;
  format: ImportFormat;
  /** With format 'structured': the document body; `text` is then ignored. */
  body?: DocumentBody;
  title?: string;
  source?: string;
  /** The date the page says it was published (YYYY-MM-DD), read from its metadata; the analysis's reference date. */
  publishedDate?: string;
  /** The file's name when imported from a file; shown as the document's origin. */
  fileName?: string;
  /** What an HTML file's metadata says besides title, source and date (the same fields a saved web page gets). */
  metadata?: ImportedMetadata;
}

export type ImportedMetadata = Partial<Pick<DocumentMeta, 'authors' | 'siteName' | 'language' | 'canonicalUrl'>> & {
  modifiedDate?: string;
};

export interface UpdateDocumentInput {
  id: string;
  title?: string;
  source?: string;
  publishedDate?: string | null;
}

export interface DocumentMethods {
  listDocuments: { input: Empty; output: DocumentSummary[] };
  getDocument: { input: { id: string }; output: LectioDocument };
  importDocument: { input: ImportDocumentInput; output: DocumentSummary };
  /** Fetches the page at a web address (http or https) and saves its article; refuses with a clear message otherwise. */
  importFromUrl: { input: { url: string; wholePage?: boolean }; output: DocumentSummary };
  /** How far the save from a web address has got: 0 of 0 while the page comes, then its pictures downloaded of all. */
  webImportProgress: { input: Empty; output: { running: boolean; done: number; total: number } };
  /** Stops that save: it fails with the 'cancelled' error and nothing is stored. */
  cancelWebImport: { input: Empty; output: { cancelled: boolean } };
  updateDocument: { input: UpdateDocumentInput; output: DocumentSummary };
  deleteDocument: { input: { id: string }; output: { id: string } };
}
