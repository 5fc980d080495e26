/**
 * A change that fails - it throws, or its write fails as on a full disk - leaves the document's data as last saved, in
 * memory and on disk, so a change reported as not saved never reappears with the next successful one.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PerDocumentStore } from './per-document-store';
import type { Recovery } from './recovery';

interface Notes {
  schemaVersion: number;
  notes: string[];
}

const isNotes = (data: unknown): data is Notes =>
  typeof data === 'object' && data !== null && Array.isArray((data as Notes).notes);
/** No backups to restore from here, and nothing to announce: these files are never bad. */
const recovery: Recovery = { restore: async () => null, announce: () => undefined };

function store(folder = mkdtempSync(path.join(os.tmpdir(), 'lectio-perdoc-'))) {
  return new PerDocumentStore<Notes>(
    { folder, schemaVersion: 1, defaults: () => ({ schemaVersion: 1, notes: [] }), isValid: isNotes, recovery },
    () => new Date('2026-01-01T00:00:00Z'),
  );
}

const onDisk = (notes: PerDocumentStore<Notes>, id: string) =>
  (JSON.parse(readFileSync(notes.path(id), 'utf8')) as Notes).notes;

describe('PerDocumentStore.update', () => {
  it('saves each change, one after the other', async () => {
    const notes = store();
    await Promise.all(['a', 'b', 'c'].map((note) => notes.update('doc', (data) => void data.notes.push(note))));
    expect((await notes.get('doc')).data.notes).toEqual(['a', 'b', 'c']);
    expect(onDisk(notes, 'doc')).toEqual(['a', 'b', 'c']);
  });

  it('puts back the data as last saved when the change throws after changing it', async () => {
    const notes = store();
    await notes.update('doc', (data) => void data.notes.push('kept'));
    await expect(
      notes.update('doc', (data) => {
        data.notes.push('half-made');
        data.notes[0] = 'overwritten';
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await notes.get('doc')).data.notes).toEqual(['kept']);
    await notes.update('doc', (data) => void data.notes.push('next'));
    expect(onDisk(notes, 'doc')).toEqual(['kept', 'next']);
  });

  it('puts back the data as last saved when the write fails, and the next change does not carry the failed one', async () => {
    const notes = store();
    await notes.update('doc', (data) => void data.notes.push('kept'));
    const db = await notes.get('doc');
    const write = vi
      .spyOn(db.adapter, 'write')
      .mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await expect(notes.update('doc', (data) => void data.notes.push('not saved'))).rejects.toThrow('ENOSPC');
    expect(db.data.notes).toEqual(['kept']);
    await notes.update('doc', (data) => void data.notes.push('next'));
    expect(onDisk(notes, 'doc')).toEqual(['kept', 'next']);
    write.mockRestore();
  });

  it('starts again from the defaults when a first change fails before anything was saved', async () => {
    const notes = store();
    await expect(notes.update('new', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect((await notes.get('new')).data.notes).toEqual([]);
  });

  it('reopens the file, with its checks, when what is on disk cannot be read back after a failure', async () => {
    const notes = store();
    await notes.update('doc', (data) => void data.notes.push('kept'));
    const first = await notes.get('doc');
    await expect(
      notes.update('doc', (data) => {
        data.notes.push('lost');
        writeFileSync(notes.path('doc'), JSON.stringify({ schemaVersion: 1, notes: ['from disk'] }));
        vi.spyOn(first.adapter, 'read').mockRejectedValueOnce(new Error('EIO'));
        throw new Error('failed');
      }),
    ).rejects.toThrow('failed');
    const reopened = await notes.get('doc');
    expect(reopened).not.toBe(first);
    expect(reopened.data.notes).toEqual(['from disk']);
  });
});
