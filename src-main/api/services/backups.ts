/** The backups part of the service: listing the library's backups, taking one by hand, and restoring one. */
import type { BackupManifest } from '../../storage/backups';
import { backupUnusable } from '../../storage/backups';
import type { BackupSummary, LectioApi } from '../contract';
import { type ServiceDeps } from './deps';
import { SingleJob } from './single-job';
import { isLectioError, LectioError } from '../../core/errors';

type BackupMethods = Pick<
  LectioApi,
  'listBackups' | 'createBackup' | 'restoreBackup' | 'backupProgress' | 'cancelBackup'
>;

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
  // The backup the reader asked for, while it runs: how far it got, and how to stop it. The store checks the signal as it
  // copies; a cancel after its last check lets the backup finish and be kept, so no 'nothing was changed' error follows.
  const manual = new SingleJob({ busy: 'A backup is already being taken.' });
  return {
    backupProgress: async () => manual.progress(),
    cancelBackup: async () => manual.cancel(),

    async listBackups() {
      return (await storage.backups.list()).map(summary);
    },

    async createBackup() {
      // The total (two steps a file) is known only once the store has listed the files: it reports it with the first step.
      return manual.run({ total: 0 }, async ({ progress, signal }) => {
        const manifest = await storage.backups.create('manual', { progress, signal });
        if (!manifest) throw new LectioError('backup-failed', 'The backup could not be taken.');
        return summary(manifest);
      });
    },

    async restoreBackup({ id }) {
      try {
        const restored = (await storage.backups.list()).find((backup) => backup.id === id);
        if (!restored) throw backupUnusable(id, 'there is no such backup');
        const safety = await storage.restoreBackup(id);
        return { restored: summary(restored), safety: summary(safety) };
      } catch (error) {
        if (isLectioError(error, 'backup-unusable'))
          throw new LectioError('backup-unusable', `${error.message}. Nothing was changed.`);
        throw error;
      }
    },
  };
}
