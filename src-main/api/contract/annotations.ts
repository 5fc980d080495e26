/** The annotations part of the API contract: highlights (with notes and tags), the document note, export and import. */
import type { Anchored } from '../../core/anchoring/anchor';
import type { Highlight, HighlightColor } from '../../core/annotations/highlight';
import type { ExportedFile } from './common';

/** A stored highlight and where it anchors in the current text; `anchor: null` is an orphan, shown but never deleted. */
export interface AnchoredHighlight extends Highlight {
  anchor: Anchored | null;
}

export interface AnnotationsView {
  documentId: string;
  highlights: AnchoredHighlight[];
  documentNote: string;
}

export interface CreateHighlightInput {
  documentId: string;
  start: number;
  end: number;
  color: HighlightColor;
  note?: string;
  tags?: string[];
}

export interface UpdateHighlightInput {
  documentId: string;
  id: string;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

export type AnnotationExportFormat = 'markdown' | 'json';

export interface AnnotationImportReport {
  /** Highlights added to the document the import was asked for. */
  imported: number;
  /** Highlights it already had (the same ids). */
  skipped: number;
  errors: string[];
  /** Annotations whose source is another document of the library: left out, for the reader to import there. */
  elsewhere: { documentId: string; title: string; count: number }[];
  /**
   * Annotations whose source is no document of the library and whose quotes are not in this one: left out unless the
   * reader asks for them here (`attachUnmatched`). `sources` names a few of those sources.
   */
  unmatched: { count: number; sources: string[] };
}

export interface ImportAnnotationsInput {
  documentId: string;
  content: string;
  /** Put annotations whose source is no document of the library on this one anyway (the reader chose it). */
  attachUnmatched?: boolean;
}

export interface AnnotationMethods {
  getAnnotations: { input: { documentId: string }; output: AnnotationsView };
  createHighlight: { input: CreateHighlightInput; output: AnchoredHighlight };
  updateHighlight: { input: UpdateHighlightInput; output: AnchoredHighlight };
  deleteHighlight: { input: { documentId: string; id: string }; output: Highlight };
  restoreHighlight: { input: { documentId: string; highlight: Highlight }; output: AnchoredHighlight };
  setDocumentNote: { input: { documentId: string; note: string }; output: { documentNote: string } };
  /** One export runs at a time (see exportProgress); another started meanwhile fails with 'invalid-argument'. */
  exportAnnotations: { input: { documentId: string; format: AnnotationExportFormat }; output: ExportedFile };
  importAnnotations: { input: ImportAnnotationsInput; output: AnnotationImportReport };
}
