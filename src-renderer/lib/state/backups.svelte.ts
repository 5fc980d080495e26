/** The Restore screen's state: the library's backups, taking one now, and restoring one (after the reader confirms). */
import type { BackupSummary, LectioApi } from '@contract';
import { isLectioError } from '@core/errors';
import { pollProgress } from '../poll-progress';
import { TaskState } from './task-state.svelte';

export class BackupsState extends TaskState {
  backups = $state<BackupSummary[]>([]);
  loading = $state(true);
  status = $state<string | null>(null);

  constructor(private readonly api: LectioApi) {
    super();
  }

  async load(): Promise<void> {
    this.loading = true;
    const backups = await this.run(() => this.api.listBackups({}));
    if (backups) this.backups = backups;
    this.loading = false;
  }

  /** While a backup runs: the share done (0–1), polled from the service, which owns the copy. */
  progress = $state<number | null>(null);

  async backUpNow(): Promise<void> {
    this.progress = 0;
    const stopPolling = pollProgress(
      () => this.api.backupProgress({}),
      (p) => {
        if (p.running && p.total > 0 && this.progress !== null) this.progress = p.done / p.total;
      },
    );
    let cancelled = false;
    try {
      const made = await this.run(async () => {
        try {
          return await this.api.createBackup({});
        } catch (error) {
          cancelled = isLectioError(error, 'cancelled');
          throw error;
        }
      });
      if (made) this.status = `Backed up ${made.documents} ${made.documents === 1 ? 'article' : 'articles'}.`;
      else if (cancelled) [this.error, this.status] = [null, 'Backup cancelled; nothing was changed.'];
    } finally {
      stopPolling();
      this.progress = null;
    }
    await this.#refresh();
  }

  /**
   * Lists the backups again after one was taken (or refused). Not through `load`, whose success clears `error`: the
   * reason a backup failed ("the disk is full", "a backup is already being taken") was wiped as soon as it was set.
   */
  async #refresh(): Promise<void> {
    try {
      this.backups = await this.api.listBackups({});
    } catch {
      // The list shown stays; what the screen says is the backup's own outcome.
    }
  }

  async cancelBackup(): Promise<void> {
    await this.api.cancelBackup({});
  }

  /** Restores `id`; returns true when the library was replaced (the caller then reloads the app on it). */
  async restore(id: string): Promise<boolean> {
    return (await this.run(async () => (await this.api.restoreBackup({ id }), true))) ?? false;
  }
}
