/**
 * THE contract between the renderer and the service: method names, argument and result types, and the channel names
 * both transports (Electron IPC, browser-mode HTTP) derive from them. It holds no runtime dependency, so the sandboxed
 * preload and the renderer import it without pulling in the validation library; the schemas live in schemas.ts.
 */
import type { Anchored } from '../core/anchoring/anchor';
import type {
  CardImportReport,
  CardStatsView,
  CardView,
  CreateCardInput,
  DueCounts,
  Grade,
  GradeOption,
  GradeResult,
  ReviewQueue,
  ReviewSettings,
  StoredCard,
  UpdateCardInput,
} from './cards-contract';
import type { Highlight, HighlightColor } from '../core/annotations/highlight';
import type { ActorType, ExtractionResult } from '../core/extract/types';
import type { SearchHit } from '../core/search/library-index';
import type { QuizSessionRecord, SessionQuestion } from '../core/quiz/session';
import type { WrongReason } from '../core/quiz/types';
import type { SetAside } from '../core/analysis/corrections';
import type { DocumentBody, DocumentMeta, LectioDocument } from '../core/model';

/** 'structured' carries a body the renderer built from HTML (see core/import/structured.ts for how it is checked). */
export type ImportFormat = 'text' | 'markdown' | 'structured';

export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  dataDir: string;
  notices: Notice[];
}

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
}

export interface UpdateDocumentInput {
  id: string;
  title?: string;
  source?: string;
  publishedDate?: string | null;
}

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

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

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

export type ColorLabelMap = Record<'1' | '2' | '3' | '4' | '5', string>;

export type * from './cards-contract';

export interface Settings {
  colorLabels: ColorLabelMap;
  /** Scheduling: stored in settings.json, absent in files older than the cards feature (defaults apply). */
  review: ReviewSettings;
  reading: ReadingSettings;
  quiz: { autoCardOnMiss: boolean };
}

/** What updateSettings takes: any part; in `review`, a day start left out keeps the one set. */
export type SettingsChange = Partial<Omit<Settings, 'review'>> & { review?: Omit<ReviewSettings, 'dayStartsAt'> & { dayStartsAt?: number } };

export interface ReadingSettings {
  theme: 'system' | 'light' | 'dark' | 'sepia';
  font: 'serif' | 'sans';
  /** Body text size in pixels. */
  size: number;
  /** Line width in characters. */
  width: number;
}

export type { QuizSessionRecord, SessionQuestion } from '../core/quiz/session';

export interface QuizRequest {
  documentIds: string[];
  /** How many questions; absent for every question the articles give. */
  count?: number;
  kinds?: string[];
  /** Fixes the questions and their order; a fresh one is made when absent. */
  seed?: string;
}

export interface QuizSessionSummary {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  titles: string[];
  total: number;
  answered: number;
  correct: number;
  /** Points earned: right answers, plus the share of pairs right in partly right match questions. */
  score: number;
}

/** One backup of the library (`backups/<id>/` in the data folder), as the Restore screen lists it. */
export interface BackupSummary {
  id: string;
  createdAt: string;
  /** Why it was taken: at start-up, on the half-hourly timer, on quit, by hand, or just before a restore. */
  reason: 'start' | 'scheduled' | 'quit' | 'manual' | 'before-restore';
  documents: number;
  files: number;
  bytes: number;
}

type Empty = Record<string, never>;

/** Every API method: what it takes and what it returns. */
export interface ApiMethods {
  appInfo: { input: Empty; output: AppInfo };
  listDocuments: { input: Empty; output: DocumentSummary[] };
  getDocument: { input: { id: string }; output: LectioDocument };
  importDocument: { input: ImportDocumentInput; output: DocumentSummary };
  /** Fetches the page at a web address (http or https) and saves its article; refuses with a clear message otherwise. */
  importFromUrl: { input: { url: string }; output: DocumentSummary };
  updateDocument: { input: UpdateDocumentInput; output: DocumentSummary };
  deleteDocument: { input: { id: string }; output: { id: string } };
  dismissNotice: { input: { id: string }; output: { id: string } };
  getAnalysis: { input: { id: string }; output: AnalysisView };
  correctAnalysis: { input: { id: string; correction: AnalysisCorrection }; output: AnalysisView };
  /** Stops every analysis in progress; their calls fail with the 'cancelled' error. */
  cancelAnalysis: { input: Empty; output: { stopped: number } };
  getAnnotations: { input: { documentId: string }; output: AnnotationsView };
  createHighlight: { input: CreateHighlightInput; output: AnchoredHighlight };
  updateHighlight: { input: UpdateHighlightInput; output: AnchoredHighlight };
  deleteHighlight: { input: { documentId: string; id: string }; output: Highlight };
  restoreHighlight: { input: { documentId: string; highlight: Highlight }; output: AnchoredHighlight };
  setDocumentNote: { input: { documentId: string; note: string }; output: { documentNote: string } };
  /** One export runs at a time (see exportProgress); another started meanwhile fails with 'invalid-argument'. */
  exportAnnotations: { input: { documentId: string; format: AnnotationExportFormat }; output: ExportedFile };
  importAnnotations: { input: ImportAnnotationsInput; output: AnnotationImportReport };
  search: { input: { query: string; limit?: number }; output: SearchHit[] };
  prepareQuiz: { input: QuizRequest; output: { seed: string; questions: SessionQuestion[] } };
  startQuiz: { input: QuizRequest; output: QuizSessionRecord };
  answerQuiz: { input: { sessionId: string; questionId: string; given: string }; output: { correct: boolean; expected: string; credit?: { right: number; of: number } } };
  finishQuiz: { input: { sessionId: string }; output: QuizSessionSummary };
  listQuizSessions: { input: Empty; output: QuizSessionSummary[] };
  getQuizSession: { input: { id: string }; output: QuizSessionRecord };
  /**
   * Hides a question for good. With a reason (and the session it was asked in), the fact it asked about is corrected
   * for its document too: `corrected` says how, or is absent when the reason only hides it.
   */
  hideQuestion: { input: { questionId: string; sessionId?: string; reason?: WrongReason }; output: { hidden: number; corrected?: string } };
  getSettings: { input: Empty; output: Settings };
  updateSettings: { input: SettingsChange; output: Settings };
  listBackups: { input: Empty; output: BackupSummary[] };
  createBackup: { input: Empty; output: BackupSummary };
  /** How far the backup the reader asked for has got (two steps a file), while one runs. */
  backupProgress: { input: Empty; output: { running: boolean; done: number; total: number } };
  /** Stops that backup; its partial copy is removed and it fails with the 'cancelled' error. */
  cancelBackup: { input: Empty; output: { cancelled: boolean } };
  /** Replaces the library with the backup, after taking a backup of the current state (returned as `safety`). */
  restoreBackup: { input: { id: string }; output: { restored: BackupSummary; safety: BackupSummary } };
  listCards: { input: Empty; output: CardView[] };
  createCard: { input: CreateCardInput; output: CardView };
  createCardFromHighlight: { input: { documentId: string; highlightId: string }; output: { card: CardView; created: boolean } };
  updateCard: { input: UpdateCardInput; output: CardView };
  deleteCard: { input: { id: string }; output: StoredCard };
  restoreCard: { input: { card: StoredCard }; output: CardView };
  getReviewQueue: { input: Empty; output: ReviewQueue };
  /**
   * `shown`: what the grade's button showed (its option from the queue). When the grade would now set another interval
   * (a new reader day began since the queue was loaded), nothing is written and the call fails, so no grade applies an
   * interval the reader did not see.
   */
  gradeCard: { input: { id: string; grade: Grade; shown?: Pick<GradeOption, 'due' | 'label'> }; output: GradeResult };
  undoGrade: { input: { reviewId: string }; output: CardView };
  getCardStats: { input: Empty; output: CardStatsView };
  /** Cards due now and new cards today's limit allows: the one count the top bar, Review and Cards show. */
  getDueCounts: { input: Empty; output: DueCounts };
  /** One export runs at a time (see exportProgress); another started meanwhile fails with 'invalid-argument'. */
  exportCards: { input: { documentId?: string }; output: ExportedFile };
  importCards: { input: { content: string }; output: CardImportReport };
  /** How far the export under way (exportAnnotations or exportCards) has got, in highlights or cards. */
  exportProgress: { input: Empty; output: { running: boolean; done: number; total: number } };
  /** Stops that export: it fails with the 'cancelled' error and returns no file. */
  cancelExport: { input: Empty; output: { cancelled: boolean } };
}

export type MethodName = keyof ApiMethods;
export type MethodInput<M extends MethodName> = ApiMethods[M]['input'];
export type MethodOutput<M extends MethodName> = ApiMethods[M]['output'];

/** The method list at run time; `satisfies` plus the check below keep it equal to ApiMethods' keys. */
export const METHOD_NAMES = [
  'appInfo',
  'listDocuments',
  'getDocument',
  'importDocument',
  'importFromUrl',
  'updateDocument',
  'deleteDocument',
  'dismissNotice',
  'getAnalysis',
  'correctAnalysis',
  'cancelAnalysis',
  'getAnnotations',
  'createHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'setDocumentNote',
  'exportAnnotations',
  'importAnnotations',
  'search',
  'prepareQuiz',
  'startQuiz',
  'answerQuiz',
  'finishQuiz',
  'listQuizSessions',
  'getQuizSession',
  'hideQuestion',
  'getSettings',
  'updateSettings',
  'listBackups',
  'createBackup',
  'backupProgress',
  'cancelBackup',
  'restoreBackup',
  'listCards',
  'createCard',
  'createCardFromHighlight',
  'updateCard',
  'deleteCard',
  'restoreCard',
  'getReviewQueue',
  'gradeCard',
  'undoGrade',
  'getCardStats',
  'getDueCounts',
  'exportCards',
  'importCards',
  'exportProgress',
  'cancelExport',
] as const satisfies readonly MethodName[];
type MissingMethods = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const everyMethodListed: MissingMethods extends never ? true : MissingMethods = true;
void everyMethodListed;

/** Failures cross the boundary as core/errors.ts's ApiError: one of its API codes and a message for the reader. */
export type { ApiError, ApiErrorCode, ErrorCode } from '../core/errors';
import type { ApiError } from '../core/errors';

/** What crosses the boundary: a value or a typed error, never a stack trace. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The typed client surface the renderer calls, whatever the transport. */
export type LectioApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

/** Electron IPC channel of a method. The preload and the main-process registration both use this, nothing else. */
export function ipcChannel(method: MethodName): string {
  return `lectio:${method}`;
}

/** Browser-mode HTTP path of a method (POST, JSON body). */
export function httpPath(method: MethodName): string {
  return `/api/${method}`;
}

/** A text file the user picked, decoded; `format` is read from its bytes first, its extension second (core/import/sniff.ts). */
export interface OpenedFile {
  fileName: string;
  text: string;
  format: 'text' | 'markdown' | 'html';
}

/** Desktop-only calls, answered by the Electron main process (browser mode uses a file input instead). */
export interface DesktopBridge {
  openTextFile(): Promise<ApiResult<OpenedFile | null>>;
  /** Opens the library folder in the system's file manager. */
  revealDataFolder(): Promise<ApiResult<null>>;
  /**
   * Resolves with the next application-menu command for this window. The preload keeps one such call open and hands
   * each command to the page's listener: menu commands travel over the same sender-checked invoke path as every
   * other call, instead of a second, push-style channel.
   */
  nextMenuCommand(): Promise<ApiResult<MenuCommand>>;
  /** The files the system asked Lectio to open since the last call ('open-files' says there are some). */
  takeOpenedFiles(): Promise<ApiResult<OpenedFile[]>>;
}

/** What the native application menu asks the page to do. */
export type MenuCommand =
  | 'import'
  | 'import-url'
  | 'export-markdown'
  | 'search'
  | 'library'
  | 'quiz'
  | 'review'
  | 'cards'
  | 'settings'
  | 'toggle-sidebar'
  | 'shortcuts'
  | 'undo'
  | 'open-files'
  | 'theme:system'
  | 'theme:light'
  | 'theme:dark'
  | 'theme:sepia';

export const DESKTOP_METHOD_NAMES = ['openTextFile', 'revealDataFolder', 'nextMenuCommand', 'takeOpenedFiles'] as const satisfies readonly (keyof DesktopBridge)[];

/** IPC channel of a desktop-only call. */
export function desktopChannel(method: keyof DesktopBridge): string {
  return `lectio-desktop:${method}`;
}

/** What the preload exposes on `window.lectio`: one function per contract method, plus the desktop calls. */
export interface PreloadBridge {
  host: 'electron';
  invoke: { [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>> };
  desktop: Omit<DesktopBridge, 'nextMenuCommand'>;
  /** Calls `listener` with each application-menu command, for as long as the page lives. */
  onMenuCommand(listener: (command: MenuCommand) => void): void;
}

export const TOKEN_HEADER = 'x-lectio-token';

/** Largest article the importers accept, in UTF-16 code units (about 2 million words). */
export const MAX_IMPORT_CHARS = 12_000_000;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}
