/**
 * What counts as a good copy of each kind of data file, for the start-up check and for choosing a backup's copy: the
 * shape check of its kind at the current schema version. A file at another version is left to the store that opens
 * it (which migrates an older one and refuses a newer one); a kind this module does not know need only parse.
 */
import {
  ANALYSIS_SCHEMA_VERSION,
  ANNOTATIONS_SCHEMA_VERSION,
  DOCUMENT_SCHEMA_VERSION,
  LIBRARY_SCHEMA_VERSION,
  SETTINGS_SCHEMA_VERSION,
  isAnalysisFile,
  isAnnotationsFile,
  isDocumentFile,
  isLibraryFile,
  isSettingsFile,
} from './file-schemas';
import { CARDS_SCHEMA_VERSION, REVIEWS_SCHEMA_VERSION, isCardsFile, isReviewsFile } from './card-file-schemas';
import { QUIZ_SCHEMA_VERSION, isQuizFile } from './quiz-store';
import { ORGANISATION_SCHEMA_VERSION, isOrganisationFile } from './organisation-store';
import { DATE_INDEX_FOLDER, DATE_INDEX_SCHEMA_VERSION, isDateIndexBucket } from './date-index-repository';
import { EVENT_ANSWERS_FILE, EVENT_ANSWERS_SCHEMA_VERSION, isEventAnswersFile } from './event-answer-repository';

interface Kind {
  version: number;
  isValid: (data: unknown) => boolean;
}

const KINDS: Record<string, Kind> = {
  'library.json': { version: LIBRARY_SCHEMA_VERSION, isValid: isLibraryFile },
  'settings.json': { version: SETTINGS_SCHEMA_VERSION, isValid: isSettingsFile },
  documents: { version: DOCUMENT_SCHEMA_VERSION, isValid: isDocumentFile },
  annotations: { version: ANNOTATIONS_SCHEMA_VERSION, isValid: isAnnotationsFile },
  analysis: { version: ANALYSIS_SCHEMA_VERSION, isValid: isAnalysisFile },
  'cards.json': { version: CARDS_SCHEMA_VERSION, isValid: isCardsFile },
  'reviews.json': { version: REVIEWS_SCHEMA_VERSION, isValid: isReviewsFile },
  'quiz.json': { version: QUIZ_SCHEMA_VERSION, isValid: isQuizFile },
  'organisation.json': { version: ORGANISATION_SCHEMA_VERSION, isValid: isOrganisationFile },
  [DATE_INDEX_FOLDER]: { version: DATE_INDEX_SCHEMA_VERSION, isValid: isDateIndexBucket },
  [EVENT_ANSWERS_FILE]: { version: EVENT_ANSWERS_SCHEMA_VERSION, isValid: isEventAnswersFile },
};

/** True when `data` (already parsed) is a good copy of the data file at `relative`. */
export function acceptDataFile(relative: string, data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const kind = KINDS[relative.includes('/') ? (relative.split('/')[0] ?? '') : relative];
  if (!kind) return true;
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > 0 && version !== kind.version) return true;
  return kind.isValid(data);
}
