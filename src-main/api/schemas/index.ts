/**
 * Validation schemas for every API method's argument (zod), one file per area of the contract. The main process
 * treats each incoming argument as `unknown` and parses it here before the service sees it.
 */
import type { ApiMethods } from '../contract';
import { analysisSchemas } from './analysis';
import { annotationSchemas } from './annotations';
import { bookSchemas } from './books';
import { cardSchemas } from './cards';
import type { SchemasOf } from './common';
import { documentSchemas } from './documents';
import { librarySchemas } from './library';
import { organiseSchemas } from './organise';
import { pdfSchemas } from './pdf';
import { quizSchemas } from './quiz';
import { settingsSchemas } from './settings';
import { connectorSchemas } from './connector';
import { ankiSchemas } from './anki';
import { fsrsSchemas } from './fsrs';
import { actorSchemas } from './actors';
import { syncSchemas } from './sync';
import { studySchemas } from './study';
import { timelineSchemas } from './timeline';
import { syncPasswordSchemas } from './sync-password';

export const inputSchemas: SchemasOf<ApiMethods> = {
  ...librarySchemas,
  ...documentSchemas,
  ...bookSchemas,
  ...analysisSchemas,
  ...annotationSchemas,
  ...quizSchemas,
  ...settingsSchemas,
  ...connectorSchemas,
  ...cardSchemas,
  ...organiseSchemas,
  ...pdfSchemas,
  ...ankiSchemas,
  ...fsrsSchemas,
  ...actorSchemas,
  ...syncSchemas,
  ...studySchemas,
  ...timelineSchemas,
  ...syncPasswordSchemas,
};
