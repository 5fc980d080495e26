/** The books part of the API contract: importing an EPUB from a file (importFromUrl takes one from a web address). */
import type { Empty } from './common';
import type { DocumentSummary } from './documents';

/** An EPUB book from a file: its bytes as base64 (both transports carry JSON). */
export interface ImportEpubInput {
  fileName: string;
  data: string;
}

export interface BookMethods {
  /** Reads an EPUB whole (chapters as sections, its table of contents, metadata) and saves it; refuses with a clear message otherwise. */
  importEpub: { input: ImportEpubInput; output: DocumentSummary };
  /** How far the book being imported has got (chapters read of total); not running when none is. */
  importProgress: { input: Empty; output: { running: boolean; done: number; total: number } };
  /** Stops every book being imported; their calls fail with the 'cancelled' error, and nothing is stored. */
  cancelImport: { input: Empty; output: { stopped: number } };
}
