/** The Restore screen's state: the library's backups, taking one now, and restoring one (after the reader confirms). */
import type { BackupSummary } from '../../../src-main/api/contract';
import { api } from '../api.svelte';
import { isLectioError } from '../../../src-main/core/errors';
import { pollProgress } from '../poll-progress';
import { TaskState } from './task-state.svelte';

export class BackupsState extends TaskState {
  backups = $state<BackupSummary[]>([]);
  loading = $state(true);
  status = $state<string | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    const backups = await this.run(() => api.listBackups({}));
    if (backups) this.backups = backups;
    this.loading = false;
  }

  /** While a backup runs: the share done (0–1), polled from the service, which owns the copy. */
  progress = $state<number | null>(null);

  async backUpNow(): Promise<void> {
    this.progress = 0;
    const stopPolling = pollProgress(
      () => api.backupProgress({}),
      (p) => {
        if (p.running && p.total > 0 && this.progress !== null) this.progress = p.done / p.total;
      },
    );
    let cancelled = false;
    try {
      const made = await this.run(async () => {
        try {
          return await api.createBackup({});
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
    await this.load();
  }

  async cancelBackup(): Promise<void> {
    await api.cancelBackup({});
  }

  /** Restores `id`; returns true when the library was replaced (the caller then reloads the app on it). */
  async restore(id: string): Promise<boolean> {
    return (await this.run(async () => (await api.restoreBackup({ id }), true))) ?? false;
  }
}
