/** The backups part of the service: listing the library's backups, taking one by hand, and restoring one. */
import type { BackupManifest } from '../../storage/backups';
import { BackupUnusableError } from '../../storage/backups';
import type { BackupSummary, LectioApi } from '../contract';
import { InvalidInputError, type ServiceDeps } from './deps';

type BackupMethods = Pick<LectioApi, 'listBackups' | 'createBackup' | 'restoreBackup' | 'backupProgress' | 'cancelBackup'>;

function summary(manifest: BackupManifest): BackupSummary {
  return {
    id: manifest.id,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    documents: manifest.documents,
    files: manifest.files.length,
    bytes: manifest.files.reduce((sum, file) => sum + file.bytes, 0),
  };
}

export function backupMethods(deps: ServiceDeps): BackupMethods {
  const { storage } = deps;
  // The backup the reader asked for, while it runs: how far it got, and how to stop it.
  let running: { done: number; total: number; controller: AbortController } | null = null;
  return {
    async backupProgress() {
      return running ? { running: true, done: running.done, total: running.total } : { running: false, done: 0, total: 0 };
    },

    async cancelBackup() {
      running?.controller.abort();
      return { cancelled: running !== null };
    },

    async listBackups() {
      return (await storage.backups.list()).map(summary);
    },

    async createBackup() {
      if (running) throw new InvalidInputError('A backup is already being taken.');
      const current = { done: 0, total: 0, controller: new AbortController() };
      running = current;
      try {
        const progress = (done: number, total: number) => Object.assign(current, { done, total });
        const manifest = await storage.backups.create('manual', { progress, signal: current.controller.signal });
        if (!manifest) throw new Error('The backup could not be taken.');
        return summary(manifest);
      } finally {
        running = null;
      }
    },

    async restoreBackup({ id }) {
      try {
        const restored = (await storage.backups.list()).find((backup) => backup.id === id);
        if (!restored) throw new BackupUnusableError(id, 'there is no such backup');
        const safety = await storage.restoreBackup(id);
        return { restored: summary(restored), safety: summary(safety) };
      } catch (error) {
        if (error instanceof BackupUnusableError) throw new InvalidInputError(`${error.message}. Nothing was changed.`);
        throw error;
      }
    },
  };
}
