/**
 * Every kind of data file, corrupted in turn (garbage, then valid JSON of the wrong shape): Lectio still opens, moves
 * the bad file aside untouched, puts back the newest backup's good copy, and says so in a notice. The files the library
 * loads as it opens (index, settings, quiz) are recovered at start-up; the others are left unread at start-up and
 * recovered on first use: a document's own files (text, highlights, analysis) when it is opened, the flashcards and
 * review log when a card screen (or a search) first needs them.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LectioApi } from '../api/contract';
import { dataFilePath, listDataFiles } from './data-files';
import { describeBackup } from './recovery-notices';
import type { LibraryStorage } from './library-storage';
import { STUDY_TEXT, fullTestLibrary, openTestLibrary } from './test-library';

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

/** What the Reader asks for when it opens a document: its text, its highlights and notes, its actors and dates. */
async function openInReader(api: LectioApi, id: string): Promise<void> {
  await api.getDocument({ id });
  await api.getAnnotations({ documentId: id });
  await api.getAnalysis({ id });
}

/** The first use of each kind of file not read at start-up: what opens (and so checks) it. */
const FIRST_USE: Record<string, (api: LectioApi, documentId: string) => Promise<unknown>> = {
  documents: openInReader,
  annotations: openInReader,
  analysis: openInReader,
  'cards.json': (api) => api.getReviewQueue({}),
  'reviews.json': (api) => api.getReviewQueue({}),
  // The review log's segments (reviews/000001.jsonl): the open one is checked as the card store opens.
  reviews: (api) => api.getReviewQueue({}),
};
const firstUse = (relative: string) => FIRST_USE[relative.split('/')[0] ?? ''];

async function noticeText(api: LectioApi): Promise<string> {
  return (await api.appInfo({})).notices.map((notice) => notice.message).join('\n');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('recovery from corrupt data files', () => {
  it('restores each kind of file from the newest good backup, at start-up or on first use, keeping the bad one aside, and says so', async () => {
    const library = await fullTestLibrary();
    const backup = await library.storage.backups.create('manual');
    const restoredFrom = `restored from ${describeBackup({ createdAt: backup?.createdAt ?? '' })}`;
    library.storage.close();
    const files = await listDataFiles(library.dataDir);
    const kinds = new Set(files.map((file) => file.split('/')[0]));
    for (const kind of [
      'library.json',
      'settings.json',
      'documents',
      'annotations',
      'analysis',
      'cards.json',
      'reviews',
      'quiz.json',
    ])
      expect(kinds).toContain(kind);

    const recovered = { atStart: 0, onFirstUse: 0 };
    for (const relative of files) {
      for (const [label, damage] of Object.entries(DAMAGE)) {
        const what = `${relative} (${label})`;
        const file = dataFilePath(library.dataDir, relative);
        const good = readFileSync(file, 'utf8');
        writeFileSync(file, damage);
        const { storage, api } = await openTestLibrary(library.dataDir);
        opened.push(storage);
        expect((await api.listDocuments({})).map((doc) => doc.id)).toContain(library.documentId);
        const use = firstUse(relative);
        if (use) {
          // Start-up reads only what the Library screen needs: this file is untouched until its first use.
          expect(movedAsideCopies(file), `${what} not read at start-up`).toHaveLength(0);
          expect(readFileSync(file, 'utf8')).toBe(damage);
          expect(await noticeText(api)).toBe('');
          await use(api, library.documentId);
          recovered.onFirstUse++;
        } else {
          recovered.atStart++;
        }
        const aside = movedAsideCopies(file);
        expect(aside, `${what} moved aside`).toHaveLength(1);
        expect(readFileSync(path.join(path.dirname(file), aside[0] ?? ''), 'utf8')).toBe(damage);
        // A review segment is JSON Lines, restored byte for byte; the others are one JSON document each.
        if (relative.endsWith('.jsonl')) expect(readFileSync(file, 'utf8'), `${what} restored`).toBe(good);
        else expect(JSON.parse(readFileSync(file, 'utf8')), `${what} restored`).toEqual(JSON.parse(good));
        const notices = await noticeText(api);
        expect(notices, what).toContain('could not be read and was moved aside');
        expect(notices, what).toContain(restoredFrom);
        // Using it again reads the restored file as it is: nothing more is moved aside or announced.
        await (use ?? openInReader)(api, library.documentId);
        expect(movedAsideCopies(file)).toHaveLength(1);
        expect((await api.appInfo({})).notices).toHaveLength(1);
        storage.close();
        opened.splice(0);
        // Lectio keeps moved-aside copies for good; the test removes its own so the next round counts afresh.
        for (const name of aside) rmSync(path.join(path.dirname(file), name));
      }
    }
    expect(recovered.atStart + recovered.onFirstUse).toBe(files.length * 2);
    expect(recovered.atStart).toBe(3 * 2); // library.json, settings.json, quiz.json
    recordFigures({
      files: files.length,
      kinds: [...kinds].sort(),
      damages: Object.keys(DAMAGE),
      corruptedAndRecovered: recovered.atStart + recovered.onFirstUse,
      ...recovered,
    });
  });

  it('moves a bad file aside and starts it empty when no backup holds a good copy', async () => {
    const library = await fullTestLibrary();
    library.storage.close();
    const file = dataFilePath(library.dataDir, `annotations/${library.documentId}.json`);
    writeFileSync(file, 'not json at all');
    const { storage, api } = await openTestLibrary(library.dataDir);
    opened.push(storage);
    expect((await api.getAnnotations({ documentId: library.documentId })).highlights).toEqual([]);
    expect(movedAsideCopies(file)).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(file), movedAsideCopies(file)[0] ?? ''), 'utf8')).toBe(
      'not json at all',
    );
    expect((await api.appInfo({})).notices[0]?.message).toMatch(
      /highlights and notes of “Budget” could not be read.*No backup held a good copy/s,
    );
    // The Library's count follows the file as it now is.
    expect((await api.listDocuments({})).find((doc) => doc.id === library.documentId)?.highlightCount).toBe(0);
  });

  it('a backup copies only good files: one it finds bad is recovered first (from an older backup), never kept as good', async () => {
    const library = await fullTestLibrary();
    const older = await library.storage.backups.create('manual');
    library.storage.close();
    const relative = `annotations/${library.documentId}.json`;
    const file = dataFilePath(library.dataDir, relative);
    const good = readFileSync(file, 'utf8');
    const damage = JSON.stringify({ schemaVersion: 1, surprise: true }); // parses: only the shape check catches it
    writeFileSync(file, damage);
    const { storage, api } = await openTestLibrary(library.dataDir);
    opened.push(storage);
    // The document is never opened; the next backup (at start-up, half-hourly or on quit) reads every file.
    const backup = await storage.backups.create('start');
    expect(backup?.skipped).toEqual([]);
    expect(backup?.files.map((entry) => entry.path)).toContain(relative);
    const copy = readFileSync(dataFilePath(path.join(storage.backups.folder, backup?.id ?? ''), relative), 'utf8');
    expect(JSON.parse(copy)).toEqual(JSON.parse(good));
    expect(readFileSync(path.join(path.dirname(file), movedAsideCopies(file)[0] ?? ''), 'utf8')).toBe(damage);
    expect(await noticeText(api)).toMatch(
      new RegExp(
        `highlights and notes of “Budget” could not be read.*restored from ${escape(describeBackup({ createdAt: older?.createdAt ?? '' }))}`,
        's',
      ),
    );
  });

  it('a backup recovers cards.json damaged while the cards are open for studying alone (their summaries, not their text)', async () => {
    const library = await fullTestLibrary();
    const older = await library.storage.backups.create('manual');
    library.storage.close();
    const { storage, api } = await openTestLibrary(library.dataDir);
    opened.push(storage);
    await api.getDueCounts({});
    expect(storage.cards.isReady).toBe(false);
    const file = dataFilePath(library.dataDir, 'cards.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, DAMAGE.garbage);
    // The store holds no card's text to write back: the backup has the file loaded whole, which restores it.
    const backup = await storage.backups.create('manual');
    expect(backup?.files.map((entry) => entry.path)).toContain('cards.json');
    const copy = readFileSync(dataFilePath(path.join(storage.backups.folder, backup?.id ?? ''), 'cards.json'), 'utf8');
    expect(JSON.parse(copy)).toEqual(JSON.parse(good));
    expect(readFileSync(path.join(path.dirname(file), movedAsideCopies(file)[0] ?? ''), 'utf8')).toBe(DAMAGE.garbage);
    expect(await noticeText(api)).toMatch(
      new RegExp(`restored from ${escape(describeBackup({ createdAt: older?.createdAt ?? '' }))}`),
    );
    expect((await api.getReviewQueue({})).totalCards).toBe(1);
  });

  it('a backup leaves out a bad file no backup can replace: it is moved aside and announced, not copied', async () => {
    const library = await fullTestLibrary();
    library.storage.close();
    const relative = `documents/${library.documentId}.json`;
    writeFileSync(
      dataFilePath(library.dataDir, relative),
      JSON.stringify({ schemaVersion: 1, id: library.documentId, body: { text: 5 } }),
    );
    const { storage, api } = await openTestLibrary(library.dataDir);
    opened.push(storage);
    const backup = await storage.backups.create('manual');
    expect(backup?.files.map((entry) => entry.path)).not.toContain(relative);
    expect(movedAsideCopies(dataFilePath(library.dataDir, relative))).toHaveLength(1);
    expect(await noticeText(api)).toMatch(/text of “Budget” could not be read.*No backup held a good copy/s);
  });

  it('keeps the Library’s highlight count in step with an annotations file restored on first opening', async () => {
    const library = await fullTestLibrary();
    await library.storage.backups.create('manual');
    const at = STUDY_TEXT.indexOf('Ursula');
    await library.api.createHighlight({ documentId: library.documentId, start: at, end: at + 6, color: 2 });
    library.storage.close();
    writeFileSync(dataFilePath(library.dataDir, `annotations/${library.documentId}.json`), '{');
    const { storage, api } = await openTestLibrary(library.dataDir);
    opened.push(storage);
    const count = async () =>
      (await api.listDocuments({})).find((doc) => doc.id === library.documentId)?.highlightCount;
    expect(await count()).toBe(2);
    expect((await api.getAnnotations({ documentId: library.documentId })).highlights).toHaveLength(1);
    expect(await count()).toBe(1);
  });

  it('lists again the articles a restored index had not heard of, and counts every article’s highlights again', async () => {
    const library = await fullTestLibrary();
    await library.storage.backups.create('manual');
    const later = await library.api.importDocument({ text: 'Added after the backup.\nSecond line.', format: 'text' });
    await library.api.createHighlight({ documentId: later.id, start: 0, end: 5, color: 1 });
    const at = STUDY_TEXT.indexOf('Ursula');
    await library.api.createHighlight({ documentId: library.documentId, start: at, end: at + 6, color: 2 });
    library.storage.close();
    writeFileSync(dataFilePath(library.dataDir, 'library.json'), '\u0000\u0000');
    const { storage, api } = await openTestLibrary(library.dataDir);
    opened.push(storage);
    const docs = await api.listDocuments({});
    expect(docs.map((doc) => doc.id).sort()).toEqual([library.documentId, later.id].sort());
    expect(docs.find((doc) => doc.id === later.id)).toMatchObject({
      title: 'Added after the backup',
      origin: 'recovered',
      highlightCount: 1,
    });
    // The backup's index said 1; the annotations file holds 2.
    expect(docs.find((doc) => doc.id === library.documentId)?.highlightCount).toBe(2);
  });
});

function recordFigures(figures: Record<string, unknown>): void {
  const dir = path.resolve(__dirname, '../../test-results/reliability');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'corruption.json'), `${JSON.stringify(figures, null, 2)}\n`);
}
