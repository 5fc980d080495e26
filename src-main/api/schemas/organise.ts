/** Validation of the organising methods' arguments: collections, tags, archive, reading position, view, delete with Undo. */
import { z } from 'zod';
import { MAX_IMPORT_CHARS, type OrganiseMethods } from '../contract';
import { id, type SchemasOf } from './common';

/** The Library's selection: at least one document, at most a whole large library. */
const ids = z.array(id).min(1, 'choose at least one document').max(20_000);
const tag = z.string().trim().min(1).max(60);
const tagList = z.array(tag).max(50);
const collectionName = z.string().max(100, 'collection names are at most 100 characters');

export const searchFilter = z
  .object({
    collection: id.nullable().optional(),
    tag: tag.nullable().optional(),
    source: z.string().max(300).nullable().optional(),
    progress: z.enum(['unread', 'reading', 'finished']).nullable().optional(),
    due: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .strict();

const view = z
  .object({
    sort: z.enum(['added', 'published', 'title', 'source', 'progress', 'due']),
    direction: z.enum(['asc', 'desc']),
    filter: searchFilter,
  })
  .strict();

export const organiseSchemas: SchemasOf<OrganiseMethods> = {
  getOrganisation: z.object({}).strict(),
  getDueByDocument: z.object({}).strict(),
  getDocumentOrganisation: z.object({ id }).strict(),
  createCollection: z.object({ name: collectionName }).strict(),
  renameCollection: z.object({ id, name: collectionName }).strict(),
  deleteCollection: z.object({ id }).strict(),
  organiseDocuments: z
    .object({
      ids,
      addTags: tagList.optional(),
      removeTags: tagList.optional(),
      addToCollection: id.optional(),
      removeFromCollection: id.optional(),
      archived: z.boolean().optional(),
    })
    .strict(),
  setDocumentTags: z.object({ id, tags: tagList }).strict(),
  saveReadingPosition: z
    .object({ id, offset: z.number().int().nonnegative().max(MAX_IMPORT_CHARS), progress: z.number().min(0).max(1) })
    .strict(),
  setLibraryView: z.object({ view }).strict(),
  deleteDocuments: z.object({ ids }).strict(),
  undoDeleteDocuments: z.object({ ids }).strict(),
  purgeDeletedDocuments: z.object({ ids }).strict(),
  exportDocuments: z.object({ ids: ids.max(500, 'export at most 500 articles at once') }).strict(),
};
