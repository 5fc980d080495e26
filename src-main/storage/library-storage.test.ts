import { existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../core/annotations/highlight';
import type { DocumentMeta } from '../core/model';
import { LibraryStorage } from './library-storage';

const now = () => new Date('2026-01-02T03:04:05.000Z');
const opened: LibraryStorage[] = [];

async function open(dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-storage-'))): Promise<LibraryStorage> {
  const storage = await LibraryStorage.open({ dataDir, now });
  opened.push(storage);
  return storage;
}

function meta(id: string): DocumentMeta {
  return {
    id,
    title: `Doc ${id}`,
    source: 'Src',
    publishedDate: null,
    addedAt: now().toISOString(),
    wordCount: 2,
    origin: 'paste',
  };
}

const body = { text: 'Hello world', blocks: [{ kind: 'paragraph' as const, start: 0, end: 11 }], marks: [] };

afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

describe('LibraryStorage', () => {
  it('creates a library with its schema version and knows it is new', async () => {
    const storage = await open();
    expect(storage.isNew).toBe(true);
    const index = JSON.parse(readFileSync(path.join(storage.dataDir, 'library.json'), 'utf8'));
    expect(index).toEqual({ schemaVersion: 1, documents: [] });
  });

  it('adds, lists, opens, updates and deletes documents, one file per document', async () => {
    const storage = await open();
    await storage.documents.add(meta('a'), body);
    await storage.documents.add(meta('b'), body);
    expect(storage.documents.list().map((doc) => doc.id)).toEqual(['a', 'b']);
    expect(readdirSync(path.join(storage.dataDir, 'documents')).sort()).toEqual(['a.json', 'b.json']);
    expect((await storage.documents.get('a')).body.text).toBe('Hello world');
    expect((await storage.documents.updateMeta('a', { title: 'Renamed' })).title).toBe('Renamed');
    await storage.documents.delete('a');
    expect(storage.documents.list().map((doc) => doc.id)).toEqual(['b']);
    expect(readdirSync(path.join(storage.dataDir, 'documents'))).toEqual(['b.json']);
    await expect(storage.documents.get('a')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('finds everything again after reopening', async () => {
    const first = await open();
    await first.documents.add(meta('kept'), body);
    first.close();
    const second = await open(first.dataDir);
    expect(second.isNew).toBe(false);
    expect((await second.documents.get('kept')).title).toBe('Doc kept');
  });

  it('refuses a second opener of the same folder while the first holds it', async () => {
    const first = await open();
    await expect(LibraryStorage.open({ dataDir: first.dataDir, now })).rejects.toMatchObject({
      code: 'library-locked',
    });
    first.close();
    const again = await open(first.dataDir);
    expect(again.documents.list()).toEqual([]);
  });

  it('moves a corrupt index aside, never overwriting it, and says so', async () => {
    const first = await open();
    first.close();
    const file = path.join(first.dataDir, 'library.json');
    writeFileSync(file, '{"schemaVersion": 1, "documents": [ broken');
    const storage = await open(first.dataDir);
    const aside = readdirSync(first.dataDir).filter((name) => name.startsWith('library.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(first.dataDir, aside[0] as string), 'utf8')).toContain('broken');
    expect(storage.notices[0]?.message).toMatch(/could not be read and was moved aside/);
  });

  it('moves aside a file that parses but has the wrong shape', async () => {
    const first = await open();
    await first.documents.add(meta('x'), body);
    first.close();
    writeFileSync(
      path.join(first.dataDir, 'documents', 'x.json'),
      JSON.stringify({ schemaVersion: 1, id: 'x', body: { text: 5 } }),
    );
    const storage = await open(first.dataDir);
    expect((await storage.documents.get('x')).body.text).toBe('');
    expect(readdirSync(path.join(first.dataDir, 'documents')).some((name) => name.startsWith('x.json.corrupt-'))).toBe(
      true,
    );
    expect(storage.notices.some((notice) => notice.message.includes('Doc x'))).toBe(true);
  });

  it('opens a library whose files a newer Lectio wrote, with a notice, refusing every write to them', async () => {
    const first = await open();
    await first.documents.add(meta('kept'), body);
    first.close();
    const newer = {
      'library.json': JSON.stringify({ schemaVersion: 99, documents: [], future: true }),
      'settings.json': JSON.stringify({ schemaVersion: 7, colorLabels: {} }),
      'quiz.json': JSON.stringify({ schemaVersion: 5 }),
    };
    for (const [name, text] of Object.entries(newer)) writeFileSync(path.join(first.dataDir, name), text);
    const storage = await open(first.dataDir);
    expect(storage.notices.map((notice) => notice.message)).toEqual([
      expect.stringMatching(
        /^library\.json was written by a newer version of Lectio \(its schema is 99; this version reads up to 1\)\. It is left untouched/,
      ),
      expect.stringMatching(/^settings\.json was written by a newer version/),
      expect.stringMatching(/^quiz\.json was written by a newer version/),
    ]);
    expect(storage.documents.list()).toEqual([]);
    await expect(storage.documents.add(meta('new'), body)).rejects.toMatchObject({ code: 'newer-file-held' });
    expect(readdirSync(path.join(first.dataDir, 'documents'))).toEqual(['kept.json']);
    await expect(storage.files.settings.write()).rejects.toThrow(/written by a newer Lectio/);
    for (const [name, text] of Object.entries(newer))
      expect(readFileSync(path.join(first.dataDir, name), 'utf8')).toBe(text);
  });

  it('removes temp files that interrupted writes left before this process started, and nothing else', async () => {
    const first = await open();
    await first.documents.add(meta('t'), body);
    first.close();
    const dir = first.dataDir;
    const hourAgo = new Date(Date.now() - 3_600_000);
    const old = [path.join(dir, '.library.json.4242.7.tmp'), path.join(dir, 'documents', '.t.json.4242.3.tmp')];
    const kept = [
      path.join(dir, '.settings.json.4242.9.tmp'), // written after this process started: may be a write under way
      path.join(dir, 'notes.tmp'), // not a name Lectio's writes use
      path.join(dir, 'documents', '.t.json.tmp'),
    ];
    for (const file of [...old, ...kept]) writeFileSync(file, '{"half": ');
    for (const file of [...old, kept[1] as string, kept[2] as string]) utimesSync(file, hourAgo, hourAgo);
    await open(dir);
    for (const file of old) expect(existsSync(file)).toBe(false);
    for (const file of kept) expect(existsSync(file)).toBe(true);
  });

  it('counts highlights again after opening when the index drifted (a crash between the two writes)', async () => {
    const first = await open();
    await first.documents.add(meta('a'), body);
    await first.documents.add(meta('b'), body);
    const highlight: Highlight = {
      id: 'h1',
      documentId: 'a',
      color: 1,
      selectors: [
        { type: 'TextPositionSelector', start: 0, end: 5 },
        { type: 'TextQuoteSelector', exact: 'Hello', prefix: '', suffix: ' world' },
      ],
      note: '',
      tags: [],
      createdAt: now().toISOString(),
      updatedAt: now().toISOString(),
    };
    const annotations = await first.files.annotations.get('a');
    annotations.data.highlights = [highlight, { ...highlight, id: 'h2' }];
    await annotations.write();
    // The index was not told (the process died before its write): it says 0 for a, and 5 for b, which has none.
    await first.documents.updateMeta('b', { highlightCount: 5 });
    first.close();
    const storage = await LibraryStorage.open({ dataDir: first.dataDir, now, recountDelayMs: 0 });
    opened.push(storage);
    expect(await storage.highlightCountsChecked).toBe(2);
    expect(Object.fromEntries(storage.documents.list().map((doc) => [doc.id, doc.highlightCount ?? 0]))).toEqual({
      a: 2,
      b: 0,
    });
    const onDisk = JSON.parse(readFileSync(path.join(first.dataDir, 'library.json'), 'utf8')) as {
      documents: DocumentMeta[];
    };
    expect(onDisk.documents.map((doc) => doc.highlightCount ?? 0)).toEqual([2, 0]);
  });
});
