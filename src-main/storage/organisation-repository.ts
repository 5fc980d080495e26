/**
 * Collections, tags, archiving, reading positions and the Library's remembered view (`organisation.json`, through
 * the organisation store). Every change goes through `#write`, which saves the file and then reports each record it
 * changed to the change feed: a collection, one document's organisation, or the view.
 */
import {
  EMPTY_ORGANISATION,
  type Collection,
  type DocumentOrganisation,
  type LibraryView,
} from '../core/library/organisation';
import type { ChangeFeed, StorageChange } from './change-feed';
import { LectioError } from '../core/errors';
import type { OrganisationFile, OrganisationStore } from './organisation-store';

export class OrganisationRepository {
  constructor(
    private readonly store: OrganisationStore,
    private readonly feed: ChangeFeed,
  ) {}

  collections(): Collection[] {
    return this.store.db.data.collections.map((collection) => ({ ...collection }));
  }

  /** Throws a 'not-found' LectioError for an unknown id. */
  collection(id: string): Collection {
    const found = this.store.db.data.collections.find((collection) => collection.id === id);
    if (!found) throw new LectioError('not-found', `Collection ${id} was not found`);
    return { ...found };
  }

  /** Every organised document's record, by id (the stored records: read them, change them only through the methods below). */
  documents(): Readonly<Record<string, Readonly<DocumentOrganisation>>> {
    return this.store.db.data.documents;
  }

  /** A document's organisation; an unorganised document's is empty. */
  of(documentId: string): DocumentOrganisation {
    const stored = this.store.db.data.documents[documentId];
    return structuredClone(stored ?? EMPTY_ORGANISATION) as DocumentOrganisation;
  }

  view(): LibraryView {
    return structuredClone(this.store.db.data.view);
  }

  async addCollection(collection: Collection): Promise<void> {
    await this.#write([{ kind: 'collection', id: collection.id, documentId: null, op: 'put' }], (data) => {
      data.collections.push({ ...collection });
    });
  }

  /** Adds the collection or replaces the one with its id (what sync received from another device). */
  async putCollection(collection: Collection): Promise<void> {
    await this.#write([{ kind: 'collection', id: collection.id, documentId: null, op: 'put' }], (data) => {
      const at = data.collections.findIndex((c) => c.id === collection.id);
      if (at >= 0) data.collections[at] = { ...collection };
      else data.collections.push({ ...collection });
    });
  }

  /** Throws a 'not-found' LectioError for an unknown id. */
  async renameCollection(id: string, name: string): Promise<Collection> {
    this.collection(id);
    await this.#write([{ kind: 'collection', id, documentId: null, op: 'put' }], (data) => {
      data.collections = data.collections.map((collection) =>
        collection.id === id ? { ...collection, name } : collection,
      );
    });
    return this.collection(id);
  }

  /** Removes the collection and every document's membership of it, in one write; the documents stay. */
  async deleteCollection(id: string): Promise<void> {
    this.collection(id);
    const members = Object.entries(this.store.db.data.documents)
      .filter(([, org]) => org.collections.includes(id))
      .map(([docId]) => docId);
    const changes: StorageChange[] = [
      { kind: 'collection', id, documentId: null, op: 'delete' },
      ...members.map((docId) => documentChange(docId, 'put')),
    ];
    await this.#write(changes, (data) => {
      data.collections = data.collections.filter((collection) => collection.id !== id);
      for (const docId of members) {
        const org = data.documents[docId];
        if (org) data.documents[docId] = { ...org, collections: org.collections.filter((c) => c !== id) };
      }
    });
  }

  /**
   * Applies `change` to each document's organisation in one write; returns the records as saved. Records that come
   * out unchanged are neither written nor reported.
   */
  async update(
    documentIds: readonly string[],
    change: (org: DocumentOrganisation) => DocumentOrganisation,
  ): Promise<Record<string, DocumentOrganisation>> {
    const updated: Record<string, DocumentOrganisation> = {};
    for (const id of new Set(documentIds)) {
      const before = this.of(id);
      const after = change(structuredClone(before));
      if (JSON.stringify(after) !== JSON.stringify(before)) updated[id] = after;
    }
    const ids = Object.keys(updated);
    if (ids.length > 0) {
      await this.#write(
        ids.map((id) => documentChange(id, 'put')),
        (data) => {
          for (const id of ids) data.documents[id] = updated[id] as DocumentOrganisation;
        },
      );
    }
    return Object.fromEntries(documentIds.map((id) => [id, updated[id] ?? this.of(id)]));
  }

  /** Drops the records of documents that are gone for good (purged). */
  async forget(documentIds: readonly string[]): Promise<void> {
    const ids = documentIds.filter((id) => id in this.store.db.data.documents);
    if (ids.length === 0) return;
    await this.#write(
      ids.map((id) => documentChange(id, 'delete')),
      (data) => {
        for (const id of ids) delete data.documents[id];
      },
    );
  }

  async setView(view: LibraryView): Promise<void> {
    await this.#write([{ kind: 'library-view', id: 'library-view', documentId: null, op: 'put' }], (data) => {
      data.view = structuredClone(view);
    });
  }

  /** The one place organisation.json is changed: saved, then reported. */
  async #write(changes: StorageChange[], change: (data: OrganisationFile) => void): Promise<void> {
    await this.store.db.update(change);
    this.feed.emit(changes);
  }
}

function documentChange(documentId: string, op: StorageChange['op']): StorageChange {
  return { kind: 'document-organisation', id: documentId, documentId, op };
}
