/**
 * The library on disk: `library.json` indexes the documents; each document's text, annotations and analysis cache
 * live in their own per-document files (`documents/`, `annotations/`, `analysis/`), so opening the library reads only
 * the index (with settings and the quiz file), and a write costs the size of what changed. Each file is checked as it is opened; a bad one is moved aside, restored from a backup, and announced.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { emptyCorrections } from '../core/analysis/corrections';
import {
  ANALYSIS_SCHEMA_VERSION,
  ANNOTATIONS_SCHEMA_VERSION,
  DOCUMENT_SCHEMA_VERSION,
  LIBRARY_SCHEMA_VERSION,
  isAnalysisFile,
  isAnnotationsFile,
  upgradeAnnotationsFile,
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
import { removeInterruptedWrites, retireFilesUnder } from './durable-file';
import { BACKUPS_FOLDER, isReviewLogFile } from './data-files';
import { exists, openStoreHoldingNewer, type NewerSchema, type OpenedStore } from './json-store';
import { LectioError } from '../core/errors';
import { KeyedMutex } from './keyed-mutex';
import { acquireLibraryLock, type LibraryLock } from './library-lock';
import { countHighlights, findUnlistedDocuments } from './orphan-documents';
import { openRecovering, recoverDataFiles, type Recovery, type RecoveryReport } from './recovery';
import { SearchIndex } from './search-index';
import { Announcements, describeBackup, recoveryNotice, type StorageNotice } from './recovery-notices';
import { finishInterruptedRestore, replaceDataFiles, RESTORE_STAGING, type RestoreHooks } from './restore-files';
import { PerDocumentStore } from './per-document-store';
import { QuizStore } from './quiz-store';
import { ChangeFeed } from './change-feed';
import { DocumentRepository } from './document-repository';
import { AnnotationRepository } from './annotation-repository';
import { AnalysisRepository } from './analysis-repository';
import { CardRepository } from './card-repository';
import { ReviewLogRepository } from './review-log-repository';
import { QuizRepository } from './quiz-repository';
import { SettingsRepository } from './settings-repository';
import { ImageStore, IMAGES_FOLDER, imageIdsIn } from './image-store';
import { OrganisationStore } from './organisation-store';
import { OrganisationRepository } from './organisation-repository';
import { ActorIndexRepository } from './actor-index-repository';
import { LibraryActorsStore } from './library-actors-store';
import {
  DATE_INDEX_FOLDER,
  DATE_INDEX_SCHEMA_VERSION,
  DateIndexRepository,
  emptyDateIndexBucket,
  isDateIndexBucket,
  type DateIndexBucket,
} from './date-index-repository';
import { EVENT_ANSWERS_FILE, EventAnswerRepository } from './event-answer-repository';

export type { StorageNotice } from './recovery-notices';

export interface StorageOptions {
  dataDir: string;
  now: () => Date;
  /**
   * How long after opening the highlight counts are checked against the annotations files (see recountHighlights);
   * the default lets the first screen come up first, since a large library's annotations run to tens of megabytes.
   */
  recountDelayMs?: number;
  /** Called once the folder's lock is taken, before its files are read (browser mode then prints its address). */
  onLocked?: () => void;
  /** The review log's segment size cap (review-segments.ts); tests set a small one to get several segments. */
  reviewSegmentCap?: number;
}

export const RECOUNT_DELAY_MS = 3_000;

function openIndex(dataDir: string, recovery: Recovery, now: Date): Promise<OpenedStore<LibraryFile>> {
  const spec = {
    file: path.join(dataDir, 'library.json'),
    schemaVersion: LIBRARY_SCHEMA_VERSION,
    defaults: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, documents: [] }),
    isValid: isLibraryFile,
  };
  return openStoreHoldingNewer(() => openRecovering<LibraryFile>(spec, 'library.json', recovery, now), spec);
}

function openSettings(dataDir: string, recovery: Recovery, now: Date): Promise<OpenedStore<SettingsFile>> {
  const spec = {
    file: path.join(dataDir, 'settings.json'),
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    defaults: (): SettingsFile => ({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      colorLabels: { ...DEFAULT_COLOR_LABELS },
    }),
    isValid: isSettingsFile,
  };
  return openStoreHoldingNewer(() => openRecovering<SettingsFile>(spec, 'settings.json', recovery, now), spec);
}

/** The notice for a file from a newer Lectio, left unread and untouched: what it means, and the way out. */
function newerFileNotice(held: NewerSchema): StorageNotice {
  const name = path.basename(held.file);
  return {
    id: `newer:${name}`,
    message:
      `${name} was written by a newer version of Lectio (its schema is ${held.found}; this version reads up to ${held.supported}). ` +
      'It is left untouched and nothing is saved to it, so what it holds is missing here. Update Lectio to use it, or restore a backup made by this version from Backups.',
  };
}

/**
 * Which store opens (and so checks) each data file. The Library screen needs only the index and settings (and the
 * small quiz file), opened with the library; the flashcards and review log (tens of megabytes in a large library) and
 * each document's own files are opened on first use, or when a backup finds one bad. Any other data file (a kind no
 * store knows) is checked as the library opens.
 */
const OPENED_AT_START = new Set([
  'library.json',
  'settings.json',
  'quiz.json',
  'organisation.json',
  EVENT_ANSWERS_FILE,
]);
const CARD_FILES = new Set(['cards.json', 'reviews.json']);
/** The review log's segments: the card store checks them as it streams them. */
const isLogFile = (relative: string) => isReviewLogFile(relative);
const PER_DOCUMENT_FOLDERS = new Set(['documents', 'annotations', 'analysis', DATE_INDEX_FOLDER]);

function openedByAStore(relative: string): boolean {
  return (
    OPENED_AT_START.has(relative) ||
    CARD_FILES.has(relative) ||
    isLogFile(relative) ||
    PER_DOCUMENT_FOLDERS.has(relative.split('/')[0] ?? '')
  );
}

/** "the backup of 2026-03-04 05:06 UTC" from a backup id such as 2026-03-04T05-06-07-000Z. */
function backupLabel(id: string): string {
  return `the backup of ${id.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2}).*$/, '$1 $2:$3')} UTC`;
}

/** The pictures the documents of a backup name (their images are kept in the backups' shared pool). */
function restoredImageIds(contents: ReadonlyMap<string, Uint8Array>): Set<string> {
  const ids = new Set<string>();
  for (const [relative, bytes] of contents) {
    if (relative === 'library.json' || relative.startsWith('documents/'))
      for (const id of imageIdsIn(Buffer.from(bytes).toString('utf8'))) ids.add(id);
  }
  return ids;
}

/**
 * The library: one repository per kind of record, which is all the service uses, over the data files, which storage's
 * own upkeep (recovery, restore, recounts), tests and tools reach through `files`. Every repository reports each write
 * it saves to `changes`, the one place sync hooks in.
 */
export class LibraryStorage {
  readonly notices: StorageNotice[] = [];
  /** Every write any repository saves, as it is saved (see change-feed.ts). */
  readonly changes = new ChangeFeed();
  /** The index (`library.json`) and each document's text. */
  readonly documents: DocumentRepository;
  /** Each document's highlights, note and corrections. */
  readonly annotations: AnnotationRepository;
  /** Each document's cached engine result. */
  readonly analysis: AnalysisRepository;
  /** Flashcards, library-wide: the review queue spans documents. */
  readonly cards: CardRepository;
  /** The flashcards' review log. */
  readonly reviews: ReviewLogRepository;
  /** Quiz sessions and hidden questions. */
  readonly quiz: QuizRepository;
  /** The reader's preferences. */
  readonly settings: SettingsRepository;
  /** Collections, tags, archiving, reading positions and the Library's view. */
  readonly organisation: OrganisationRepository;
  /** Every document's actors, indexed for dossiers, and the library-level merges and splits of actors. */
  readonly actors: ActorIndexRepository;
  /** The library's date index (derived from the analyses) for the library timeline. */
  readonly dateIndex: DateIndexRepository;
  /** The reader's answers to "did it happen?" on the library timeline. */
  readonly eventAnswers: EventAnswerRepository;
  readonly backups: BackupStore;
  /** Pictures of saved articles, stored once each by content hash (`images/`). */
  readonly images: ImageStore;
  readonly #documentFiles: PerDocumentStore<DocumentFile>;
  readonly #annotationFiles: PerDocumentStore<AnnotationsFile>;
  readonly #analysisFiles: PerDocumentStore<AnalysisFile>;
  readonly #dateIndexFiles: PerDocumentStore<DateIndexBucket>;
  /** Flashcards (`cards.json`) and their review log (`reviews.json`). */
  readonly #cardFiles: CardStore;
  /** Quiz sessions and hidden questions (`quiz.json`). */
  readonly #quizFile: QuizStore;
  /** Collections, tags, archive flags, reading positions (`organisation.json`). */
  readonly #organisationFile: OrganisationStore;
  #library: Low<LibraryFile>;
  #settings: Low<SettingsFile>;
  readonly #recovery: Announcements;
  readonly #restoring = new KeyedMutex();
  #closed = false;
  #recountTimer: NodeJS.Timeout | null = null;
  /**
   * Counts the restores from a backup made in this process: a restore replaces every file at once and is not on the
   * change feed, so what keeps derived data from the feed (the search index) starts again when this changes.
   */
  restores = 0;
  #searchIndex: Promise<SearchIndex> | null = null;
  /** Settles once the highlight counts have been checked after opening (see recountHighlights). */
  highlightCountsChecked: Promise<number> = Promise.resolve(0);

  private constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
    opened: { library: Low<LibraryFile>; settings: Low<SettingsFile>; backups: BackupStore; recovery: Announcements },
    private readonly lock: LibraryLock,
    readonly isNew: boolean,
    reviewSegmentCap?: number,
  ) {
    this.#library = opened.library;
    this.#settings = opened.settings;
    this.backups = opened.backups;
    this.images = new ImageStore(dataDir);
    this.#recovery = opened.recovery;
    const recovery = opened.recovery;
    this.#documentFiles = new PerDocumentStore<DocumentFile>(
      {
        folder: path.join(dataDir, 'documents'),
        schemaVersion: DOCUMENT_SCHEMA_VERSION,
        defaults: (id) => ({ schemaVersion: DOCUMENT_SCHEMA_VERSION, id, body: { text: '', blocks: [], marks: [] } }),
        isValid: isDocumentFile,
        recovery,
      },
      now,
    );
    this.#annotationFiles = new PerDocumentStore<AnnotationsFile>(
      {
        folder: path.join(dataDir, 'annotations'),
        schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
        defaults: (id) => ({
          schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
          documentId: id,
          highlights: [],
          documentNote: '',
          corrections: emptyCorrections(),
        }),
        isValid: isAnnotationsFile,
        upgrade: upgradeAnnotationsFile,
        recovery,
        onRecovered: (id, data) => this.#keepHighlightCount(id, data.highlights.length),
      },
      now,
    );
    this.#cardFiles = new CardStore(dataDir, now, recovery, reviewSegmentCap);
    this.#quizFile = new QuizStore(dataDir, now, recovery);
    this.#organisationFile = new OrganisationStore(dataDir, now, recovery);
    // The analysis cache is derived data: a bad file is recovered like any other (or simply recomputed).
    this.#analysisFiles = new PerDocumentStore<AnalysisFile>(
      {
        folder: path.join(dataDir, 'analysis'),
        schemaVersion: ANALYSIS_SCHEMA_VERSION,
        defaults: (id) => ({ schemaVersion: ANALYSIS_SCHEMA_VERSION, documentId: id, cache: null }),
        isValid: isAnalysisFile,
        recovery,
      },
      now,
    );
    this.documents = new DocumentRepository(
      {
        dataDir,
        index: () => this.#library,
        bodies: this.#documentFiles,
        dependents: [this.#annotationFiles, this.#analysisFiles],
        images: this.images,
      },
      this.changes,
    );
    this.annotations = new AnnotationRepository(this.#annotationFiles, this.documents, this.changes);
    this.analysis = new AnalysisRepository(this.#analysisFiles, this.changes);
    this.cards = new CardRepository(this.#cardFiles, this.changes);
    this.reviews = new ReviewLogRepository(this.#cardFiles, this.changes);
    this.quiz = new QuizRepository(this.#quizFile, this.changes);
    this.settings = new SettingsRepository(() => this.#settings, this.changes);
    this.organisation = new OrganisationRepository(this.#organisationFile, this.changes);
    this.actors = new ActorIndexRepository({
      dataDir,
      documents: this.documents,
      annotations: this.annotations,
      analysis: this.analysis,
      analysisPath: (id) => this.#analysisFiles.path(id),
      annotationsPath: (id) => this.#annotationFiles.path(id),
      store: new LibraryActorsStore(dataDir, now, recovery),
      feed: this.changes,
      now,
    });
    // Derived, like the analyses: a bad bucket is recovered or started empty, and the index is then checked again.
    this.#dateIndexFiles = new PerDocumentStore<DateIndexBucket>(
      {
        folder: path.join(dataDir, DATE_INDEX_FOLDER),
        schemaVersion: DATE_INDEX_SCHEMA_VERSION,
        defaults: emptyDateIndexBucket,
        isValid: isDateIndexBucket,
        recovery,
        onRecovered: async () => this.dateIndex.markChecked(false),
      },
      now,
    );
    this.dateIndex = new DateIndexRepository(this.#dateIndexFiles, dataDir, this.changes);
    this.eventAnswers = new EventAnswerRepository(dataDir, now, this.changes, recovery);
    recovery.deliverTo((report) => this.#reportRecovered(report));
    recovery.deliverTornTo((notice) => this.notices.push(notice));
  }

  /**
   * The data files under the repositories, for storage's own upkeep, tests and tools. A write made here is not
   * reported to `changes`: the service goes through the repositories only.
   */
  get files() {
    return {
      index: this.#library,
      settings: this.#settings,
      documents: this.#documentFiles,
      annotations: this.#annotationFiles,
      analysis: this.#analysisFiles,
      cards: this.#cardFiles,
      quiz: this.#quizFile,
      organisation: this.#organisationFile,
      dateIndex: this.#dateIndexFiles,
    };
  }

  /**
   * Opens (creating if needed) the library. The files it loads now (index, settings, quiz) are checked as they open,
   * and so is any data file no store opens; the flashcards and each per-document file are checked on first use. A bad
   * file is moved aside and restored from the newest backup holding a good copy (recovery.ts), with a notice. Throws
   * a 'library-locked' LectioError when another process holds the folder. A start-up file from a newer Lectio is held untouched, with a notice.
   */
  static async open(options: StorageOptions): Promise<LibraryStorage> {
    const { dataDir, now } = options;
    await mkdir(dataDir, { recursive: true });
    const lock = acquireLibraryLock(dataDir);
    options.onLocked?.();
    try {
      // Before anything reads the library: a restore a crash interrupted is completed (or, before its commit, undone).
      const finished = await finishInterruptedRestore(dataDir, now());
      // Temp files of writes a crash interrupted: never read, but they pile up. Only those from before this process.
      await removeInterruptedWrites(
        dataDir,
        new Date(performance.timeOrigin),
        new Set([BACKUPS_FOLDER, RESTORE_STAGING]),
      );
      const isNew = !(await exists(path.join(dataDir, 'library.json')));
      let storage: LibraryStorage | null = null;
      const backups = new BackupStore({
        dataDir,
        now,
        accept: acceptDataFile,
        repair: (relative) => storage?.repair(relative) ?? Promise.resolve(),
      });
      const recovery = new Announcements({ dataDir, backups, accept: acceptDataFile });
      const others = await recoverDataFiles({ dataDir, backups, now, accept: acceptDataFile, skip: openedByAStore });
      for (const report of others) recovery.announce(report);
      const index = await openIndex(dataDir, recovery, now());
      const settings = await openSettings(dataDir, recovery, now());
      storage = new LibraryStorage(
        dataDir,
        now,
        { library: index.db, settings: settings.db, backups, recovery },
        lock,
        isNew,
        options.reviewSegmentCap,
      );
      // A file from a newer Lectio does not stop the app: it is held untouched, and the reader is offered the backups.
      for (const held of [index.heldNewer, settings.heldNewer]) if (held) storage.notices.push(newerFileNotice(held));
      if (index.movedAside) await storage.#afterIndexRecovered();
      if (finished) {
        const kept =
          finished.movedAside.length > 0
            ? ` ${finished.movedAside.length} file(s) that changed since were moved aside rather than replaced.`
            : '';
        storage.notices.push({
          id: `restore-completed:${finished.backupId}`,
          level: 'info',
          message: `Lectio stopped while restoring ${backupLabel(finished.backupId)}; the restore has now been completed, so the library is exactly that backup.${kept}`,
        });
      }
      await storage.#openQuiz();
      await storage.#openOrganisation();
      await storage.#openEventAnswers();
      // Written when there was no good file to keep (a new library, or one moved aside with no backup to restore):
      // an index opened as it was needs no rewrite, which cost every launch a 1 MB write on a library of 5,000.
      if (!index.heldNewer && (isNew || index.movedAside)) await index.db.write();
      storage.#scheduleRecount(options.recountDelayMs ?? RECOUNT_DELAY_MS);
      return storage;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Checks a data file a backup found bad: a file not opened yet (a document's, or the flashcards') is opened, which
   * moves it aside, restores it from the newest good backup and announces it, as on its first use. Files already open
   * (and checked) are left alone: their store holds good data, which its next save writes back.
   */
  async repair(relative: string): Promise<void> {
    if (CARD_FILES.has(relative) || isLogFile(relative)) {
      if (!this.#cardFiles.isOpening) await this.#cardFiles.ready().catch(() => undefined);
      // Open for studying, cards.json is held only as summaries: loading it whole checks it (and recovers a bad one).
      else if (relative === 'cards.json' && !this.#cardFiles.isContentReady)
        await this.#cardFiles.contentReady().catch(() => undefined);
      return;
    }
    const [folder, name] = relative.split('/');
    const id = name?.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
    const store = {
      documents: this.#documentFiles,
      annotations: this.#annotationFiles,
      analysis: this.#analysisFiles,
      [DATE_INDEX_FOLDER]: this.#dateIndexFiles,
    }[folder ?? ''];
    if (!store || !/^[A-Za-z0-9_-]+$/.test(id)) return;
    await store.get(id).catch(() => undefined);
  }

  async #openQuiz(): Promise<void> {
    const held = await this.#quizFile.open();
    if (held) this.notices.push(newerFileNotice(held));
  }

  async #openOrganisation(): Promise<void> {
    const held = await this.#organisationFile.open();
    if (held) this.notices.push(newerFileNotice(held));
  }

  async #openEventAnswers(): Promise<void> {
    const held = await this.eventAnswers.open();
    if (held) this.notices.push(newerFileNotice(held));
  }

  /**
   * The full-text index (`index/search.sqlite`, derived: see search-index.ts), opened on first use: the Library does not
   * need it, and opening it loads SQLite's WebAssembly.
   */
  searchIndex(): Promise<SearchIndex> {
    this.#searchIndex ??= SearchIndex.open(this.dataDir, (notice) => this.notices.push(notice));
    return this.#searchIndex;
  }

  close(): void {
    this.#closed = true;
    this.actors.close();
    void this.#searchIndex?.then(
      (index) => index.close(),
      () => undefined,
    );
    if (this.#recountTimer) clearTimeout(this.#recountTimer);
    this.lock.release();
  }

  #scheduleRecount(delayMs: number): void {
    this.highlightCountsChecked = new Promise((resolve) => {
      this.#recountTimer = setTimeout(() => {
        this.#recountTimer = null;
        // A failure here (a file unreadable for a moment) leaves the counts as they were, to be checked next time.
        this.recountHighlights().then(resolve, () => resolve(0));
      }, delayMs);
      this.#recountTimer.unref();
    });
  }

  /**
   * Puts right the highlight counts the index keeps for the Library screen. Each is written just after its
   * annotations file, so a crash between the two leaves the index's count wrong until that document changes again.
   * A document whose annotations were opened meanwhile is left out: its writes keep its count. Returns how many
   * counts were corrected.
   */
  async recountHighlights(): Promise<number> {
    const library = this.#library;
    const ids = library.data.documents.map((doc) => doc.id).filter((id) => !this.#annotationFiles.isOpen(id));
    const counts = await countHighlights(path.join(this.dataDir, 'annotations'), ids);
    // Checked again now: a restore, a close, or a document opened while the files were read makes those counts stale.
    if (this.#closed || library !== this.#library) return 0;
    const wrong = library.data.documents.filter((doc) => {
      const count = counts.get(doc.id);
      return count !== undefined && !this.#annotationFiles.isOpen(doc.id) && (doc.highlightCount ?? 0) !== count;
    });
    if (wrong.length === 0) return 0;
    let corrected = 0;
    await library.update(() => {
      for (const doc of wrong) {
        if (this.#annotationFiles.isOpen(doc.id)) continue;
        doc.highlightCount = counts.get(doc.id) ?? 0;
        corrected++;
      }
    });
    return corrected;
  }

  /**
   * Replaces the library with backup `id`, in this running process: the backup is verified first, a backup of the
   * current state is taken, every open data file stops accepting writes (a late write fails with the 'store-retired' error
   * rather than overwrite the restored file), the files are replaced, and the stores are read again (per-document
   * files on their next use). Returns the safety backup. Throws the 'backup-unusable' error, before any change, for a bad backup.
   */
  restoreBackup(id: string, hooks: RestoreHooks = {}): Promise<BackupManifest> {
    return this.#restoring.run('library', async () => {
      const { manifest, contents, logFiles } = await this.backups.readVerified(id);
      const safety = await this.backups.create('before-restore');
      if (!safety)
        throw new LectioError(
          'backup-failed',
          'The backup of the current library could not be taken, so nothing was restored.',
        );
      await Promise.all([
        this.#documentFiles.retireAll(),
        this.#annotationFiles.retireAll(),
        this.#analysisFiles.retireAll(),
        this.#dateIndexFiles.retireAll(),
      ]);
      await retireFilesUnder(this.dataDir);
      await this.#cardFiles.settled();
      const movedAside = await replaceDataFiles(
        this.dataDir,
        contents,
        safety,
        this.now(),
        manifest.id,
        hooks,
        logFiles,
      );
      await this.images.restoreFrom(path.join(this.backups.folder, IMAGES_FOLDER), restoredImageIds(contents));
      this.notices.splice(0);
      this.#library = (await openIndex(this.dataDir, this.#recovery, this.now())).db;
      this.#settings = (await openSettings(this.dataDir, this.#recovery, this.now())).db;
      // The flashcards are read again if they were in use; otherwise on their first use, as at start-up.
      if (this.#cardFiles.isOpening) await this.#cardFiles.open();
      await this.#openQuiz();
      await this.#openOrganisation();
      this.actors.forget();
      this.restores++;
      await this.#openEventAnswers();
      // The restored analyses may differ from the index's entries: they are checked again on the next timeline.
      this.dateIndex.markChecked(false);
      const kept =
        movedAside.length > 0
          ? ` ${movedAside.length} file(s) that changed since were moved aside rather than replaced.`
          : '';
      this.notices.push({
        id: `restored:${manifest.id}`,
        level: 'info',
        message: `The library was restored from ${describeBackup(manifest)}. The library as it was just before is kept as ${describeBackup(safety)}.${kept}`,
      });
      // The restore bypassed the per-record change events: sync compares the whole library with its replica again.
      this.changes.replaced();
      return safety;
    });
  }

  dismissNotice(id: string): void {
    const index = this.notices.findIndex((notice) => notice.id === id);
    if (index >= 0) this.notices.splice(index, 1);
  }

  #reportRecovered(report: RecoveryReport): void {
    this.notices.push(
      recoveryNotice(report, (id) => this.#library.data.documents.find((doc) => doc.id === id)?.title ?? id),
    );
  }

  /**
   * After the index was moved aside (restored from a backup, or started empty): lists again the documents on disk it
   * lost, and counts each document's highlights again, since the Library screen shows the index's counts.
   */
  async #afterIndexRecovered(): Promise<void> {
    const documents = this.#library.data.documents;
    const listed = new Set(documents.map((doc) => doc.id));
    const found = await findUnlistedDocuments(
      path.join(this.dataDir, 'documents'),
      listed,
      async (id) => (await this.#documentFiles.get(id)).data,
    );
    if (found.length > 0) {
      documents.push(...found);
      this.notices.push({
        id: `relisted:${found.length}`,
        message: `${found.length} article(s) found in the library folder but missing from the restored index were listed again, titled from their first line.`,
      });
    }
    const counts = await countHighlights(
      path.join(this.dataDir, 'annotations'),
      documents.map((doc) => doc.id),
    );
    for (const doc of documents) {
      const count = counts.get(doc.id);
      if (count !== undefined) doc.highlightCount = count;
    }
  }

  /** Puts a document's highlight count in the index right after its annotations file was recovered (restored or emptied). */
  async #keepHighlightCount(id: string, count: number): Promise<void> {
    await this.documents.setHighlightCount(id, count);
  }
}
