/** The Restore screen's state: the library's backups, taking one now, and restoring one (after the reader confirms). */
import type { BackupSummary } from '../../../src-main/api/contract';
import { api } from '../api.svelte';
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

  async backUpNow(): Promise<void> {
    const made = await this.run(() => api.createBackup({}));
    if (!made) return;
    this.status = `Backed up ${made.documents} ${made.documents === 1 ? 'article' : 'articles'}.`;
    await this.load();
  }

  /** Restores `id`; returns true when the library was replaced (the caller then reloads the app on it). */
  async restore(id: string): Promise<boolean> {
    return (await this.run(async () => (await api.restoreBackup({ id }), true))) ?? false;
  }
}
