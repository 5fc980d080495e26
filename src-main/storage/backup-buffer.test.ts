/**
 * A backup reads every file through one reused buffer (backup-buffer.ts), not a new Buffer per file: its copies are
 * still byte for byte the library's, a damaged file read after a longer good one is still left out (no stale bytes
 * from the buffer), and a file past the buffer's cap is read whole without growing the buffer to it.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_BUFFER_CAP, BackupBuffer } from './backup-buffer';
import { BackupStore } from './backups';
import { acceptDataFile } from './data-file-checks';
import { dataFilePath } from './data-files';
import type { LibraryStorage } from './library-storage';
import { openTestLibrary, STUDY_TEXT } from './test-library';

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

describe('the backup buffer', () => {
  it('reads every file of a backup through one buffer, and its copies are the library files byte for byte', async () => {
    const { api, storage, dataDir } = await openTestLibrary();
    opened.push(storage);
    // Documents of different lengths, so a shorter file is read into the buffer after a longer one.
    for (let i = 1; i <= 12; i++)
      await api.importDocument({ text: STUDY_TEXT.repeat(((i * 7) % 12) + 1), format: 'text', title: `Text ${i}` });
    const backups = new BackupStore({
      dataDir,
      now: () => new Date('2026-05-01T10:00:00.000Z'),
      accept: acceptDataFile,
    });
    const buffer = new BackupBuffer();
    const manifest = await backups.create('manual', { buffer });

    expect(manifest?.documents).toBe(12);
    expect(manifest?.skipped).toEqual([]);
    expect(manifest?.files.filter((f) => f.path.startsWith('documents/'))).toHaveLength(12);
    // Every file was read twice (checked, then its copy hashed), all through the one buffer allocated once.
    expect(buffer.allocations).toBe(1);
    for (const entry of manifest?.files ?? [])
      expect(readFileSync(backups.copyPath(manifest?.id ?? '', entry))).toEqual(
        readFileSync(dataFilePath(dataDir, entry.path)),
      );
    const verified = await backups.readVerified(manifest?.id ?? '');
    expect(verified.contents.size).toBe(manifest?.files.length);
  });

  it('leaves out a damaged file read right after a longer good one', async () => {
    const { api, storage, dataDir } = await openTestLibrary();
    opened.push(storage);
    await api.importDocument({ text: STUDY_TEXT.repeat(20), format: 'text', title: 'Long' });
    // A cut-off copy of a good document: the start of a longer file is still in the buffer after it.
    const damaged = 'documents/zz-damaged.json';
    const good = readFileSync(path.join(dataDir, 'library.json'), 'utf8');
    writeFileSync(dataFilePath(dataDir, damaged), good.slice(0, 40));
    const backups = new BackupStore({
      dataDir,
      now: () => new Date('2026-05-01T10:00:00.000Z'),
      accept: acceptDataFile,
    });
    const manifest = await backups.create('manual', { buffer: new BackupBuffer() });
    expect(manifest?.skipped).toEqual([damaged]);
    expect(manifest?.files.map((f) => f.path)).not.toContain(damaged);
  });

  it('reads a file past its cap whole, in a buffer of its own, and keeps the reused one small', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-backup-buffer-'));
    const small = path.join(dir, 'small.json');
    const large = path.join(dir, 'large.json');
    writeFileSync(small, '{"a":1}');
    const big = Buffer.alloc(BACKUP_BUFFER_CAP + 1000, 'x');
    writeFileSync(large, big);
    const buffer = new BackupBuffer();
    expect((await buffer.read(small)).toString()).toBe('{"a":1}');
    expect((await buffer.read(large)).equals(big)).toBe(true);
    expect((await buffer.read(small)).toString()).toBe('{"a":1}');
    // One for the reused buffer, one for the large file alone; the small read after it did not allocate again.
    expect(buffer.allocations).toBe(2);
    expect(buffer.chunk().length).toBeLessThan(BACKUP_BUFFER_CAP);
  });
});

describe('a backup run over earlier backups', () => {
  it('takes a fresh name past a leftover folder of an unfinished backup that has its name', async () => {
    const { api, storage, dataDir } = await openTestLibrary();
    opened.push(storage);
    await api.importDocument({ text: STUDY_TEXT, format: 'text', title: 'One' });
    const now = new Date('2026-05-01T10:00:00.000Z');
    const backups = new BackupStore({ dataDir, now: () => now, accept: acceptDataFile });
    // A folder of that name with no manifest (a copy interrupted by hand): not a backup, but its name is taken.
    const leftover = path.join(backups.folder, '2026-05-01T10-00-00-000Z');
    mkdirSync(leftover, { recursive: true });
    writeFileSync(path.join(leftover, 'library.json'), '{}');
    const manifest = await backups.create('manual');
    expect(manifest?.id).toBe('2026-05-01T10-00-00-000Z-2');
    expect((await backups.list()).map((backup) => backup.id)).toEqual([manifest?.id]);
    // The next run links from it (found as the newest backup without holding every manifest).
    const next = await backups.create('manual', { onlyIfChanged: true });
    expect(next).toBeNull();
  });
});
