/**
 * A write that fails (a full disk, a folder Lectio may not write) leaves the previous file exactly as it was, removes
 * its temp file, and reaches the reader as a typed `storage` error. The failure is injected into node:fs/promises
 * (the tests run as any user, where a read-only folder may not stop root).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const failing = vi.hoisted(() => ({ code: null as string | null, writes: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    open: async (file: string, flags: string, mode?: number) => {
      if (flags === 'w' && path.basename(file).endsWith('.tmp')) {
        failing.writes++;
        if (failing.code) {
          const handle = await real.open(file, flags, mode);
          const code = failing.code;
          // The temp file exists but its write fails, as on a full disk: the cleanup must remove it.
          return Object.assign(Object.create(handle) as typeof handle, {
            writeFile: async () => {
              throw Object.assign(new Error(`${code}: simulated`), { code });
            },
            close: () => handle.close(),
            sync: () => handle.sync(),
          });
        }
      }
      return real.open(file, flags, mode);
    },
  };
});

const { DurableJsonFile } = await import('./durable-file');
const { LibraryStorage } = await import('./library-storage');
const { createService } = await import('../api/service');
const { dispatch } = await import('../api/dispatch');
const { inProcessRunner } = await import('../analysis/extraction-runner');

afterEach(() => {
  failing.code = null;
});

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'lectio-durable-'));

describe('DurableJsonFile', () => {
  it.each(['ENOSPC', 'EACCES'])(
    'leaves the old file intact and no temp file when a write fails with %s',
    async (code) => {
      const dir = tempDir();
      const file = new DurableJsonFile<{ n: number }>(path.join(dir, 'a.json'));
      await file.write({ n: 1 });
      failing.code = code;
      await expect(file.write({ n: 2 })).rejects.toMatchObject({ code });
      expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'))).toEqual({ n: 1 });
      expect(readdirSync(dir)).toEqual(['a.json']);
      failing.code = null;
      await file.write({ n: 3 });
      expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'))).toEqual({ n: 3 });
    },
  );

  it('coalesces a burst of writes into a few, and every caller’s data is in what lands', async () => {
    const dir = tempDir();
    const file = new DurableJsonFile<{ items: number[] }>(path.join(dir, 'b.json'));
    const data = { items: [] as number[] };
    const before = failing.writes;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        data.items.push(i);
        return file.write(data);
      }),
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'b.json'), 'utf8')).items).toHaveLength(200);
    expect(failing.writes - before).toBeLessThanOrEqual(3);
  });

  it('refuses writes once retired, after finishing those already accepted', async () => {
    const dir = tempDir();
    const file = new DurableJsonFile<{ n: number }>(path.join(dir, 'c.json'));
    const accepted = file.write({ n: 1 });
    await file.retire();
    await accepted;
    await expect(file.write({ n: 2 })).rejects.toMatchObject({ code: 'store-retired' });
    expect(JSON.parse(readFileSync(path.join(dir, 'c.json'), 'utf8'))).toEqual({ n: 1 });
  });
});

describe('a failed save through the API', () => {
  it.each([
    ['ENOSPC', /disk is full/],
    ['EACCES', /may not write to its data folder/],
  ])('returns a typed storage error for %s and changes nothing on disk', async (code, message) => {
    const dataDir = tempDir();
    const now = () => new Date('2026-02-03T04:05:06.000Z');
    const storage = await LibraryStorage.open({ dataDir, now });
    try {
      const api = createService({ storage, host: 'browser', extraction: inProcessRunner, version: 't', now });
      const doc = await api.importDocument({ text: 'One sentence here. Another one there.', format: 'text' });
      await api.setDocumentNote({ documentId: doc.id, note: 'kept' });
      const annotations = path.join(dataDir, 'annotations', `${doc.id}.json`);
      const before = readFileSync(annotations, 'utf8');
      failing.code = code;
      const result = await dispatch(api, 'createHighlight', { documentId: doc.id, start: 0, end: 3, color: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(message) } });
      expect(readFileSync(annotations, 'utf8')).toBe(before);
      expect(readdirSync(path.join(dataDir, 'annotations')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      failing.code = null;
      // The refused highlight is not left in memory to be saved by the next successful write.
      await api.setDocumentNote({ documentId: doc.id, note: 'later' });
      expect((await api.getAnnotations({ documentId: doc.id })).highlights).toEqual([]);
      expect(JSON.parse(readFileSync(annotations, 'utf8')).highlights).toEqual([]);
    } finally {
      storage.close();
    }
  });
});
