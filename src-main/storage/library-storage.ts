/**
 * The library on disk: `library.json` indexes the documents, and each document's body lives in
 * `documents/<id>.json`, so opening the library reads only the index and a write costs the size of what changed.
 */
import { access, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { DocumentBody, DocumentMeta, LectioDocument } from '../core/model';
import {
  DOCUMENT_SCHEMA_VERSION,
  LIBRARY_SCHEMA_VERSION,
  isDocumentFile,
  isLibraryFile,
  type DocumentFile,
  type LibraryFile,
} from './file-schemas';
import { openStore } from './json-store';
import { acquireLibraryLock, type LibraryLock } from './library-lock';

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found`);
    this.name = 'NotFoundError';
  }
}

export interface StorageOptions {
  dataDir: string;
  now: () => Date;
}

export interface StorageNotice {
  id: string;
  message: string;
}

export class LibraryStorage {
  readonly notices: StorageNotice[] = [];
  readonly #documents = new Map<string, Low<DocumentFile>>();

  private constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
    private readonly library: Low<LibraryFile>,
    private readonly lock: LibraryLock,
    readonly isNew: boolean,
  ) {}

  /** Opens (creating if needed) the library; throws LibraryLockedError when another process holds it. */
  static async open(options: StorageOptions): Promise<LibraryStorage> {
    await mkdir(path.join(options.dataDir, 'documents'), { recursive: true });
    const lock = acquireLibraryLock(options.dataDir);
    try {
      const file = path.join(options.dataDir, 'library.json');
      const isNew = !(await exists(file));
      const opened = await openStore<LibraryFile>(
        { file, schemaVersion: LIBRARY_SCHEMA_VERSION, defaults: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, documents: [] }), isValid: isLibraryFile },
        options.now(),
      );
      const storage = new LibraryStorage(options.dataDir, options.now, opened.db, lock, isNew);
      if (opened.movedAside) storage.#reportMovedAside('The library index', opened.movedAside);
      await opened.db.write();
      return storage;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  close(): void {
    this.lock.release();
  }

  listDocuments(): DocumentMeta[] {
    return this.library.data.documents.map((meta) => ({ ...meta }));
  }

  findMeta(id: string): DocumentMeta {
    const meta = this.library.data.documents.find((doc) => doc.id === id);
    if (!meta) throw new NotFoundError(`Document ${id}`);
    return meta;
  }

  async getDocument(id: string): Promise<LectioDocument> {
    const meta = this.findMeta(id);
    const file = await this.#documentFile(id);
    return { ...meta, body: file.data.body };
  }

  async addDocument(meta: DocumentMeta, body: DocumentBody): Promise<void> {
    const db = await this.#documentFile(meta.id);
    db.data = { schemaVersion: DOCUMENT_SCHEMA_VERSION, id: meta.id, body };
    // Body first, then the index: a crash between the two leaves an unlisted file, never a listed document without one.
    await db.write();
    await this.library.update((data) => {
      data.documents.push(meta);
    });
  }

  async updateMeta(id: string, change: Partial<Omit<DocumentMeta, 'id'>>): Promise<DocumentMeta> {
    this.findMeta(id);
    let updated: DocumentMeta | undefined;
    await this.library.update((data) => {
      const index = data.documents.findIndex((doc) => doc.id === id);
      const current = data.documents[index];
      if (!current) return;
      updated = { ...current, ...change, id };
      data.documents[index] = updated;
    });
    if (!updated) throw new NotFoundError(`Document ${id}`);
    return updated;
  }

  async deleteDocument(id: string): Promise<void> {
    this.findMeta(id);
    await this.library.update((data) => {
      data.documents = data.documents.filter((doc) => doc.id !== id);
    });
    this.#documents.delete(id);
    await rm(this.#documentPath(id), { force: true });
  }

  dismissNotice(id: string): void {
    const index = this.notices.findIndex((notice) => notice.id === id);
    if (index >= 0) this.notices.splice(index, 1);
  }

  #documentPath(id: string): string {
    return path.join(this.dataDir, 'documents', `${id}.json`);
  }

  async #documentFile(id: string): Promise<Low<DocumentFile>> {
    const cached = this.#documents.get(id);
    if (cached) return cached;
    const opened = await openStore<DocumentFile>(
      {
        file: this.#documentPath(id),
        schemaVersion: DOCUMENT_SCHEMA_VERSION,
        defaults: () => ({ schemaVersion: DOCUMENT_SCHEMA_VERSION, id, body: { text: '', blocks: [], marks: [] } }),
        isValid: isDocumentFile,
      },
      this.now(),
    );
    if (opened.movedAside) this.#reportMovedAside(`The text of "${this.findMeta(id).title}"`, opened.movedAside);
    this.#documents.set(id, opened.db);
    return opened.db;
  }

  #reportMovedAside(what: string, movedTo: string): void {
    this.notices.push({
      id: `moved-aside:${path.basename(movedTo)}`,
      message: `${what} could not be read and was moved aside to ${movedTo}. Nothing was overwritten.`,
    });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
