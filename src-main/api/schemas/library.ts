/** Validation of the library-wide methods' arguments: notices, search, backups, the export under way. */
import { z } from 'zod';
import type { LibraryMethods } from '../contract';
import { BACKUP_ID_PATTERN } from '../../storage/backups';
import { empty, type SchemasOf } from './common';
import { searchFilter } from './organise';

export const librarySchemas: SchemasOf<LibraryMethods> = {
  appInfo: empty,
  dismissNotice: z.object({ id: z.string().min(1).max(200) }).strict(),
  search: z
    .object({
      query: z.string().max(500),
      limit: z.number().int().min(1).max(200).optional(),
      filter: searchFilter.optional(),
    })
    .strict(),
  listBackups: empty,
  createBackup: empty,
  backupProgress: empty,
  cancelBackup: empty,
  restoreBackup: z
    .object({ id: z.string().regex(BACKUP_ID_PATTERN, 'backup ids are timestamps such as 2026-01-02T03-04-05-000Z') })
    .strict(),
  exportProgress: empty,
  cancelExport: empty,
};
