/**
 * Every API method, area by area, as one map: the dispatcher, the preload, the HTTP host and the renderer's client are
 * all typed from it. A method is added in its area's file and named once in METHOD_NAMES below.
 */
import type { AnalysisMethods } from './analysis';
import type { AnnotationMethods } from './annotations';
import type { BookMethods } from './books';
import type { CardMethods } from './cards';
import type { DocumentMethods } from './documents';
import type { LibraryMethods } from './library';
import type { OrganiseMethods } from './organise';
import type { PdfMethods } from './pdf';
import type { QuizMethods } from './quiz';
import type { SettingsMethods } from './settings';
import type { ConnectorMethods } from './connector';
import type { AnkiMethods } from './anki';
import type { FsrsMethods } from './fsrs';
import type { ActorMethods } from './actors';
import type { SyncMethods } from './sync';
import type { StudyMethods } from './study';
import type { TimelineMethods } from './timeline';
import type { SyncPasswordMethods } from './sync-password';

/** Every API method: what it takes and what it returns. */
export interface ApiMethods
  extends
    LibraryMethods,
    DocumentMethods,
    BookMethods,
    AnalysisMethods,
    AnnotationMethods,
    QuizMethods,
    SettingsMethods,
    ConnectorMethods,
    CardMethods,
    PdfMethods,
    OrganiseMethods,
    AnkiMethods,
    FsrsMethods,
    ActorMethods,
    SyncMethods,
    StudyMethods,
    TimelineMethods,
    SyncPasswordMethods {}

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
  'webImportProgress',
  'cancelWebImport',
  'importEpub',
  'importProgress',
  'cancelImport',
  'updateDocument',
  'deleteDocument',
  'dismissNotice',
  'getAnalysis',
  'correctAnalysis',
  'cancelAnalysis',
  'analysisProgress',
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
  'retryQuiz',
  'getMastery',
  'hideQuestion',
  'getSettings',
  'updateSettings',
  'getConnectorStatus',
  'makeConnectorToken',
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
  'importPdf',
  'pdfImportProgress',
  'cancelPdfImport',
  'getOrganisation',
  'getDueByDocument',
  'getDocumentOrganisation',
  'createCollection',
  'renameCollection',
  'deleteCollection',
  'organiseDocuments',
  'setDocumentTags',
  'saveReadingPosition',
  'setLibraryView',
  'deleteDocuments',
  'undoDeleteDocuments',
  'purgeDeletedDocuments',
  'exportDocuments',
  'exportApkg',
  'getAnkiStatus',
  'sendToAnki',
  'getFsrsStatus',
  'optimiseFsrs',
  'resetFsrsParameters',
  'getDossier',
  'findActors',
  'mergeActors',
  'splitActor',
  'undoActorCorrection',
  'getSyncStatus',
  'configureSync',
  'syncNow',
  'setLiveSync',
  'stopSyncing',
  'listSyncConflicts',
  'resolveSyncConflict',
  'planStudy',
  'getLibraryTimeline',
  'answerTimelineEvent',
  'getSyncPasswordStore',
  'getSyncArrivals',
] as const satisfies readonly MethodName[];
type MissingMethods = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const everyMethodListed: MissingMethods extends never ? true : MissingMethods = true;
void everyMethodListed;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/** The typed client surface the renderer calls, whatever the transport. */
export type LectioApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};
