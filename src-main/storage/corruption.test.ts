/**
 * Every kind of data file, corrupted in turn (garbage, then valid JSON of the wrong shape): Lectio still opens, moves
 * the bad file aside untouched, puts back the newest backup's good copy, and says so in a notice.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFilePath, listDataFiles } from './data-files';
import type { LibraryStorage } from './library-storage';
import { fullTestLibrary, openTestLibrary } from './test-library';

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

function movedAsideCopies(file: string): string[] {
  const dir = path.dirname(file);
  return readdirSync(dir).filter((name) => name.startsWith(`${path.basename(file)}.corrupt-`));
}

const DAMAGE = {
  garbage: '{"schemaVersion": 1, "trunc',
  'wrong shape': JSON.stringify({ schemaVersion: 1, surprise: true }),
};

describe('recovery from corrupt data files', () => {
  it('restores each kind of file from the newest good backup, keeping the bad one aside, and says so', async () => {
    const library = await fullTestLibrary();
    const backup = await library.storage.backups.create('manual');
    library.storage.close();
    const files = await listDataFiles(library.dataDir);
    const kinds = new Set(files.map((file) => file.split('/')[0]));
    for (const kind of ['library.json', 'settings.json', 'documents', 'annotations', 'analysis', 'cards.json', 'reviews.json', 'quiz.json']) expect(kinds).toContain(kind);

    let recovered = 0;
    for (const relative of files) {
      for (const [label, damage] of Object.entries(DAMAGE)) {
        const file = dataFilePath(library.dataDir, relative);
        const good = readFileSync(file, 'utf8');
        writeFileSync(file, damage);
        const { storage, api } = await openTestLibrary(library.dataDir);
        opened.push(storage);
        const aside = movedAsideCopies(file);
        expect(aside, `${relative} (${label}) moved aside`).toHaveLength(1);
        expect(readFileSync(path.join(path.dirname(file), aside[0] ?? ''), 'utf8')).toBe(damage);
        expect(JSON.parse(readFileSync(file, 'utf8')), `${relative} restored`).toEqual(JSON.parse(good));
        const notices = (await api.appInfo({})).notices.map((notice) => notice.message).join('\n');
        expect(notices).toContain('could not be read and was moved aside');
        expect(notices).toContain(`restored from the backup of ${backup?.createdAt.slice(0, 16).replace('T', ' ')} UTC`);
        expect((await api.listDocuments({})).map((doc) => doc.id)).toContain(library.documentId);
        storage.close();
        opened.splice(0);
        recovered++;
        // Lectio keeps moved-aside copies for good; the test removes its own so the next round counts afresh.
        for (const name of aside) rmSync(path.join(path.dirname(file), name));
      }
    }
    expect(recovered).toBe(files.length * 2);
    recordFigures({ files: files.length, kinds: [...kinds].sort(), damages: Object.keys(DAMAGE), corruptedAndRecovered: recovered });
  });

  it('moves a bad file aside and starts it empty when no backup holds a good copy', async () => {
    const library = await fullTestLibrary();
    library.storage.close();
    const file = dataFilePath(library.dataDir, `annotations/${library.documentId}.json`);
    writeFileSync(file, 'not json at all');
    const { storage, api } = await openTestLibrary(library.dataDir);
    opened.push(storage);
    expect(movedAsideCopies(file)).toHaveLength(1);
    expect((await api.getAnnotations({ documentId: library.documentId })).highlights).toEqual([]);
    expect((await api.appInfo({})).notices[0]?.message).toMatch(/highlights and notes of “Budget” could not be read.*No backup held a good copy/s);
  });

  it('lists again the articles a restored index had not heard of', async () => {
    const library = await fullTestLibrary();
    await library.storage.backups.create('manual');
    const later = await library.api.importDocument({ text: 'Added after the backup.\nSecond line.', format: 'text' });
    library.storage.close();
    writeFileSync(dataFilePath(library.dataDir, 'library.json'), '\u0000\u0000');
    const { storage, api } = await openTestLibrary(library.dataDir);
    opened.push(storage);
    const docs = await api.listDocuments({});
    expect(docs.map((doc) => doc.id).sort()).toEqual([library.documentId, later.id].sort());
    expect(docs.find((doc) => doc.id === later.id)).toMatchObject({ title: 'Added after the backup', origin: 'recovered' });
  });
});

function recordFigures(figures: Record<string, unknown>): void {
  const dir = path.resolve(__dirname, '../../test-results/reliability');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'corruption.json'), `${JSON.stringify(figures, null, 2)}\n`);
}
