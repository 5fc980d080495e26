/**
 * The sync engine of one open library (issue #21): this device's settings, its password store, and (as it lands) the
 * PouchDB replica that mirrors the library and replicates it with a CouchDB-protocol server.
 */
import path from 'node:path';
import type { SyncConflict, SyncRunResult, SyncSettingsInput, SyncStatus } from '../api/contract';
import { LectioError } from '../core/errors';
import type { LibraryStorage } from '../storage/library-storage';
import { FileSecretStore, type SecretStore } from './secret-store';
import { SYNC_FOLDER, SyncConfigFile } from './sync-config';

export interface SyncEngineOptions {
  storage: LibraryStorage;
  /** Where the password is kept; by default a 0600 file in the library's sync/ folder (browser mode, the CLI). */
  secrets?: SecretStore;
  now: () => Date;
}

export class SyncEngine {
  readonly secrets: SecretStore;
  readonly #config: SyncConfigFile;

  constructor(readonly options: SyncEngineOptions) {
    this.secrets = options.secrets ?? new FileSecretStore(path.join(options.storage.dataDir, SYNC_FOLDER));
    this.#config = new SyncConfigFile(options.storage.dataDir);
  }

  async status(): Promise<SyncStatus> {
    const config = await this.#config.read();
    const server = config.server;
    return {
      configured: server !== null,
      url: server?.url ?? null,
      database: server?.database ?? null,
      username: server?.username ?? null,
      live: server?.live ?? false,
      state: server ? 'idle' : 'off',
      message: server ? 'Not synced yet.' : 'Sync is off on this device.',
      lastSyncAt: config.lastSyncAt,
      pending: 0,
      conflicts: 0,
      deviceId: config.deviceId,
    };
  }

  configure(settings: SyncSettingsInput): Promise<SyncStatus> {
    void settings;
    return Promise.reject(notYet());
  }

  syncNow(): Promise<SyncRunResult> {
    return Promise.reject(notYet());
  }

  setLive(live: boolean): Promise<SyncStatus> {
    void live;
    return Promise.reject(notYet());
  }

  /** Forgets the server and the password; the library and its replica stay as they are. */
  async stop(): Promise<SyncStatus> {
    await this.secrets.clear();
    await this.#config.update({ server: null });
    return this.status();
  }

  conflicts(): Promise<SyncConflict[]> {
    // Nothing has synced yet, so nothing can conflict.
    return Promise.resolve([]);
  }

  resolve(id: string, text: string): Promise<{ id: string }> {
    void text;
    return Promise.reject(new LectioError('not-found', `There is no sync conflict "${id}" to resolve.`));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function notYet(): LectioError {
  return new LectioError('sync-server', 'Syncing with a server is not available in this build of Lectio yet.');
}
