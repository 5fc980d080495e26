/**
 * The sync engine of one open library (issue #21): this device's settings and password store, the PouchDB replica in
 * the library's `sync/` folder that mirrors every write (through the storage change feed), and the replication with a
 * CouchDB-protocol server, once or live. What arrives is merged (conflicts.ts) and applied to the library through its
 * repositories (apply.ts). All replica work runs one step at a time, in order.
 */
import path from 'node:path';
import type {
  SyncArrivals,
  SyncConflict,
  SyncRunResult,
  SyncSettingsInput,
  SyncState,
  SyncStatus,
} from '../api/contract';
import { LectioError } from '../core/errors';
import { HybridClock } from '../core/sync/hlc';
import type { LibraryStorage } from '../storage/library-storage';
import { applyToLibrary } from './apply';
import { ArrivalLog } from './arrivals';
import { hasOpenVersions, settleConflicts } from './conflicts';
import { listConflicts, resolveConflict } from './conflict-list';
import { allLocalKeys, keysOfChange } from './library-records';
import { mirrorToReplica, type MirrorBase } from './mirror';
import { mirrorPictures } from './pictures';
import type { Replica, ReplicaFields } from './replica';
import { FileSecretStore, type SecretStore } from './secret-store';
import { describeServerError, serverError } from './server-errors';
import { SYNC_FOLDER, SyncConfigFile, type SyncConfig, type SyncServer } from './sync-config';
import type PouchDB from 'pouchdb-core';

/**
 * PouchDB, LevelDB and their HTTP stack (a public-suffix list parsed at load) cost a launch about 150 ms: loaded when
 * this device syncs, not for every library that opens.
 */
const replicas = () => import('./replica');

export interface SyncEngineOptions {
  storage: LibraryStorage;
  /** Where the password is kept; by default a 0600 file in the library's sync/ folder (browser mode, the CLI). */
  secrets?: SecretStore;
  now: () => Date;
  /** Whether card intervals are fuzzed when a merged review log is replayed (as the service grades); default on. */
  scheduleFuzz?: boolean;
  zone?: string;
  /** Documents per replication batch. */
  batchSize?: number;
  /** Live sync's first wait before reconnecting to a server that went away (doubling up to 30 s). */
  retryDelayMs?: number;
}

const DEFAULT_BATCH = 250;
/** Local writes come in bursts (an import writes many records): they are mirrored together after this pause. */
const MIRROR_DELAY_MS = 30;

export class SyncEngine {
  readonly secrets: SecretStore;
  readonly #config: SyncConfigFile;
  readonly #storage: LibraryStorage;
  #replica: Replica | null = null;
  #clock: HybridClock | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #unsubscribe: (() => void)[] = [];
  #waiting = new Set<string>();
  #mirrorTimer: NodeJS.Timeout | null = null;
  #live: PouchDB.Sync<ReplicaFields> | null = null;
  #state: SyncState = 'idle';
  #problem: string | null = null;
  readonly #arrivals = new ArrivalLog();
  #started: Promise<void> | null = null;
  /** Revisions the mirror has written: a sync during which none were written leaves nothing pending. */
  #mirrorWrites = 0;
  readonly #base: MirrorBase = new Map();
  #closed = false;

  constructor(readonly options: SyncEngineOptions) {
    this.#storage = options.storage;
    this.secrets = options.secrets ?? new FileSecretStore(path.join(options.storage.dataDir, SYNC_FOLDER));
    this.#config = new SyncConfigFile(options.storage.dataDir);
  }

  /** Opens the replica and starts live sync when this device was set up before; resolves once ready. */
  start(): Promise<void> {
    this.#started ??= this.#config.read().then(async (config) => {
      if (!config.server) return;
      await this.#openReplica(config);
      if (config.server.live) await this.#startLive(config.server);
    });
    return this.#started;
  }

  async status(): Promise<SyncStatus> {
    await this.start();
    const config = await this.#config.read();
    const server = config.server;
    const state: SyncState = server ? (this.#live && this.#state === 'idle' ? 'live' : this.#state) : 'off';
    return {
      configured: server !== null,
      url: server?.url ?? null,
      database: server?.database ?? null,
      username: server?.username ?? null,
      live: server?.live ?? false,
      state,
      message: server ? this.#message(state, config) : 'Sync is off on this device.',
      lastSyncAt: config.lastSyncAt,
      pending: server ? await this.#pending(config) : 0,
      conflicts: (await this.conflicts()).length,
      deviceId: config.deviceId,
    };
  }

  /** Checks the server (reachable, credentials, database there or creatable), then saves and starts syncing. */
  async configure(settings: SyncSettingsInput): Promise<SyncStatus> {
    await this.start();
    const password = settings.password === '' ? ((await this.secrets.load()) ?? '') : settings.password;
    const server: SyncServer = {
      url: settings.url.trim().replace(/\/+$/, ''),
      database: settings.database.trim(),
      username: settings.username.trim(),
      live: settings.live,
    };
    const remote = (await replicas()).remoteDatabase(
      server.url,
      server.database,
      { username: server.username, password },
      {
        createIfMissing: true,
      },
    );
    try {
      await remote.info();
    } catch (error) {
      throw serverError(error, server);
    } finally {
      await remote.close().catch(() => undefined);
    }
    this.#stopLive();
    if (settings.password !== '') await this.secrets.save(password);
    const config = await this.#config.update({ server });
    this.#state = 'idle';
    this.#problem = null;
    await this.#openReplica(config);
    if (server.live) await this.#startLive(server);
    return this.status();
  }

  /** One push then one pull; throws a 'sync-server' LectioError in plain words when the server fails (nothing is lost). */
  async syncNow(): Promise<SyncRunResult> {
    await this.start();
    const config = await this.#config.read();
    const server = config.server;
    if (!server || !this.#replica) throw new LectioError('sync-not-configured');
    const replica = this.#replica;
    await this.#flushMirror();
    const remote = await this.#remote(server);
    this.#state = 'syncing';
    try {
      const writesBefore = this.#mirrorWrites;
      const pushed = await replica.replicate.to(remote, { batch_size: this.#batchSize });
      await this.#config.update({ pushedSeq: pushed.last_seq });
      const received: string[] = [];
      const open: string[] = [];
      const settled: string[] = [];
      const pull = replica.replicate.from(remote, { batch_size: this.#batchSize });
      pull.on('change', (info) => {
        for (const doc of info.docs) {
          received.push(doc._id);
          (hasOpenVersions(doc) ? open : settled).push(doc._id);
        }
      });
      const pulled = await pull;
      const { merged, mergedIds } = await this.#takeIn(received, open, settled);
      // Merged records go back to the server at once, so the other devices need not merge them again.
      // Only those: a whole push here would first ask the server about every record just received (10,000 on a first
      // pull, several seconds) to find the few merged ones.
      const mergedSent =
        merged > 0
          ? (await replica.replicate.to(remote, { batch_size: this.#batchSize, doc_ids: mergedIds })).docs_written
          : 0;
      // Nothing was written here meanwhile: everything in the replica is now on the server too.
      if (this.#mirrorWrites === writesBefore && this.#waiting.size === 0)
        await this.#config.update({ pushedSeq: (await replica.info()).update_seq });
      this.#state = 'idle';
      this.#problem = null;
      await this.#config.update({ lastSyncAt: this.options.now().toISOString() });
      const conflictsLeft = (await this.conflicts()).length;
      return {
        sent: pushed.docs_written + mergedSent,
        received: pulled.docs_written,
        conflictsMerged: merged,
        conflictsLeft,
        status: await this.status(),
      };
    } catch (error) {
      const problem = describeServerError(error, server);
      this.#state = problem.state;
      this.#problem = problem.message;
      throw new LectioError(
        'sync-server',
        `${problem.message} Nothing was lost: your changes are kept and will be sent at the next sync.`,
      );
    } finally {
      await remote.close().catch(() => undefined);
    }
  }

  async setLive(live: boolean): Promise<SyncStatus> {
    await this.start();
    const config = await this.#config.read();
    if (!config.server) throw new LectioError('sync-not-configured');
    const server = { ...config.server, live };
    await this.#config.update({ server });
    this.#stopLive();
    if (live) await this.#startLive(server);
    return this.status();
  }

  /** Forgets the server and the password; the library and its replica stay as they are. */
  async stop(): Promise<SyncStatus> {
    await this.start();
    this.#stopLive();
    await this.secrets.clear();
    await this.#config.update({ server: null });
    this.#state = 'idle';
    this.#problem = null;
    return this.status();
  }

  /** The conflicts left for the reader. */
  /** What pulls changed since the number a screen last saw. */
  arrivals(since: number): SyncArrivals {
    return this.#arrivals.since(since);
  }

  async conflicts(): Promise<SyncConflict[]> {
    await this.start();
    if (!this.#replica) return [];
    return listConflicts(this.#storage, this.#replica, (await this.#config.read()).conflictIds ?? []);
  }

  async resolve(id: string, text: string): Promise<{ id: string }> {
    await this.start();
    const replica = this.#replica;
    const clock = this.#clock;
    if (!replica || !clock) throw new LectioError('not-found', `There is no sync conflict "${id}" to resolve.`);
    await this.#serial(async () => {
      await resolveConflict(replica, id, text, clock);
      this.#base.delete(id);
      await this.#noteConflicts([], [id]);
      await applyToLibrary(this.#storage, replica, [id], this.#applyOptions);
    });
    return { id };
  }

  /** Stops live sync and closes the replica; the library is untouched. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#stopLive();
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
    if (this.#mirrorTimer) clearTimeout(this.#mirrorTimer);
    await this.#queue.catch(() => undefined);
    await this.#replica?.close().catch(() => undefined);
    this.#replica = null;
  }

  get #batchSize(): number {
    return this.options.batchSize ?? DEFAULT_BATCH;
  }

  get #applyOptions() {
    return { fuzz: this.options.scheduleFuzz ?? true, zone: this.options.zone ?? machineZone() };
  }

  #serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(step, step);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #remote(server: SyncServer): Promise<Replica> {
    const password = (await this.secrets.load()) ?? '';
    return (await replicas()).remoteDatabase(
      server.url,
      server.database,
      { username: server.username, password },
      { createIfMissing: false },
    );
  }

  /**
   * Opens the replica, applies what arrived and was not applied yet (a crash between the two), compares the whole
   * library with it, and from then on mirrors every write.
   */
  async #openReplica(config: SyncConfig): Promise<void> {
    if (this.#replica) return;
    // Sync reads and writes review records by id, and the card store now opens the whole log only when asked (a large
    // library's is hundreds of megabytes): without this, a configured library failed to start syncing after a restart.
    await this.#storage.reviews.ready();
    const replica = (await replicas()).openReplica(path.join(this.#config.folder, 'replica'));
    this.#replica = replica;
    this.#clock = new HybridClock(config.deviceId, () => this.options.now().getTime());
    this.#unsubscribe.push(
      this.#storage.changes.onWrite((change) => {
        for (const key of keysOfChange(change, this.#storage)) this.#waiting.add(key);
        this.#mirrorTimer ??= setTimeout(() => void this.#flushMirror().catch(() => undefined), MIRROR_DELAY_MS);
      }),
      this.#storage.changes.onReplaced(
        () =>
          void this.#serial(() => this.#compareAll()).catch(() => {
            // Said in Settings rather than lost: the restored records would otherwise silently never sync.
            this.#state = 'error';
            this.#problem =
              'After the restore, the library could not be compared with its sync copy. Restart Lectio to try again (it compares everything when it starts).';
          }),
      ),
    );
    await this.#serial(async () => {
      const since = config.appliedSeq ?? 0;
      if (since !== 0) {
        const { results } = await replica.changes({ since });
        await settleConflicts(
          replica,
          results.map((r) => r.id),
          this.#clock!,
        );
        await applyToLibrary(
          this.#storage,
          replica,
          results.map((r) => r.id),
          this.#applyOptions,
        );
      }
      await this.#compareAll();
    });
  }

  /** Mirrors every record of the library (writing only differences), then applies what the replica holds that the library lacks. */
  async #compareAll(): Promise<void> {
    const replica = this.#replica;
    if (!replica || !this.#clock) return;
    // A restore reads the stores again and leaves the review log to open on first use: open it before reading it.
    await this.#storage.reviews.ready();
    const keys = await allLocalKeys(this.#storage);
    for (let i = 0; i < keys.length; i += 500) {
      this.#mirrorWrites += await mirrorPictures(this.#storage, replica, keys.slice(i, i + 500));
      this.#mirrorWrites += await mirrorToReplica(
        this.#storage,
        replica,
        keys.slice(i, i + 500),
        this.#clock,
        this.#base,
      );
    }
    const local = new Set(keys);
    const { rows } = await replica.allDocs();
    const missing = rows.map((row) => row.id).filter((id) => !local.has(id));
    await applyToLibrary(this.#storage, replica, missing, this.#applyOptions);
    await this.#config.update({ appliedSeq: (await replica.info()).update_seq });
  }

  #flushMirror(): Promise<void> {
    if (this.#mirrorTimer) clearTimeout(this.#mirrorTimer);
    this.#mirrorTimer = null;
    return this.#serial(() => this.#mirrorWaiting());
  }

  /** Mirrors the library's writes not mirrored yet (call from a serial step). */
  async #mirrorWaiting(): Promise<void> {
    const keys = [...this.#waiting];
    this.#waiting.clear();
    if (keys.length === 0 || !this.#replica || !this.#clock) return;
    // A document's pictures go into the replica before it, so they reach the other device no later than it.
    this.#mirrorWrites += await mirrorPictures(this.#storage, this.#replica, keys);
    this.#mirrorWrites += await mirrorToReplica(this.#storage, this.#replica, keys, this.#clock, this.#base);
  }

  /** Keeps the list of records with texts left for the reader: `open` now hold some, `settled` no longer do. */
  async #noteConflicts(open: readonly string[], settled: readonly string[]): Promise<void> {
    const before = (await this.#config.read()).conflictIds ?? [];
    const done = new Set(settled);
    const after = [...new Set([...before.filter((id) => !done.has(id) || open.includes(id)), ...open])];
    if (after.length !== before.length || after.some((id, i) => id !== before[i]))
      await this.#config.update({ conflictIds: after });
  }

  /** Settles conflicts among the records that arrived and applies them to the library. */
  #takeIn(
    ids: readonly string[],
    open: readonly string[],
    settled: readonly string[],
  ): Promise<{ merged: number; mergedIds: string[]; applied: number }> {
    return this.#serial(async () => {
      const replica = this.#replica;
      if (!replica || !this.#clock || ids.length === 0) return { merged: 0, mergedIds: [], applied: 0 };
      // Local edits not mirrored yet go in first, so applying what arrived cannot overwrite them in the library.
      await this.#mirrorWaiting();
      const merged = await settleConflicts(replica, ids, this.#clock);
      await this.#noteConflicts(
        [...open.filter((id) => !merged.some((m) => m.id === id)), ...merged.filter((m) => m.open).map((m) => m.id)],
        [...settled, ...merged.filter((m) => !m.open).map((m) => m.id)],
      );
      // What this pull changed, for the open screens: the Reader reloads its highlights when its own document is
      // among these, the Library its rows when anything changed.
      const changed = new Set<string>();
      let changedAny = false;
      const stopListening = this.#storage.changes.onWrite((change) => {
        changedAny = true;
        if (change.documentId) changed.add(change.documentId);
      });
      let applied: number;
      try {
        applied = await applyToLibrary(this.#storage, replica, ids, this.#applyOptions);
      } finally {
        stopListening();
      }
      this.#arrivals.note(changed, changedAny);
      // The library now holds the replica's versions of these: the next comparison starts from them.
      for (const id of ids) this.#base.delete(id);
      await this.#config.update({ appliedSeq: (await replica.info()).update_seq });
      return { merged: merged.length, mergedIds: merged.map((m) => m.id), applied };
    });
  }

  async #startLive(server: SyncServer): Promise<void> {
    if (!this.#replica || this.#closed) return;
    const remote = await this.#remote(server);
    const first = this.options.retryDelayMs ?? 1000;
    const live = this.#replica.sync(remote, {
      live: true,
      retry: true,
      batch_size: this.#batchSize,
      back_off_function: (delay) => (delay === 0 ? first : Math.min(delay * 2, 30_000)),
    });
    this.#live = live;
    this.#state = 'idle';
    live.on('change', (info) => {
      if (info.direction === 'pull')
        void this.#takeIn(
          info.change.docs.map((doc) => doc._id),
          info.change.docs.filter((doc) => hasOpenVersions(doc)).map((doc) => doc._id),
          info.change.docs.filter((doc) => !hasOpenVersions(doc)).map((doc) => doc._id),
        ).catch(() => undefined);
      else void this.#config.update({ pushedSeq: info.change.last_seq }).catch(() => undefined);
    });
    live.on('paused', (error) => {
      if (this.#live !== live) return;
      if (error) {
        const problem = describeServerError(error, server);
        this.#state = problem.state;
        this.#problem = problem.message;
      } else {
        this.#state = 'idle';
        this.#problem = null;
        // Caught up both ways: what the replica holds is on the server, unless the library was written meanwhile.
        void this.#serial(async () => {
          const replica = this.#replica;
          if (!replica || this.#live !== live) return;
          const writes = this.#mirrorWrites;
          await this.#mirrorWaiting();
          // Something was written: live sync sends it and pauses again, and this runs again then.
          if (this.#mirrorWrites !== writes) return;
          const seq = (await replica.info()).update_seq;
          await this.#config.update({ pushedSeq: seq, lastSyncAt: this.options.now().toISOString() });
        }).catch(() => undefined);
      }
    });
    live.on('active', () => {
      if (this.#live === live) this.#state = 'syncing';
    });
    live.on('error', (error) => {
      if (this.#live !== live) return;
      const problem = describeServerError(error, server);
      this.#state = 'error';
      this.#problem = problem.message;
    });
  }

  #stopLive(): void {
    this.#live?.cancel();
    this.#live = null;
  }

  async #pending(config: SyncConfig): Promise<number> {
    if (!this.#replica) return 0;
    const { results } = await this.#replica.changes({ since: config.pushedSeq ?? 0, include_docs: true });
    const device = config.deviceId;
    return (
      (results as { doc?: { device?: string } }[]).filter((r) => r.doc?.device === device).length + this.#waiting.size
    );
  }

  #message(state: SyncState, config: SyncConfig): string {
    if (this.#problem && (state === 'offline' || state === 'error')) return this.#problem;
    if (state === 'syncing') return 'Syncing…';
    if (!config.lastSyncAt) return 'Not synced yet.';
    const minutes = Math.round((this.options.now().getTime() - Date.parse(config.lastSyncAt)) / 60_000);
    const ago =
      minutes < 1
        ? 'just now'
        : minutes === 1
          ? '1 minute ago'
          : minutes < 120
            ? `${minutes} minutes ago`
            : `at ${config.lastSyncAt.slice(0, 16).replace('T', ' ')} UTC`;
    return state === 'live' ? `Live sync on; last change synced ${ago}.` : `Synced ${ago}.`;
  }
}

/** The machine's time zone (the reader's: the hosts serve this machine only), as the service's readerZone reads it. */
function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
