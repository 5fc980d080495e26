/**
 * The organising part of the API contract (issue #20): collections, tags, archive, reading position, the Library's
 * remembered view, acting on many documents at once, and deleting with Undo.
 */
import type { Collection, DocumentOrganisation, LibraryFilter, LibraryView } from '../../core/library/organisation';
import type { DocumentMeta } from '../../core/model';
import type { ExportedFile } from './common';
import type { Empty } from './common';

export type {
  Collection,
  DocumentOrganisation,
  LibraryFilter,
  LibrarySortKey,
  LibraryView,
  ReadingPosition,
} from '../../core/library/organisation';

/** A document deleted whose Undo is still open (also after a restart: it stays until purged). */
export interface DeletedDocument {
  id: string;
  title: string;
  deletedAt: string;
}

/** Everything the Library needs beside the document list, from one file: no document file is read. */
export interface LibraryOrganisation {
  collections: Collection[];
  /** Each organised document's record; a document absent here is unorganised. */
  documents: Record<string, DocumentOrganisation>;
  view: LibraryView;
  /** Deleted documents not yet purged, whose Undo the Library offers. */
  deleted: DeletedDocument[];
}

/** A change to many documents at once (the Library's selection); every part given is applied to each. */
export interface OrganiseDocumentsInput {
  ids: string[];
  addTags?: string[];
  removeTags?: string[];
  addToCollection?: string;
  removeFromCollection?: string;
  archived?: boolean;
}

export interface SaveReadingPositionInput {
  id: string;
  /** Offset in the canonical text of the first passage in view. */
  offset: number;
  /** How far the reader has scrolled, 0 to 1; the stored progress only grows. */
  progress: number;
}

export interface RestoredDocuments {
  documents: (DocumentMeta & { highlightCount: number })[];
}

export type { LibraryFilter as SearchFilter };

export interface OrganiseMethods {
  getOrganisation: { input: Empty; output: LibraryOrganisation };
  /** Flashcards due now per document id (documents with none are absent). */
  getDueByDocument: { input: Empty; output: Record<string, number> };
  /** One document's organisation (the Reader's tags and where to reopen it); fails with not-found for an unknown id. */
  getDocumentOrganisation: { input: { id: string }; output: DocumentOrganisation };
  createCollection: { input: { name: string }; output: Collection };
  renameCollection: { input: { id: string; name: string }; output: Collection };
  /** Removes the collection only: its documents stay in the library (and in their other collections). */
  deleteCollection: { input: { id: string }; output: { id: string } };
  /** Tags, files in or out of a collection, archives or unarchives many documents in one write; all or none. */
  organiseDocuments: { input: OrganiseDocumentsInput; output: Record<string, DocumentOrganisation> };
  setDocumentTags: { input: { id: string; tags: string[] }; output: DocumentOrganisation };
  saveReadingPosition: { input: SaveReadingPositionInput; output: DocumentOrganisation };
  setLibraryView: { input: { view: LibraryView }; output: LibraryView };
  /** Deletes with Undo: the documents are hidden at once and kept whole on disk until purgeDeletedDocuments. */
  deleteDocuments: { input: { ids: string[] }; output: { deleted: DeletedDocument[] } };
  undoDeleteDocuments: { input: { ids: string[] }; output: RestoredDocuments };
  purgeDeletedDocuments: { input: { ids: string[] }; output: { purged: number } };
  /** One Markdown file with each document's highlights and notes, in the order given. */
  exportDocuments: { input: { ids: string[] }; output: ExportedFile };
}
