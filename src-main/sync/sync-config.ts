/**
 * This device's sync settings: the server, database and user name (never the password: see secret-store.ts), whether
 * live sync is on, when it last synced, and the device's own id. Kept in the library's `sync/` folder, apart from the
 * data files, because they belong to this device: they are not synced, and a backup restored here does not bring
 * another device's server or id with it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../storage/durable-file';

export interface SyncServer {
  url: string;
  database: string;
  username: string;
  live: boolean;
}

export interface SyncConfig {
  /** This device's id: names its review logs and its edits in conflicts. Made once per library folder. */
  deviceId: string;
  /** The server, or null when sync is not set up (or was stopped). */
  server: SyncServer | null;
  lastSyncAt: string | null;
  /** The replica's sequence up to which what arrived from the server has been applied to the library. */
  appliedSeq?: number | string;
  /** The replica's sequence up to which local changes have been sent (the push's checkpoint). */
  pushedSeq?: number | string;
  /** The replica records holding note texts left for the reader (so the list needs no scan of every record). */
  conflictIds?: string[];
}

export const SYNC_FOLDER = 'sync';
/**
 * JSON, but not named `.json`: backups take every `*.json` of the library's folders, and this file belongs to the
 * device, so a restored backup must not bring back an older server, checkpoint or id.
 */
const CONFIG_FILE = 'this-device.conf';

/** Reads and writes `sync/this-device.conf`; one instance per open library, so writes are serialised here. */
export class SyncConfigFile {
  readonly folder: string;
  #config: SyncConfig | null = null;
  #writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.folder = path.join(dataDir, SYNC_FOLDER);
  }

  /** The settings; a missing or unreadable file reads as "not set up" with a new device id (saved on first change). */
  async read(): Promise<SyncConfig> {
    if (this.#config) return this.#config;
    let parsed: Partial<SyncConfig> = {};
    try {
      parsed = JSON.parse(await readFile(path.join(this.folder, CONFIG_FILE), 'utf8')) as Partial<SyncConfig>;
    } catch {
      // No file yet (or a damaged one): sync is simply not set up; nothing of the library depends on it.
    }
    const config: SyncConfig = {
      deviceId: typeof parsed.deviceId === 'string' && parsed.deviceId ? parsed.deviceId : randomUUID(),
      server: validServer(parsed.server),
      lastSyncAt: typeof parsed.lastSyncAt === 'string' ? parsed.lastSyncAt : null,
      ...(parsed.appliedSeq !== undefined ? { appliedSeq: parsed.appliedSeq } : {}),
      ...(parsed.pushedSeq !== undefined ? { pushedSeq: parsed.pushedSeq } : {}),
      ...(Array.isArray(parsed.conflictIds)
        ? { conflictIds: parsed.conflictIds.filter((id) => typeof id === 'string') }
        : {}),
    };
    this.#config ??= config;
    if (parsed.deviceId !== config.deviceId) await this.update({});
    return this.#config;
  }

  /** Saves `change` over the current settings; resolves once on disk. */
  async update(change: Partial<SyncConfig>): Promise<SyncConfig> {
    const current = this.#config ?? (await this.read());
    const next = { ...current, ...change };
    this.#config = next;
    const write = this.#writing.then(async () => {
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      await writeFileDurably(path.join(this.folder, CONFIG_FILE), JSON.stringify(this.#config, null, 2));
    });
    this.#writing = write.catch(() => undefined);
    await write;
    return next;
  }
}

function validServer(value: unknown): SyncServer | null {
  if (!value || typeof value !== 'object') return null;
  const server = value as Record<string, unknown>;
  if (typeof server.url !== 'string' || typeof server.database !== 'string' || typeof server.username !== 'string')
    return null;
  return { url: server.url, database: server.database, username: server.username, live: server.live === true };
}
