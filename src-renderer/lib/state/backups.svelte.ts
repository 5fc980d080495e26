/** The Restore screen's state: the library's backups, taking one now, and restoring one (after the reader confirms). */
import type { BackupSummary } from '../../../src-main/api/contract';
import { api, errorMessage } from '../api.svelte';

export class BackupsState {
  backups = $state<BackupSummary[]>([]);
  loading = $state(true);
  busy = $state(false);
  error = $state<string | null>(null);
  status = $state<string | null>(null);

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.backups = await api.listBackups({});
      this.error = null;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  async backUpNow(): Promise<void> {
    this.busy = true;
    try {
      const made = await api.createBackup({});
      this.status = `Backed up ${made.documents} ${made.documents === 1 ? 'article' : 'articles'}.`;
      this.error = null;
      await this.load();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  /** Restores `id`; returns true when the library was replaced (the caller then reloads the app on it). */
  async restore(id: string): Promise<boolean> {
    this.busy = true;
    try {
      await api.restoreBackup({ id });
      this.error = null;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
