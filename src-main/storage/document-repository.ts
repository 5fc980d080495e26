/**
 * The library's documents: their details in the index (`library.json`, which the Library screen reads) and each one's
 * text in its own file (`documents/<id>.json`). Adding, editing and deleting go through `#save`, which reports each
 * to the change feed once it is on disk.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import type { DocumentBody, DocumentMeta, LectioDocument } from '../core/model';
import type { ChangeFeed, StorageChange } from './change-feed';
import { DOCUMENT_SCHEMA_VERSION, type DocumentFile, type LibraryFile } from './file-schemas';
import { HeldFileAdapter, newerFileHeld } from './json-store';
import { LectioError } from '../core/errors';
import type { PerDocumentStore } from './per-document-store';
import type { ImageStore } from './image-store';

export interface DocumentFiles {
  dataDir: string;
  /** The index; looked up on every call, since restoring a backup replaces it. */
  index: () => Low<LibraryFile>;
  bodies: PerDocumentStore<DocumentFile>;
  /** Removed with the document: its other per-document files. */
  dependents: readonly Pick<PerDocumentStore<never>, 'delete'>[];
  /** The pictures: a deleted document's are removed when no other document shows them. */
  images?: Pick<ImageStore, 'removeUnused'>;
}

export class DocumentRepository {
  constructor(
    private readonly files: DocumentFiles,
    private readonly feed: ChangeFeed,
  ) {}

  /**
   * Every document's details, in the order they were added (copies: changing one changes nothing stored). Documents
   * deleted but still undoable (see `trash`) are not listed.
   */
  list(): DocumentMeta[] {
    return this.files
      .index()
      .data.documents.filter((meta) => !meta.deletedAt)
      .map((meta) => ({ ...meta }));
  }

  /** Throws a 'not-found' LectioError for an unknown id, or one deleted (in the trash). */
  meta(id: string): Readonly<DocumentMeta> {
    const meta = this.files.index().data.documents.find((doc) => doc.id === id);
    if (!meta || meta.deletedAt) throw new LectioError('not-found', `Document ${id} was not found`);
    return meta;
  }

  /** The document with its text; throws a 'not-found' LectioError for an unknown id. */
  async get(id: string): Promise<LectioDocument> {
    const meta = this.meta(id);
    const file = await this.files.bodies.get(id);
    return { ...meta, body: file.data.body };
  }

  /** As `get`, without keeping the document's file open (the search index reads every document once; see peek). */
  async peek(id: string): Promise<LectioDocument> {
    const meta = this.meta(id);
    return { ...meta, body: (await this.files.bodies.peek(id)).body };
  }

  /** Stores a new document: its text first, then its entry in the index. */
  async add(meta: DocumentMeta, body: DocumentBody): Promise<void> {
    await this.#save([{ kind: 'document', id: meta.id, documentId: meta.id, op: 'put' }], async () => {
      // The index is from a newer Lectio and refuses writes: say so before writing a body it could never list.
      if (this.files.index().adapter instanceof HeldFileAdapter)
        throw newerFileHeld(path.join(this.files.dataDir, 'library.json'));
      const db = await this.files.bodies.get(meta.id);
      db.data = { schemaVersion: DOCUMENT_SCHEMA_VERSION, id: meta.id, body };
      // Body first, then the index: a crash between the two leaves an unlisted file, never a listed document without one.
      await db.write();
      await this.files.index().update((data) => {
        data.documents.push(meta);
      });
    });
  }

  /** Changes a document's details; returns them as saved. Throws a 'not-found' LectioError for an unknown id. */
  async updateMeta(id: string, change: Partial<Omit<DocumentMeta, 'id'>>): Promise<DocumentMeta> {
    return this.#save([{ kind: 'document', id, documentId: id, op: 'put' }], () => this.#changeMeta(id, change));
  }

  /**
   * Keeps the index's count of a document's highlights, which the Library screen shows, in step with its annotations
   * file. Not reported to the change feed: the count is derived from the highlights, whose own changes are.
   */
  async setHighlightCount(id: string, count: number): Promise<void> {
    const meta = this.files.index().data.documents.find((doc) => doc.id === id);
    if (meta && (meta.highlightCount ?? 0) !== count)
      await this.#save([], () => this.#changeMeta(id, { highlightCount: count }));
  }

  /** Removes a document from the index, then its files. Throws a 'not-found' LectioError for an unknown id. */
  async delete(id: string): Promise<void> {
    await this.#save([{ kind: 'document', id, documentId: id, op: 'delete' }], async () => {
      const meta = this.meta(id);
      // Its pictures, read before its file goes: those no other document shows are removed after it (backups keep theirs).
      const body = (await this.files.bodies.get(id).catch(() => null))?.data.body;
      const pictures = [
        ...(body?.blocks ?? []).flatMap((block) => (block.image ? [block.image.id] : [])),
        ...(meta.leadImage ? [meta.leadImage] : []),
      ];
      await this.files.index().update((data) => {
        data.documents = data.documents.filter((doc) => doc.id !== id);
      });
      await Promise.all([this.files.bodies.delete(id), ...this.files.dependents.map((store) => store.delete(id))]);
      await this.files.images?.removeUnused(pictures);
    });
  }

  /**
   * Deletes documents so that the deletion can be undone: one write of the index marks them deleted, and from then on
   * they are listed nowhere, but their text, highlights, notes and analysis stay on disk until `purge`. Since the mark
   * is saved before the call returns, a Lectio closed during the Undo finds the documents still there, still undoable.
   * Throws a 'not-found' LectioError, before any change, when an id is unknown or already deleted.
   */
  async trash(ids: readonly string[], at: string): Promise<DocumentMeta[]> {
    const metas = ids.map((id) => ({ ...this.meta(id) }));
    const wanted = new Set(ids);
    await this.#save(
      ids.map((id) => ({ kind: 'document' as const, id, documentId: id, op: 'put' as const })),
      () =>
        this.files.index().update((data) => {
          for (const doc of data.documents) if (wanted.has(doc.id)) doc.deletedAt = at;
        }),
    );
    return metas;
  }

  /** The deleted documents still undoable, oldest deletion first, with when each was deleted. */
  trashed(): (DocumentMeta & { deletedAt: string })[] {
    return this.files
      .index()
      .data.documents.filter((meta): meta is DocumentMeta & { deletedAt: string } => Boolean(meta.deletedAt))
      .map((meta) => ({ ...meta }))
      .sort((a, b) => a.deletedAt.localeCompare(b.deletedAt));
  }

  /** Those of `ids` that are in the trash, in index order. */
  #inTrash(ids: readonly string[]): string[] {
    const wanted = new Set(ids);
    return this.files
      .index()
      .data.documents.filter((doc) => wanted.has(doc.id) && doc.deletedAt)
      .map((doc) => doc.id);
  }

  /** Undoes `trash` for those of `ids` still in it; returns their details as listed again. */
  async untrash(ids: readonly string[]): Promise<DocumentMeta[]> {
    const found = this.#inTrash(ids);
    if (found.length === 0) return [];
    await this.#save(
      found.map((id) => ({ kind: 'document' as const, id, documentId: id, op: 'put' as const })),
      () =>
        this.files.index().update((data) => {
          for (const doc of data.documents) if (found.includes(doc.id)) delete doc.deletedAt;
        }),
    );
    return found.map((id) => ({ ...this.meta(id) }));
  }

  /** Removes for good those of `ids` that are in the trash (their index entries, then their files); returns their ids. */
  async purge(ids: readonly string[]): Promise<string[]> {
    const found = this.#inTrash(ids);
    if (found.length === 0) return [];
    await this.#save(
      found.map((id) => ({ kind: 'document' as const, id, documentId: id, op: 'delete' as const })),
      async () => {
        await this.files.index().update((data) => {
          data.documents = data.documents.filter((doc) => !found.includes(doc.id));
        });
        for (const id of found)
          await Promise.all([this.files.bodies.delete(id), ...this.files.dependents.map((store) => store.delete(id))]);
      },
    );
    return found;
  }

  async #changeMeta(id: string, change: Partial<Omit<DocumentMeta, 'id'>>): Promise<DocumentMeta> {
    const updated = { ...this.meta(id), ...change, id };
    await this.files.index().update((data) => {
      data.documents = data.documents.map((doc) => (doc.id === id ? updated : doc));
    });
    return updated;
  }

  /** The one place a document's write is made and reported: the changes are announced only once it is saved. */
  async #save<R>(changes: StorageChange[], write: () => Promise<R>): Promise<R> {
    const result = await write();
    this.feed.emit(changes);
    return result;
  }
}
