/** Validation of the sync password store's one method (it takes nothing). */
import type { SyncPasswordMethods } from '../contract';
import { empty, type SchemasOf } from './common';

export const syncPasswordSchemas: SchemasOf<SyncPasswordMethods> = {
  getSyncPasswordStore: empty,
};
