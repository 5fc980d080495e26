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
import { CardStore } from './card-store';
import { BackupStore, type BackupManifest } from './backups';
import { acceptDataFile } from './data-file-checks';
import { retireFilesUnder } from './durable-file';
import { openStore, type OpenedStore } from './json-store';
import { KeyedMutex } from './keyed-mutex';
import { acquireLibraryLock, type LibraryLock } from './library-lock';
import { findUnlistedDocuments } from './orphan-documents';
import { recoverDataFiles, type RecoveryReport } from './recovery';
import { replaceDataFiles } from './restore-files';
import { PerDocumentStore } from './per-document-store';
import { QuizStore } from './quiz-store';

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
  /** 'warning' when absent: something went wrong and the reader should know. */
  level?: 'info' | 'warning';
}

function openIndex(dataDir: string, now: Date): Promise<OpenedStore<LibraryFile>> {
  return openStore<LibraryFile>(
    { file: path.join(dataDir, 'library.json'), schemaVersion: LIBRARY_SCHEMA_VERSION, defaults: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, documents: [] }), isValid: isLibraryFile },
    now,
  );
}

function openSettings(dataDir: string, now: Date): Promise<OpenedStore<SettingsFile>> {
  return openStore<SettingsFile>(
    {
      file: path.join(dataDir, 'settings.json'),
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      defaults: () => ({ schemaVersion: SETTINGS_SCHEMA_VERSION, colorLabels: { ...DEFAULT_COLOR_LABELS } }),
      isValid: isSettingsFile,
    },
    now,
  );
}

function describeBackup(backup: BackupManifest): string {
  return `the backup of ${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
}

const FILE_NAMES: Record<string, string> = {
  'library.json': 'The library index',
  'settings.json': 'Your settings',
  'cards.json': 'The flashcards file',
  'reviews.json': 'The review history file',
  'quiz.json': 'The quiz history file',
};

export class LibraryStorage {
  readonly notices: StorageNotice[] = [];
  readonly documents: PerDocumentStore<DocumentFile>;
  readonly annotations: PerDocumentStore<AnnotationsFile>;
  readonly analysis: PerDocumentStore<AnalysisFile>;
  /** Flashcards (`cards.json`) and their review log (`reviews.json`), library-wide: the review queue spans documents. */
  readonly cards: CardStore;
  /** Quiz sessions and hidden questions (`quiz.json`). */
  readonly quiz: QuizStore;
  readonly backups: BackupStore;
  #library: Low<LibraryFile>;
  #settings: Low<SettingsFile>;
  readonly #restoring = new KeyedMutex();

  private constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
    library: Low<LibraryFile>,
    settings: Low<SettingsFile>,
    private readonly lock: LibraryLock,
    readonly isNew: boolean,
  ) {
    this.#library = library;
    this.#settings = settings;
    this.backups = new BackupStore({ dataDir, now });
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
    this.cards = new CardStore(dataDir, now, (what, movedTo) => this.#reportMovedAside(what, movedTo));
    this.quiz = new QuizStore(dataDir, now, (what, movedTo) => this.#reportMovedAside(what, movedTo));
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

  /**
   * Opens (creating if needed) the library. Every data file is checked first: a bad one is moved aside and restored
   * from the newest backup holding a good copy (recovery.ts). Throws LibraryLockedError when another process holds it.
   */
  static async open(options: StorageOptions): Promise<LibraryStorage> {
    await mkdir(options.dataDir, { recursive: true });
    const lock = acquireLibraryLock(options.dataDir);
    try {
      const isNew = !(await exists(path.join(options.dataDir, 'library.json')));
      const backups = new BackupStore({ dataDir: options.dataDir, now: options.now });
      const recovered = await recoverDataFiles({ dataDir: options.dataDir, backups, now: options.now, accept: acceptDataFile });
      const opened = await openIndex(options.dataDir, options.now());
      const settings = await openSettings(options.dataDir, options.now());
      const storage = new LibraryStorage(options.dataDir, options.now, opened.db, settings.db, lock, isNew);
      if (opened.movedAside) storage.#reportMovedAside('The library index', opened.movedAside);
      if (settings.movedAside) storage.#reportMovedAside('Your settings', settings.movedAside);
      for (const report of recovered) storage.#reportRecovered(report);
      if (opened.movedAside || recovered.some((report) => report.file === 'library.json')) await storage.#relistUnlisted();
      await storage.cards.open();
      await storage.quiz.open();
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

  get settings(): Low<SettingsFile> {
    return this.#settings;
  }

  private get library(): Low<LibraryFile> {
    return this.#library;
  }

  /**
   * Replaces the library with backup `id`, in this running process: the backup is verified first, a backup of the
   * current state is taken, every open data file stops accepting writes (a late write fails with StoreRetiredError
   * rather than overwrite the restored file), the files are replaced, and the stores are read again (per-document
   * files on their next use). Returns the safety backup. Throws BackupUnusableError, before any change, for a bad backup.
   */
  restoreBackup(id: string): Promise<BackupManifest> {
    return this.#restoring.run('library', async () => {
      const { manifest, contents } = await this.backups.readVerified(id);
      const safety = await this.backups.create('before-restore');
      if (!safety) throw new Error('The backup of the current library could not be taken, so nothing was restored.');
      await Promise.all([this.documents.retireAll(), this.annotations.retireAll(), this.analysis.retireAll()]);
      await retireFilesUnder(this.dataDir);
      const movedAside = await replaceDataFiles(this.dataDir, contents, safety, this.now());
      this.#library = (await openIndex(this.dataDir, this.now())).db;
      this.#settings = (await openSettings(this.dataDir, this.now())).db;
      await this.cards.open();
      await this.quiz.open();
      this.notices.splice(0);
      const kept = movedAside.length > 0 ? ` ${movedAside.length} file(s) that changed since were moved aside rather than replaced.` : '';
      this.notices.push({
        id: `restored:${manifest.id}`,
        level: 'info',
        message: `The library was restored from ${describeBackup(manifest)}. The library as it was just before is kept as ${describeBackup(safety)}.${kept}`,
      });
      return safety;
    });
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

  #reportRecovered(report: RecoveryReport): void {
    const [folder, name] = report.file.includes('/') ? report.file.split('/') : ['', report.file];
    const id = path.basename(name ?? '', '.json');
    const title = this.#library.data.documents.find((doc) => doc.id === id)?.title ?? id;
    const perDocument: Record<string, string> = {
      documents: `The text of “${title}”`,
      annotations: `The highlights and notes of “${title}”`,
      analysis: `The actors and dates of “${title}”`,
    };
    const what = (folder ? perDocument[folder] : FILE_NAMES[report.file]) ?? `The file ${report.file}`;
    const outcome = report.restoredFrom
      ? `It was restored from ${describeBackup(report.restoredFrom)}; changes made after that backup are not in it.`
      : 'No backup held a good copy, so it starts again empty.';
    this.notices.push({
      id: `recovered:${path.basename(report.movedTo)}`,
      message: `${what} could not be read and was moved aside to ${report.movedTo} (nothing was overwritten). ${outcome}`,
    });
  }

  /** Lists again the documents on disk that a rebuilt index lost (see orphan-documents.ts). */
  async #relistUnlisted(): Promise<void> {
    const listed = new Set(this.#library.data.documents.map((doc) => doc.id));
    const found = await findUnlistedDocuments(path.join(this.dataDir, 'documents'), listed);
    if (found.length === 0) return;
    this.#library.data.documents.push(...found);
    this.notices.push({
      id: `relisted:${found.length}`,
      message: `${found.length} article(s) found in the library folder but missing from the restored index were listed again, titled from their first line.`,
    });
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
