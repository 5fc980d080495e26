/**
 * The library's organisation, in `organisation.json`: collections, each organised document's tags, collections,
 * archive flag and reading position, and the Library's remembered sort and filter. One library-wide file, apart from
 * the index (`library.json`), so that an older Lectio still reads the index, and saving a reading position rewrites
 * this small file rather than the document list. A library from before organising has no such file: it opens as an
 * empty organisation (nothing is rewritten), and the file is written on the first change.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import {
  DEFAULT_LIBRARY_VIEW,
  MAX_TAG_LENGTH,
  type Collection,
  type DocumentOrganisation,
  type LibraryView,
} from '../core/library/organisation';
import { openStoreHoldingNewer, type NewerSchema } from './json-store';
import { openRecovering, type Recovery } from './recovery';

export const ORGANISATION_SCHEMA_VERSION = 1;
export const ORGANISATION_FILE = 'organisation.json';

export interface OrganisationFile {
  schemaVersion: number;
  collections: Collection[];
  /** By document id; a document absent here is unorganised. */
  documents: Record<string, DocumentOrganisation>;
  view: LibraryView;
}

const collection = z.object({ id: z.string().min(1), name: z.string().min(1), createdAt: z.string() });
const documentOrganisation = z.object({
  tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)),
  collections: z.array(z.string().min(1)),
  archived: z.boolean(),
  position: z.object({ offset: z.number().int().nonnegative(), at: z.string() }).nullable(),
  progress: z.number().min(0).max(1),
});
const view = z.object({
  sort: z.enum(['added', 'published', 'title', 'source', 'progress', 'due']),
  direction: z.enum(['asc', 'desc']),
  filter: z.object({
    collection: z.string().nullable().optional(),
    tag: z.string().nullable().optional(),
    source: z.string().nullable().optional(),
    progress: z.enum(['unread', 'reading', 'finished']).nullable().optional(),
    due: z.boolean().optional(),
    archived: z.boolean().optional(),
  }),
});
const organisationFile = z.object({
  schemaVersion: z.literal(ORGANISATION_SCHEMA_VERSION),
  collections: z.array(collection),
  documents: z.record(z.string(), documentOrganisation),
  view,
});

export function isOrganisationFile(data: unknown): data is OrganisationFile {
  return organisationFile.safeParse(data).success;
}

export function emptyOrganisationFile(): OrganisationFile {
  return {
    schemaVersion: ORGANISATION_SCHEMA_VERSION,
    collections: [],
    documents: {},
    view: structuredClone(DEFAULT_LIBRARY_VIEW),
  };
}

export class OrganisationStore {
  #db: Low<OrganisationFile> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    /** Restores and announces an unreadable file; without it a bad file is only moved aside. */
    private readonly recovery?: Recovery,
  ) {}

  /**
   * Opens the file: a damaged one is moved aside (kept, never overwritten), replaced by the newest backup's good copy,
   * and announced; one from a newer Lectio is held untouched. Returns what is known of a held file.
   */
  async open(): Promise<NewerSchema | undefined> {
    const spec = {
      file: path.join(this.dataDir, ORGANISATION_FILE),
      schemaVersion: ORGANISATION_SCHEMA_VERSION,
      defaults: emptyOrganisationFile,
      isValid: isOrganisationFile,
    };
    const opened = await openStoreHoldingNewer(
      () => openRecovering<OrganisationFile>(spec, ORGANISATION_FILE, this.recovery, this.now()),
      spec,
    );
    this.#db = opened.db;
    return opened.heldNewer;
  }

  get db(): Low<OrganisationFile> {
    if (!this.#db) throw new Error('The organisation file is not open');
    return this.#db;
  }
}
