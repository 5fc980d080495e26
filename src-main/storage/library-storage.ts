/**
 * The library on disk: `library.json` indexes the documents; each document's text, annotations and analysis cache
 * live in their own per-document files (`documents/`, `annotations/`, `analysis/`), so opening the library reads only
 * the index and a write costs the size of what changed.
 */
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { emptyCorrections } from '../core/analysis/corrections';
import type { DocumentBody, DocumentMeta, LectioDocument } from '../core/model';
import {
  ANALYSIS_SCHEMA_VERSION,
  ANNOTATIONS_SCHEMA_VERSION,
  DOCUMENT_SCHEMA_VERSION,
  LIBRARY_SCHEMA_VERSION,
  isAnalysisFile,
  isAnnotationsFile,
  isDocumentFile,
  isLibraryFile,
  isSettingsFile,
  DEFAULT_COLOR_LABELS,
  SETTINGS_SCHEMA_VERSION,
  type SettingsFile,
  type AnalysisFile,
  type AnnotationsFile,
  type DocumentFile,
  type LibraryFile,
} from './file-schemas';
import { openStore } from './json-store';
import { acquireLibraryLock, type LibraryLock } from './library-lock';
import { PerDocumentStore } from './per-document-store';

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
  readonly documents: PerDocumentStore<DocumentFile>;
  readonly annotations: PerDocumentStore<AnnotationsFile>;
  readonly analysis: PerDocumentStore<AnalysisFile>;

  private constructor(
    readonly dataDir: string,
    now: () => Date,
    private readonly library: Low<LibraryFile>,
    readonly settings: Low<SettingsFile>,
    private readonly lock: LibraryLock,
    readonly isNew: boolean,
  ) {
    const title = (id: string) => this.library.data.documents.find((doc) => doc.id === id)?.title ?? id;
    this.documents = new PerDocumentStore<DocumentFile>(
      {
        folder: path.join(dataDir, 'documents'),
        schemaVersion: DOCUMENT_SCHEMA_VERSION,
        defaults: (id) => ({ schemaVersion: DOCUMENT_SCHEMA_VERSION, id, body: { text: '', blocks: [], marks: [] } }),
        isValid: isDocumentFile,
        onMovedAside: (id, movedTo) => this.#reportMovedAside(`The text of “${title(id)}”`, movedTo),
      },
      now,
    );
    this.annotations = new PerDocumentStore<AnnotationsFile>(
      {
        folder: path.join(dataDir, 'annotations'),
        schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
        defaults: (id) => ({ schemaVersion: ANNOTATIONS_SCHEMA_VERSION, documentId: id, highlights: [], documentNote: '', corrections: emptyCorrections() }),
        isValid: isAnnotationsFile,
        onMovedAside: (id, movedTo) => this.#reportMovedAside(`The highlights and notes of “${title(id)}”`, movedTo),
      },
      now,
    );
    // The analysis cache is derived data: a bad file is moved aside like any other, and simply recomputed.
    this.analysis = new PerDocumentStore<AnalysisFile>(
      {
        folder: path.join(dataDir, 'analysis'),
        schemaVersion: ANALYSIS_SCHEMA_VERSION,
        defaults: (id) => ({ schemaVersion: ANALYSIS_SCHEMA_VERSION, documentId: id, cache: null }),
        isValid: isAnalysisFile,
        onMovedAside: () => undefined,
      },
      now,
    );
  }

  /** Opens (creating if needed) the library; throws LibraryLockedError when another process holds it. */
  static async open(options: StorageOptions): Promise<LibraryStorage> {
    await mkdir(options.dataDir, { recursive: true });
    const lock = acquireLibraryLock(options.dataDir);
    try {
      const file = path.join(options.dataDir, 'library.json');
      const isNew = !(await exists(file));
      const opened = await openStore<LibraryFile>(
        { file, schemaVersion: LIBRARY_SCHEMA_VERSION, defaults: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, documents: [] }), isValid: isLibraryFile },
        options.now(),
      );
      const settings = await openStore<SettingsFile>(
        {
          file: path.join(options.dataDir, 'settings.json'),
          schemaVersion: SETTINGS_SCHEMA_VERSION,
          defaults: () => ({ schemaVersion: SETTINGS_SCHEMA_VERSION, colorLabels: { ...DEFAULT_COLOR_LABELS } }),
          isValid: isSettingsFile,
        },
        options.now(),
      );
      const storage = new LibraryStorage(options.dataDir, options.now, opened.db, settings.db, lock, isNew);
      if (opened.movedAside) storage.#reportMovedAside('The library index', opened.movedAside);
      if (settings.movedAside) storage.#reportMovedAside('Your settings', settings.movedAside);
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

  /** Throws NotFoundError for an unknown id. */
  findMeta(id: string): DocumentMeta {
    const meta = this.library.data.documents.find((doc) => doc.id === id);
    if (!meta) throw new NotFoundError(`Document ${id}`);
    return meta;
  }

  async getDocument(id: string): Promise<LectioDocument> {
    const meta = this.findMeta(id);
    const file = await this.documents.get(id);
    return { ...meta, body: file.data.body };
  }

  async addDocument(meta: DocumentMeta, body: DocumentBody): Promise<void> {
    const db = await this.documents.get(meta.id);
    db.data = { schemaVersion: DOCUMENT_SCHEMA_VERSION, id: meta.id, body };
    // Body first, then the index: a crash between the two leaves an unlisted file, never a listed document without one.
    await db.write();
    await this.library.update((data) => {
      data.documents.push(meta);
    });
  }

  async updateMeta(id: string, change: Partial<Omit<DocumentMeta, 'id'>>): Promise<DocumentMeta> {
    const current = this.findMeta(id);
    const updated = { ...current, ...change, id };
    await this.library.update((data) => {
      data.documents = data.documents.map((doc) => (doc.id === id ? updated : doc));
    });
    return updated;
  }

  async deleteDocument(id: string): Promise<void> {
    this.findMeta(id);
    await this.library.update((data) => {
      data.documents = data.documents.filter((doc) => doc.id !== id);
    });
    await Promise.all([this.documents.delete(id), this.annotations.delete(id), this.analysis.delete(id)]);
  }

  dismissNotice(id: string): void {
    const index = this.notices.findIndex((notice) => notice.id === id);
    if (index >= 0) this.notices.splice(index, 1);
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
