/**
 * Opens a library folder for a host (Electron or browser mode): takes its lock, seeds the sample article into a new
 * library, builds the service, starts the browser connector when the host asks for one, and starts the automatic
 * backups (the first a few seconds after start-up). Both hosts start here, so they cannot drift apart.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sampleText from '@assets/sample-article.txt?raw';
import sampleMeta from '@assets/sample-article.json';
import { version } from '@package';
import { createWorkerRunner } from './analysis/extraction-runner';
import { createMarkdownWorkerRunner } from './import/markdown-runner';
import { createSearchEntryWorkerReader } from './storage/search-entry-reader';
import { SEARCH_INDEX_FILE, SEARCH_INDEX_FOLDER, SEARCH_OPEN_DELAY_MS } from './storage/search-index';
import { createPdfWorkerRunner } from './import/pdf-runner';
import { createEpubWorkerReader } from './import/epub-runner';
import type { AppInfo, LectioApi } from './api/contract';
import { createService, seedNewLibrary } from './api/service';
import { ankiConnectAddress } from './anki/anki-connect';
import { createConnectorService } from './api/services/connector-save';
import { ConnectorListener } from './connector/listener';
import { startConnector } from './connector/start-connector';
import { BackupScheduler, START_BACKUP_DELAY_MS } from './storage/backup-scheduler';
import { LibraryStorage } from './storage/library-storage';
import type { SecretStore } from './sync/secret-store';
import { SyncEngine } from './sync/sync-engine';

export interface OpenLibrary {
  api: LectioApi;
  storage: LibraryStorage;
  close(): void;
  /** Takes the quit backup (when anything changed since the last one), then closes; never rejects. */
  shutdown(): Promise<void>;
}

export interface LibraryHost {
  host: AppInfo['host'];
  /** The built extraction worker script (`out/main/extract-worker.js`), beside the host's entry file. */
  extractionWorker: string;
  /** The built Markdown import worker script (`out/main/import-worker.js`), beside it. */
  importWorker: string;
  /** The browser connector to run: its port (0: a free one) and the unpacked extension's folder. Absent: none. */
  connector?: { port: number; extensionFolder: string | null };
  /** Where AnkiConnect answers, when not at its default address (checked by ankiConnectAddress). */
  ankiConnectUrl?: string;
  /** Where the sync password is kept: Electron's safeStorage on the desktop; absent: a 0600 file in the library. */
  secrets?: SecretStore;
  /** Called once the library's lock is taken, before its files are read. */
  onLocked?: () => void;
  /** How long after opening the search index is opened (SEARCH_OPEN_DELAY_MS; tests pass less). */
  searchOpenDelayMs?: number;
}

/** Throws a 'library-locked' LectioError when another process has the folder open (files from a newer Lectio are held, with a notice). */
export async function openLibrary(
  dataDir: string,
  {
    host,
    extractionWorker,
    importWorker,
    connector,
    ankiConnectUrl,
    secrets,
    onLocked,
    searchOpenDelayMs = SEARCH_OPEN_DELAY_MS,
  }: LibraryHost,
): Promise<OpenLibrary> {
  // Checked before the library is opened, so a wrong address leaves nothing locked.
  const given = ankiConnectUrl ?? process.env.LECTIO_ANKI_CONNECT_URL;
  const anki = given ? ankiConnectAddress(given) : null;
  const now = () => new Date();
  const storage = await LibraryStorage.open({ dataDir, now, ...(onLocked ? { onLocked } : {}) });
  try {
    await seedNewLibrary(storage, { ...sampleMeta, text: sampleText }, now);
  } catch (error) {
    storage.close();
    throw error;
  }
  const extraction = createWorkerRunner(extractionWorker);
  const markdown = createMarkdownWorkerRunner(importWorker);
  // The PDF and EPUB workers are built beside the Markdown one (electron.config.ts), so both hosts find them without being told.
  const pdf = createPdfWorkerRunner(path.join(path.dirname(importWorker), 'pdf-worker.js'));
  const epub = createEpubWorkerReader(path.join(path.dirname(importWorker), 'epub-worker.js'));
  const searchEntries = createSearchEntryWorkerReader(path.join(path.dirname(importWorker), 'search-worker.js'));
  const listener = connector ? new ConnectorListener(connector.port, connector.extensionFolder) : undefined;
  // Sync starts with the library (when this device was set up), so every write from now on reaches the replica.
  const sync = new SyncEngine({ storage, now, secrets });
  void sync.start().catch((error: unknown) => console.error(`lectio: sync could not start: ${String(error)}`));
  const api = createService({
    ...{ storage, host, version, now, extraction, markdown, pdf, epub, connector: listener, sync },
    searchEntries,
    ...(anki ? { ankiConnectUrl: anki } : {}),
  });
  const connectorServer = listener
    ? await startConnector(createConnectorService({ storage, now, newId: randomUUID, version }, api), listener)
    : null;
  const backups = new BackupScheduler(storage.backups, {
    onError: (error) => console.error(`lectio: automatic backup failed: ${String(error)}`),
    onRetry: (error, delayMs) =>
      console.error(
        `lectio: automatic backup failed (${String(error)}); trying again in ${Math.round(delayMs / 1000)} s`,
      ),
    startDelayMs: START_BACKUP_DELAY_MS,
  });
  void backups.start();
  // A search index already built is opened once the Library has shown (SQLite's WebAssembly compiled, the index's
  // stamps read, 20-60 MB) and checked against the library in the background, as the Search dialog's empty query
  // does, so the first search does not wait for that. A library with no index yet (the first launch after the
  // upgrade) is indexed from its first search, as before: a reader who never searches never pays for it.
  const searchWarm = setTimeout(() => {
    if (existsSync(path.join(dataDir, SEARCH_INDEX_FOLDER, SEARCH_INDEX_FILE)))
      api.search({ query: '' }).catch(() => undefined);
  }, searchOpenDelayMs);
  searchWarm.unref();
  const close = () => {
    clearTimeout(searchWarm);
    void sync.close();
    void connectorServer?.close();
    void extraction.close();
    void markdown.close();
    void searchEntries.close();
    storage.close();
  };
  return {
    api,
    storage,
    close,
    async shutdown() {
      await backups.stop();
      close();
    },
  };
}
