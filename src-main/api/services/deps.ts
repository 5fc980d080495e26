/** What every part of the service is built from: storage, the clock, id generation, the engine runner, the export under way. */
import type { ExtractionRunner } from '../../analysis/extraction-runner';
import type { MarkdownRunner } from '../../import/markdown-runner';
import type { PdfRunner } from '../../import/pdf-runner';
import type { SearchEntryReader } from '../../storage/search-entry-reader';
import type { EpubReader } from '../../import/epub/epub-reader';
import type { LibraryStorage } from '../../storage/library-storage';
import type { AppInfo } from '../contract';
import type { ExportJobs } from './exports';
import type { FetchLimits } from '../../import/fetch-page';
import type { ConnectorListener } from '../../connector/listener';
import type { ImageLimits } from '../../import/article-images';
import type { SecretStore } from '../../sync/secret-store';
import type { SyncEngine } from '../../sync/sync-engine';

export interface ServiceOptions {
  storage: LibraryStorage;
  host: AppInfo['host'];
  version: string;
  now: () => Date;
  extraction: ExtractionRunner;
  /** Where Markdown imports are parsed: a worker thread in the hosts; in process (the default) in tests and tools. */
  markdown?: MarkdownRunner;
  /** Where PDFs are read: a worker thread per file in the hosts; in process (the default) in tests and tools. */
  pdf?: PdfRunner;
  /** Where EPUB books are read: a worker thread in the hosts; in process (the default) in tests and tools. */
  epub?: EpubReader;
  /** Where the search index's build reads documents: a worker thread in the hosts; in process (the default) in tests and tools. */
  searchEntries?: SearchEntryReader;
  newId?: () => string;
  /** Whether flashcard intervals are fuzzed (spread by a few percent, as Anki does); default on. Tests turn it off. */
  scheduleFuzz?: boolean;
  /** The reader's IANA time zone; by default the machine's (readerZone), read on each call. Tests pass one. */
  zone?: string;
  /** Limits on fetching a web page (timeout, bytes, redirects); DEFAULT_LIMITS unless a test passes shorter ones. */
  webLimits?: FetchLimits;
  /** The host's browser connector server, for Settings; absent where none runs (tests, tools). */
  connector?: ConnectorListener;
  /** Limits on downloading a saved page's pictures; DEFAULT_IMAGE_LIMITS unless a test passes smaller ones. */
  imageLimits?: ImageLimits;
  /** Where AnkiConnect answers; http://127.0.0.1:8765 (its default) unless the host was told another address. */
  ankiConnectUrl?: string;
  /** Where the sync password is kept: Electron's safeStorage on the desktop; by default a 0600 file (browser mode, CLI). */
  secrets?: SecretStore;
  /** The host's sync engine, closed with the library; absent: the service makes one that opens nothing until set up. */
  sync?: SyncEngine;
}

/**
 * What of storage the service uses: the repositories (one per kind of record, each write reported to the change feed),
 * the backups, the library's notices, and the picture store (content-addressed files, never JSON). Not its data files: no service reads or writes one directly.
 */
export type ServiceStorage = Pick<
  LibraryStorage,
  | 'documents'
  | 'annotations'
  | 'analysis'
  | 'cards'
  | 'reviews'
  | 'quiz'
  | 'settings'
  | 'organisation'
  | 'backups'
  | 'restoreBackup'
  | 'notices'
  | 'dismissNotice'
  | 'dataDir'
  | 'images'
  | 'actors'
  | 'changes'
  | 'restores'
  | 'dateIndex'
  | 'eventAnswers'
  | 'searchIndex'
>;

export interface ServiceDeps {
  options: ServiceOptions;
  storage: ServiceStorage;
  now: () => Date;
  newId: () => string;
  /** The export under way (annotations or cards): one at a time, with progress and cancel. */
  exports: ExportJobs;
}

/**
 * The time zone of the machine Lectio runs on, which is the reader's (both hosts serve this machine only): stored beside
 * the UTC instants the service writes, so a record says which local day it belongs to. 'UTC' when it cannot be read.
 */
export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
