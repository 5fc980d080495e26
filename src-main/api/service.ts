/**
 * The one implementation of the API contract, composed from its parts (documents, analysis, …) over storage and the
 * pure core. It knows nothing of Electron or HTTP: both hosts hand it arguments that dispatch.ts has already validated.
 */
import { randomUUID } from 'node:crypto';
import type { LectioApi } from './contract';
import { analysisMethods } from './services/analysis';
import { annotationMethods } from './services/annotations';
import { backupMethods } from './services/backups';
import { cardMethods } from './services/cards';
import { fsrsMethods } from './services/fsrs';
import { connectorSettingsMethods } from './services/connector-settings';
import type { ServiceDeps, ServiceOptions } from './services/deps';
import { bookImportMethods } from './services/book-import';
import { documentMethods } from './services/documents';
import { webImportMethods } from './services/web-import';
import { pdfImportMethods } from './services/pdf-import';
import { ExportJobs, exportMethods } from './services/exports';
import { quizMethods } from './services/quiz';
import { searchMethods } from './services/search';
import { organiseMethods } from './services/organise';
import { settingsMethods } from './services/settings';
import { actorMethods } from './services/actors';
import { syncMethods } from './services/sync';
import { studyMethods } from './services/study';
import { timelineMethods } from './services/library-timeline';
import { syncPasswordMethods } from './services/sync-password';

export { seedNewLibrary, type SampleArticle } from './services/documents';
export type { ServiceOptions } from './services/deps';

export function createService(options: ServiceOptions): LectioApi {
  const deps: ServiceDeps = {
    options,
    storage: options.storage,
    now: options.now,
    newId: options.newId ?? randomUUID,
    exports: new ExportJobs(),
  };
  const api: LectioApi = {
    ...documentMethods(deps),
    ...webImportMethods(deps),
    ...bookImportMethods(deps),
    ...analysisMethods(deps),
    ...annotationMethods(deps),
    ...settingsMethods(deps),
    ...searchMethods(deps, () => api),
    ...quizMethods(deps),
    ...cardMethods(deps),
    ...backupMethods(deps),
    ...exportMethods(deps.exports),
    ...connectorSettingsMethods(deps),
    ...organiseMethods(deps, () => api),
    ...pdfImportMethods(deps),
    ...fsrsMethods(deps),
    ...actorMethods(deps),
    ...syncMethods(deps),
    ...studyMethods(deps),
    ...timelineMethods(deps),
    ...syncPasswordMethods(deps),
  };
  return api;
}
