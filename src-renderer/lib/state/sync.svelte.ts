/**
 * Settings › Sync: the status of this device's sync (server, state in plain words, last sync, pending changes,
 * conflicts), connecting to a server (the service checks it before anything is saved), Sync now, live sync on or off,
 * and "Stop syncing this device". The password typed is sent once and never read back: the form shows "Saved".
 */
import type { LectioApi, SyncPasswordStore, SyncRunResult, SyncSettingsInput, SyncStatus } from '@contract';
import { TaskState } from './task-state.svelte';

export class SyncState extends TaskState {
  status = $state<SyncStatus | null>(null);
  /** The last Sync now's counts, for the line under the button; null before one ran on this screen. */
  lastRun = $state<SyncRunResult | null>(null);
  /** True once a Connect succeeded on this screen: the form says "Saved" beside the password it will not show. */
  saved = $state(false);

  constructor(private readonly api: LectioApi) {
    super();
  }

  /** Where the password would be kept, and why it cannot be where the device has no safe place for it. */
  passwordStore = $state<SyncPasswordStore | null>(null);

  async load(): Promise<void> {
    const loaded = await this.run(() => Promise.all([this.api.getSyncStatus({}), this.api.getSyncPasswordStore({})]));
    if (!loaded) return;
    [this.status, this.passwordStore] = loaded;
  }

  /**
   * Checks the server with these settings and saves them only if it answers as it should; returns whether it did.
   * An empty password keeps the stored one (editing the other fields). A refusal leaves the stored settings as they
   * were and says why in `error`.
   */
  async connect(settings: SyncSettingsInput): Promise<boolean> {
    this.saved = false;
    const status = await this.run(() => this.api.configureSync(settings));
    if (!status) return false;
    this.status = status;
    this.saved = true;
    return true;
  }

  async syncNow(): Promise<void> {
    const result = await this.run(() => this.api.syncNow({}));
    if (!result) {
      // The counts shown were the previous run's; the status says what went wrong in plain words.
      this.lastRun = null;
      await this.refreshQuietly();
      return;
    }
    this.lastRun = result;
    this.status = result.status;
  }

  async setLive(live: boolean): Promise<void> {
    const status = await this.run(() => this.api.setLiveSync({ live }));
    if (status) this.status = status;
  }

  /** Forgets the server and the password on this device; the library stays as it is. */
  async stop(): Promise<void> {
    const status = await this.run(() => this.api.stopSyncing({}));
    if (!status) return;
    this.status = status;
    this.saved = false;
    this.lastRun = null;
  }

  /** Reads the status again (live sync moves on by itself) without replacing the error a call just reported. */
  async refreshQuietly(): Promise<void> {
    try {
      this.status = await this.api.getSyncStatus({});
    } catch {
      // The next refresh tries again; the screen keeps the last status it had.
    }
  }
}
