/** The shapes of Lectio's data files, checked on every load so a file that parses but is damaged is never trusted. */
import { z } from 'zod';

/** A type guard from a schema: every data file's shape is checked the same way, with zod. */
function guardOf<T>(schema: z.ZodType): (data: unknown) => data is T {
  return (data: unknown): data is T => schema.safeParse(data).success;
}
import type { Corrections } from '../core/analysis/corrections';
import type { Highlight } from '../core/annotations/highlight';
import { isLectioId, lectioIdFor } from '../core/annotations/highlight-id';
import type { Anchored } from '../core/anchoring/anchor';
import type { ExtractionResult } from '../core/extract/types';
import type { DocumentBody, DocumentMeta } from '../core/model';

export const LIBRARY_SCHEMA_VERSION = 1;
export const DOCUMENT_SCHEMA_VERSION = 1;
export const ANNOTATIONS_SCHEMA_VERSION = 1;
export const ANALYSIS_SCHEMA_VERSION = 1;
export const SETTINGS_SCHEMA_VERSION = 1;

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

const documentMeta = z.object({
  id: z.string().min(1),
  title: z.string(),
  source: z.string(),
  publishedDate: z.string().nullable(),
  addedAt: z.string(),
  wordCount: z.number().int().nonnegative(),
  origin: z.string(),
  url: z.string().optional(),
  highlightCount: z.number().int().nonnegative().optional(),
  authors: z.array(z.string()).optional(),
  siteName: z.string().optional(),
  language: z.string().optional(),
  canonicalUrl: z.string().optional(),
  modifiedDate: z.string().nullable().optional(),
  leadImage: z.string().optional(),
  pageCount: z.number().int().positive().optional(),
  deletedAt: z.string().optional(),
});

const documentBody = z.object({
  text: z.string(),
  blocks: z.array(
    z.object({
      kind: z.enum(['paragraph', 'heading', 'list-item', 'quote', 'image', 'caption']),
      ...span,
      level: z.number().int().optional(),
      page: z.number().int().positive().optional(),
      image: z
        .object({
          id: z.string(),
          alt: z.string(),
          width: z.number().int().positive().optional(),
          height: z.number().int().positive().optional(),
        })
        .optional(),
    }),
  ),
  marks: z.array(
    z.object({ kind: z.enum(['emphasis', 'strong', 'link', 'code']), ...span, href: z.string().optional() }),
  ),
  sections: z.array(z.object({ title: z.string(), ...span, level: z.number().int().positive() })).optional(),
});

export interface LibraryFile {
  schemaVersion: number;
  documents: StoredDocumentMeta[];
}

/**
 * A document's entry in the index. `deletedAt` marks a document the reader deleted whose Undo is still open: it is
 * listed nowhere, but its files are all kept until it is purged (document-repository.ts). Optional, so an index
 * written before it is valid as it is; an older Lectio ignores the field.
 */
export interface StoredDocumentMeta extends DocumentMeta {
  deletedAt?: string;
}

export interface DocumentFile {
  schemaVersion: number;
  id: string;
  body: DocumentBody;
}

const libraryFile = z.object({ schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION), documents: z.array(documentMeta) });
const documentFile = z.object({
  schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION),
  id: z.string(),
  body: documentBody,
});

export const isLibraryFile = guardOf<LibraryFile>(libraryFile);

export const isDocumentFile = guardOf<DocumentFile>(documentFile);

export interface AnnotationsFile {
  schemaVersion: number;
  documentId: string;
  highlights: Highlight[];
  documentNote: string;
  corrections: Corrections;
  /**
   * Where each highlight anchored (null: an orphan) in the text whose digest is `textKey`, so reading a document does
   * not re-anchor every highlight each time: a fuzzy re-anchoring of a misplaced one can take milliseconds, and a
   * thousand of them held the service for seconds on every open. Derived data, recomputed when the text changes.
   * Absent in files written before it existed.
   */
  anchors?: AnchorCache;
}

export interface AnchorCache {
  textKey: string;
  at: Record<string, Anchored | null>;
}

export interface AnalysisFile {
  schemaVersion: number;
  documentId: string;
  /** The cached result, valid while engineVersion, referenceDate and textLength match. */
  cache: { engineVersion: string; referenceDate: string | null; textLength: number; result: ExtractionResult } | null;
}

const actorType = z.enum(['person', 'country', 'organization']);
const highlight = z.object({
  id: z.string(),
  documentId: z.string(),
  color: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  selectors: z.tuple([
    z.object({ type: z.literal('TextPositionSelector'), ...span }),
    z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }),
  ]),
  note: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  foreignId: z.string().optional(),
});
const anchored = z.object({ ...span, method: z.enum(['position', 'exact', 'fuzzy']), score: z.number().optional() });
const corrections = z.object({
  renames: z.record(z.string(), z.string()),
  merges: z.array(z.object({ from: z.string(), into: z.string() })),
  splits: z.array(z.object({ actor: z.string(), alias: z.string(), type: actorType })),
  added: z.array(z.object({ name: z.string(), type: actorType, role: z.string().optional() })),
  removed: z.array(z.string()),
  dateValues: z.record(z.string(), z.string()),
  // Optional: annotation files written before quiz feedback have neither, and stay valid.
  droppedRoles: z.array(z.object({ actor: z.string(), role: z.string() })).optional(),
  removedDates: z.array(z.string()).optional(),
  confirmed: z.array(z.string()).optional(),
});
const annotationsFile = z.object({
  schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
  documentId: z.string(),
  highlights: z.array(highlight),
  documentNote: z.string(),
  corrections,
  anchors: z.object({ textKey: z.string(), at: z.record(z.string(), anchored.nullable()) }).optional(),
});
const analysisFile = z.object({
  schemaVersion: z.literal(ANALYSIS_SCHEMA_VERSION),
  documentId: z.string(),
  cache: z
    .object({
      engineVersion: z.string(),
      referenceDate: z.string().nullable(),
      textLength: z.number(),
      result: z.object({ actors: z.array(z.unknown()), dates: z.array(z.unknown()) }).passthrough(),
    })
    .nullable(),
});

export const isAnnotationsFile = guardOf<AnnotationsFile>(annotationsFile);

export const isAnalysisFile = guardOf<AnalysisFile>(analysisFile);

/**
 * An annotations file with every highlight on a Lectio id. Earlier Lectio kept an imported annotation's W3C id (an IRI
 * such as `https://example.org/anno/1`) as its id, which the API's update and delete refuse, so such a highlight could
 * be neither edited nor deleted: it gets the Lectio id derived from the IRI and keeps the IRI as `foreignId`. The
 * derived id is the one an import gives today, so a re-import still finds it. Null when every id is already good.
 */
export function upgradeAnnotationsFile(data: AnnotationsFile): AnnotationsFile | null {
  if (data.highlights.every((h) => isLectioId(h.id))) return null;
  const highlights = data.highlights.map((h) =>
    isLectioId(h.id) ? h : { ...h, id: lectioIdFor(h.id), foreignId: h.foreignId ?? h.id },
  );
  // The cached anchors are keyed by the old ids; drop them, they are recomputed on the next read.
  const upgraded: AnnotationsFile = { ...data, highlights };
  delete upgraded.anchors;
  return upgraded;
}

export interface SettingsFile {
  schemaVersion: number;
  colorLabels: Record<'1' | '2' | '3' | '4' | '5', string>;
  /**
   * Scheduling settings. Optional, so settings files written before flashcards stay valid with no migration (and an
   * older Lectio still reads a newer file); DEFAULT_REVIEW_SETTINGS fill in whatever is absent.
   */
  review?: { desiredRetention?: number; newPerDay?: number; dayStartsAt?: number };
  /** How the Reader looks; optional like `review`, defaults in DEFAULT_READING_SETTINGS. */
  reading?: Partial<ReadingSettingsFile>;
  quiz?: { autoCardOnMiss?: boolean };
  /** The browser connector's pairing token, as its SHA-256 (hex): the token itself is shown once and never stored. */
  connector?: { tokenHash: string; createdAt: string };
  /** FSRS parameters optimised from the reader's reviews, with how well they fit; absent: FSRS's defaults. */
  fsrs?: FsrsParametersFile;
}

export interface FsrsLossFile {
  logLoss: number;
  rmse: number;
}

export interface FsrsParametersFile {
  parameters: number[];
  optimisedAt: string;
  /** Long-term reviews the fit used. */
  reviews: number;
  /** Log loss and RMSE on those reviews with the parameters before and after. */
  before: FsrsLossFile;
  after: FsrsLossFile;
}

export interface ReadingSettingsFile {
  theme: 'system' | 'light' | 'dark' | 'sepia';
  font: 'serif' | 'sans';
  /** Body text size in pixels. */
  size: number;
  /** Line width in characters. */
  width: number;
}

export const DEFAULT_READING_SETTINGS: ReadingSettingsFile = { theme: 'system', font: 'serif', size: 19, width: 68 };

export const DEFAULT_REVIEW_SETTINGS = { desiredRetention: 0.9, newPerDay: 20, dayStartsAt: 4 } as const;

export const DEFAULT_COLOR_LABELS: SettingsFile['colorLabels'] = {
  '1': 'Key point',
  '2': 'Actor',
  '3': 'Date or event',
  '4': 'Question',
  '5': 'Disagree',
};

const label = z.string().min(1).max(40);
const settingsFile = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  colorLabels: z.object({ '1': label, '2': label, '3': label, '4': label, '5': label }),
  review: z
    .object({
      desiredRetention: z.number().min(0.7).max(0.99).optional(),
      newPerDay: z.number().int().min(0).max(9999).optional(),
      dayStartsAt: z.number().int().min(0).max(23).optional(),
    })
    .optional(),
  reading: z
    .object({
      theme: z.enum(['system', 'light', 'dark', 'sepia']).optional(),
      font: z.enum(['serif', 'sans']).optional(),
      size: z.number().min(12).max(32).optional(),
      width: z.number().min(40).max(100).optional(),
    })
    .optional(),
  quiz: z.object({ autoCardOnMiss: z.boolean().optional() }).optional(),
  connector: z.object({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/), createdAt: z.string().max(40) }).optional(),
  fsrs: z
    .object({
      parameters: z.array(z.number()).length(21),
      optimisedAt: z.string().max(40),
      reviews: z.number().int().min(0),
      before: z.object({ logLoss: z.number(), rmse: z.number() }),
      after: z.object({ logLoss: z.number(), rmse: z.number() }),
    })
    .optional(),
});

export const isSettingsFile = guardOf<SettingsFile>(settingsFile);
