/**
 * Backups through the service: taken only when something changed, verified, thinned by the retention policy, and
 * restored in the running process (after a safety backup of the current state), with late writes refused.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { BackupScheduler, type IntervalTimers } from '../../storage/backup-scheduler';
import type { LibraryStorage } from '../../storage/library-storage';
import { fullTestLibrary, openTestLibrary } from '../../storage/test-library';

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

async function library() {
  const made = await fullTestLibrary();
  opened.push(made.storage);
  return made;
}

describe('backups', () => {
  it('copies every data file with a manifest, and takes no automatic backup when nothing changed', async () => {
    const { storage, dataDir } = await library();
    const first = await storage.backups.create('scheduled', { onlyIfChanged: true });
    expect(first?.files.map((file) => file.path)).toContain('library.json');
    expect(first?.documents).toBe(1);
    const copy = path.join(dataDir, 'backups', first?.id ?? '', 'settings.json');
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
    expect(await storage.backups.create('scheduled', { onlyIfChanged: true })).toBeNull();
    expect(await storage.backups.create('manual')).not.toBeNull();
  });

  it('leaves a damaged file out of a backup instead of copying it', async () => {
    const { storage, dataDir } = await library();
    storage.close();
    const { storage: again } = await openTestLibrary(dataDir);
    opened.push(again);
    writeFileSync(path.join(dataDir, 'quiz.json'), '{"half');
    const backup = await again.backups.create('manual');
    expect(backup?.skipped).toEqual(['quiz.json']);
    expect(backup?.files.some((file) => file.path === 'quiz.json')).toBe(false);
  });

  it('thins old backups by the retention policy only after a new one is verified', async () => {
    const { dataDir, storage } = await library();
    storage.close();
    let clock = Date.parse('2026-01-01T00:00:00.000Z');
    const { storage: timed, api } = await openTestLibrary(dataDir, () => new Date(clock));
    opened.push(timed);
    for (let i = 0; i < 20; i++) {
      clock += 12 * 60 * 60 * 1000; // two a day for ten days
      await api.setDocumentNote({ documentId: (await api.listDocuments({}))[0]?.id ?? '', note: `day ${i}` });
      await timed.backups.create('scheduled', { onlyIfChanged: true });
    }
    const kept = await timed.backups.list();
    // 12 newest (six days' worth) plus the newest of each of the four older days.
    expect(kept).toHaveLength(12 + 4);
    expect(readdirSync(path.join(dataDir, 'backups')).filter((name) => !name.startsWith('.'))).toHaveLength(16);
  });

  it('restores a backup in the running process, keeping the current state as a safety backup', async () => {
    const { api, storage, documentId } = await library();
    const backup = await api.createBackup({});
    const later = await api.importDocument({ text: 'An article added after the backup.', format: 'text' });
    await api.setDocumentNote({ documentId, note: 'changed after the backup' });
    await api.updateSettings({ colorLabels: { '1': 'Later', '2': 'A', '3': 'B', '4': 'C', '5': 'D' } });
    const staleAnnotations = await storage.files.annotations.get(documentId);

    const { restored, safety } = await api.restoreBackup({ id: backup.id });
    expect(restored.id).toBe(backup.id);
    expect((await api.listDocuments({})).map((doc) => doc.id)).toEqual([documentId]);
    expect((await api.getAnnotations({ documentId })).documentNote).toBe('Read twice.');
    expect((await api.getSettings({})).colorLabels['1']).toBe('Money');
    expect((await api.listCards({})).length).toBe(1);
    expect((await api.appInfo({})).notices[0]).toMatchObject({
      level: 'info',
      message: expect.stringContaining('restored from the backup'),
    });
    // A write through a file opened before the restore is refused, never written over the restored file.
    staleAnnotations.data.documentNote = 'late';
    await expect(staleAnnotations.write()).rejects.toThrow(/restored from a backup/);
    expect((await api.getAnnotations({ documentId })).documentNote).toBe('Read twice.');

    // The safety backup holds the state from just before: restoring it brings the later article back.
    await api.restoreBackup({ id: safety.id });
    expect((await api.listDocuments({})).map((doc) => doc.id).sort()).toEqual([documentId, later.id].sort());
    expect((await api.getAnnotations({ documentId })).documentNote).toBe('changed after the backup');
  });

  it('refuses a missing or damaged backup with a typed error, before changing anything', async () => {
    const { api, dataDir, documentId } = await library();
    const backup = await api.createBackup({});
    writeFileSync(path.join(dataDir, 'backups', backup.id, 'library.json'), '{"documents": []}');
    const before = readFileSync(path.join(dataDir, 'library.json'), 'utf8');
    expect(await dispatch(api, 'restoreBackup', { id: backup.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/damaged.*Nothing was changed/) },
    });
    expect(await dispatch(api, 'restoreBackup', { id: '2020-01-01T00-00-00-000Z' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'restoreBackup', { id: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(readFileSync(path.join(dataDir, 'library.json'), 'utf8')).toBe(before);
    expect((await api.listDocuments({})).map((doc) => doc.id)).toEqual([documentId]);
  });
});

describe('BackupScheduler', () => {
  it('backs up at start, on each half-hour tick only when something changed, and on quit', async () => {
    const { api, storage, documentId } = await library();
    let tick: (() => void) | null = null;
    let interval = 0;
    const timers: IntervalTimers = {
      setInterval: (run, ms) => {
        tick = run;
        interval = ms;
        return 1;
      },
      clearInterval: () => {
        tick = null;
      },
    };
    const scheduler = new BackupScheduler(storage.backups, { timers });
    expect((await scheduler.start())?.reason).toBe('start');
    expect(interval).toBe(30 * 60 * 1000);
    const count = async () => (await storage.backups.list()).length;
    (tick as (() => void) | null)?.();
    await scheduler.stop().then(() => undefined);
    expect(await count()).toBe(1); // nothing changed: neither the tick nor the quit backed up
    const again = new BackupScheduler(storage.backups, { timers });
    await again.start();
    await api.setDocumentNote({ documentId, note: 'changed' });
    expect((await again.stop())?.reason).toBe('quit');
    expect(await count()).toBe(2);
  });

  it('lets the start-up backup wait, and a quit before it comes takes the quit backup instead', async () => {
    const { api, storage, documentId } = await library();
    const timers: IntervalTimers = { setInterval: () => 1, clearInterval: () => undefined };
    const count = async () => (await storage.backups.list()).length;
    const waiting = new BackupScheduler(storage.backups, { timers, startDelayMs: 60_000 });
    const started = waiting.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await count()).toBe(0); // still waiting
    await api.setDocumentNote({ documentId, note: 'changed before the start-up backup' });
    expect((await waiting.stop())?.reason).toBe('quit');
    expect(await started).toBeNull();
    expect(await count()).toBe(1);
    const soon = new BackupScheduler(storage.backups, { timers, startDelayMs: 10 });
    await api.setDocumentNote({ documentId, note: 'changed again' });
    expect((await soon.start())?.reason).toBe('start');
    expect(await soon.stop()).toBeNull();
    expect(await count()).toBe(2);
  });
});

describe('an automatic backup that fails', () => {
  it('is tried again after a wait when the failure may pass, and succeeds once it has', async () => {
    const { storage, dataDir } = await library();
    // A real passing failure: a file where the backups folder goes makes every backup fail (ENOTDIR) until it is gone.
    const blocker = path.join(dataDir, 'backups');
    writeFileSync(blocker, 'in the way');
    const retries: string[] = [];
    const errors: unknown[] = [];
    const timers: IntervalTimers = { setInterval: () => 1, clearInterval: () => undefined };
    const scheduler = new BackupScheduler(storage.backups, {
      timers,
      retryDelaysMs: [10, 10],
      onError: (error) => errors.push(error),
      onRetry: (error) => {
        retries.push((error as NodeJS.ErrnoException).code ?? '');
        if (retries.length === 2) rmSync(blocker);
      },
    });
    const made = await scheduler.start();
    expect(retries).toHaveLength(2);
    expect(errors).toEqual([]);
    expect(made?.reason).toBe('start');
    expect((await storage.backups.list()).map((backup) => backup.id)).toEqual([made?.id]);
    await scheduler.stop();
  });

  it('tells onError once its retries are spent, and quitting does not wait for a retry', async () => {
    const { storage, dataDir } = await library();
    writeFileSync(path.join(dataDir, 'backups'), 'in the way');
    const errors: unknown[] = [];
    const timers: IntervalTimers = { setInterval: () => 1, clearInterval: () => undefined };
    const spent = new BackupScheduler(storage.backups, {
      timers,
      retryDelaysMs: [5],
      onError: (error) => errors.push(error),
    });
    expect(await spent.start()).toBeNull();
    expect(errors).toHaveLength(1);
    await spent.stop();
    let retrying = () => undefined as void;
    const retryStarted = new Promise<void>((resolve) => (retrying = resolve));
    const waiting = new BackupScheduler(storage.backups, {
      timers,
      retryDelaysMs: [10 * 60_000],
      onError: () => undefined,
      onRetry: () => retrying(),
    });
    const started = waiting.start();
    await retryStarted;
    // The retry would wait ten minutes; stop() ends that wait at once and the start-up backup gives up.
    await waiting.stop();
    expect(await started).toBeNull();
  });
});

describe('a backup the reader asked for', () => {
  it('reports its progress, two steps a file, and is done when the call returns', async () => {
    const { storage } = await library();
    const seen: [number, number][] = [];
    const made = await storage.backups.create('manual', { progress: (done, total) => seen.push([done, total]) });
    const total = seen[0]?.[1] ?? 0;
    expect(total).toBe((made?.files.length ?? 0) * 2);
    expect(seen.at(-1)).toEqual([total, total]);
  });

  it('can be cancelled: the call fails with a typed error and no backup is left behind', async () => {
    const { api, dataDir } = await library();
    const before = (await api.listBackups({})).length;
    const taking = dispatch(api, 'createBackup', {});
    expect(await api.backupProgress({})).toMatchObject({ running: true });
    expect(await api.cancelBackup({})).toEqual({ cancelled: true });
    expect(await taking).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((await api.listBackups({})).length).toBe(before);
    const folder = path.join(dataDir, 'backups');
    expect(existsSync(folder) ? readdirSync(folder).filter((name) => name.includes('partial')) : []).toEqual([]);
    expect(await api.backupProgress({})).toEqual({ running: false, done: 0, total: 0 });
    expect(await api.createBackup({})).toMatchObject({ reason: 'manual' });
  });
});
