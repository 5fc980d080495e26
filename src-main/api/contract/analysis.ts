/** The analysis part of the API contract: the engine's actors and dates for a document, and the reader's corrections. */
import type { SetAside } from '../../core/analysis/corrections';
import type { ActorType, ExtractionResult } from '../../core/extract/types';
import type { Empty } from './common';

/** The engine's actors and dates for a document, with the reader's corrections applied. */
export interface AnalysisView extends ExtractionResult {
  documentId: string;
  /** True when served from the per-document cache (same engine version, reference date and text). */
  cached: boolean;
  /** What the reader's corrections took out (removed actors, dropped roles, wrong dates), to be put back. */
  setAside: SetAside;
}

/** One correction the reader makes to the engine; stored, and applied over every later run. */
export type AnalysisCorrection =
  | { kind: 'rename'; actor: string; name: string }
  | { kind: 'merge'; from: string; into: string }
  | { kind: 'split'; actor: string; alias: string; type: ActorType }
  | { kind: 'add'; name: string; type: ActorType; role?: string }
  | { kind: 'remove'; actor: string }
  | { kind: 'date-value'; start: number; end: number; value: string }
  | { kind: 'drop-role'; actor: string; role: string }
  | { kind: 'remove-date'; start: number; end: number }
  /** Undo a remove, drop-role or remove-date: the engine's actor, role or date is shown again. */
  | { kind: 'restore-actor'; actor: string }
  | { kind: 'restore-role'; actor: string; role: string }
  | { kind: 'restore-date'; start: number; end: number }
  /** The reader says an item the engine flagged "check this" is right: it is shown as sure and asked in quizzes. */
  | { kind: 'confirm-actor'; actor: string }
  | { kind: 'confirm-role'; actor: string; role: string }
  | { kind: 'confirm-date'; start: number; end: number };

export interface AnalysisMethods {
  getAnalysis: { input: { id: string }; output: AnalysisView };
  correctAnalysis: { input: { id: string; correction: AnalysisCorrection }; output: AnalysisView };
  /** Stops every analysis in progress; their calls fail with the 'cancelled' error. */
  cancelAnalysis: { input: Empty; output: { stopped: number } };
  /** How far the analysis of a document has got: sections (a book's chapters) done of total; not running when idle. */
  analysisProgress: { input: { id: string }; output: { running: boolean; done: number; total: number } };
}
