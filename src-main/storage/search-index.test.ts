import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../core/annotations/highlight';
import type { StoredCard } from '../core/cards/card';
import { cardEntries, documentEntries } from '../core/search/entries';
import type { LectioDocument } from '../core/model';
import type { StorageNotice } from './recovery-notices';
import { RANKED, SEARCH_INDEX_FILE, SEARCH_INDEX_FOLDER, SearchIndex, cardGroup } from './search-index';

function doc(id: string, title: string, paragraphs: string[]): LectioDocument {
  const text = paragraphs.join('\n');
  let at = 0;
  const blocks = paragraphs.map((p) => {
    const block = { kind: 'paragraph' as const, start: at, end: at + p.length };
    at += p.length + 1;
    return block;
  });
  return {
    id,
    title,
    source: 'Wire',
    publishedDate: null,
    addedAt: '',
    wordCount: 0,
    origin: 'paste',
    body: { text, blocks, marks: [] },
  };
}

const harbour = doc('d1', 'Harbour strike ends', [
  'Dock workers returned on Monday.',
  'Talks on pensions resume in March.',
]);
const summit = doc('d2', 'Summit in Lisbon', ['Ministers met to discuss fisheries quotas.', 'Dock fees rose.']);
const note: Highlight = {
  id: 'h1',
  documentId: 'd2',
  color: 1,
  note: 'ask about quotas for sardines',
  tags: ['fish'],
  createdAt: '',
  updatedAt: 'u1',
  selectors: [
    { type: 'TextPositionSelector', start: 0, end: 9 },
    { type: 'TextQuoteSelector', exact: 'Ministers', prefix: '', suffix: '' },
  ],
};

async function openIndex(dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-search-'))) {
  const notices: StorageNotice[] = [];
  const index = await SearchIndex.open(dataDir, (notice) => notices.push(notice));
  return { index, notices, dataDir, file: path.join(dataDir, SEARCH_INDEX_FOLDER, SEARCH_INDEX_FILE) };
}

async function filled() {
  const opened = await openIndex();
  opened.index.replaceGroups([
    { group: 'd1', stamp: 's1', entries: documentEntries(harbour, [], '') },
    { group: 'd2', stamp: 's2', entries: documentEntries(summit, [note], 'Lisbon trip') },
  ]);
  return opened;
}

const kinds = (rows: { kind: string; documentId: string }[]) => rows.map((row) => `${row.kind}:${row.documentId}`);

describe('SearchIndex', () => {
  it('finds titles, passages (with their place), highlights by note and tag, and document notes', async () => {
    const { index } = await filled();
    try {
      expect(index.search('harbour', 5)[0]).toMatchObject({ kind: 'title', documentId: 'd1' });
      expect(index.search('pensions', 5)[0]).toMatchObject({ kind: 'passage', documentId: 'd1', start: 33, end: 67 });
      expect(index.search('sardines', 5)[0]).toMatchObject({ kind: 'highlight', documentId: 'd2', start: 0, end: 9 });
      expect(index.search('fish', 5).some((row) => row.kind === 'highlight')).toBe(true);
      expect(index.search('trip', 5)[0]).toMatchObject({ kind: 'note', documentId: 'd2' });
      expect(index.search('   ', 5)).toEqual([]);
    } finally {
      index.close();
    }
  });

  it('matches the last word as a prefix, requires every word, and weighs titles', async () => {
    const { index } = await filled();
    try {
      expect(index.search('pensi', 5)[0]?.kind).toBe('passage');
      // "dock" is in both documents; with "pensions" only the harbour's passage has both.
      expect(kinds(index.search('dock', 10)).sort()).toEqual(['passage:d1', 'passage:d2']);
      expect(kinds(index.search('dock pensions', 10))).toEqual([]);
      expect(kinds(index.search('dock monday', 10))).toEqual(['passage:d1']);
      // Title words count for every entry of the document (weighing twice its text in the ranking).
      expect(kinds(index.search('lisbon dock', 10))).toEqual(['passage:d2']);
      expect(kinds(index.search('lisbon', 10))).toContain('title:d2');
    } finally {
      index.close();
    }
  });

  it('keeps to the documents a filter shows', async () => {
    const { index } = await filled();
    try {
      expect(kinds(index.search('dock', 10, ['d2']))).toEqual(['passage:d2']);
      expect(index.search('dock', 10, [])).toEqual([]);
    } finally {
      index.close();
    }
  });

  it('replaces one document’s entries alone, and forgets a removed one', async () => {
    const { index } = await filled();
    try {
      const changed = doc('d1', 'Harbour strike ends', ['Dock workers returned on Tuesday.']);
      index.replaceGroups([{ group: 'd1', stamp: 's1b', entries: documentEntries(changed, [], '') }]);
      expect(index.search('pensions', 5)).toEqual([]);
      expect(kinds(index.search('tuesday', 5))).toEqual(['passage:d1']);
      expect(index.stamp('d1')).toBe('s1b');
      index.replaceGroups([{ group: 'd2', stamp: null, entries: [] }]);
      expect(index.search('sardines', 5)).toEqual([]);
      expect(index.stamp('d2')).toBeUndefined();
      expect([...index.groups().keys()]).toEqual(['d1']);
    } finally {
      index.close();
    }
  });

  it('finds a word with a typo when nothing matches it as typed', async () => {
    const { index } = await filled();
    try {
      expect(kinds(index.search('fisheries', 5))).toEqual(['passage:d2']);
      expect(kinds(index.search('fishereis', 5))).toEqual(['passage:d2']);
      expect(kinds(index.search('pensoins', 5))).toEqual(['passage:d1']);
      expect(kinds(index.search('ministres', 5)).sort()).toEqual(['highlight:d2', 'passage:d2']);
      // Three letters allow no typo, and a word far from every indexed one finds nothing.
      expect(index.search('dok', 5)).toEqual([]);
      expect(index.search('zzzzzzz', 5)).toEqual([]);
    } finally {
      index.close();
    }
  });

  it('never errors on FTS5 syntax typed by the reader', async () => {
    const { index } = await filled();
    try {
      for (const hostile of [
        '"dock',
        'dock*',
        '-dock',
        'NOT dock',
        'dock OR harbour',
        'title:dock',
        'NEAR(dock monday)',
        '^dock',
        '((dock',
        'dock AND',
        '{title}: dock',
        "dock'; drop table content; --",
        '*',
        '"',
      ])
        expect(() => index.search(hostile, 5)).not.toThrow();
      // The syntax is only punctuation or words: "dock OR harbour" needs all three words, "or" included.
      expect(kinds(index.search('title:dock', 5)).sort()).toEqual([]);
      expect(kinds(index.search('-dock', 5)).sort()).toEqual(['passage:d1', 'passage:d2']);
      expect(index.search('dock OR harbour', 5)).toEqual([]);
      expect(index.search('harbour', 5).length).toBeGreaterThan(0);
    } finally {
      index.close();
    }
  });

  it('finds cards by either side or a tag, each in a group of its own', async () => {
    const { index } = await openIndex();
    const card: StoredCard = {
      id: 'k2',
      kind: 'basic',
      front: 'Capital of Mongolia?',
      back: 'Ulaanbaatar',
      tags: ['geography'],
      source: null,
      highlightId: null,
      color: null,
      suspended: false,
      guid: null,
      createdAt: '',
      updatedAt: 'u',
    };
    try {
      index.replaceGroups([{ group: cardGroup('k2'), stamp: 'u', entries: cardEntries([card], () => null) }]);
      expect(index.search('ulaanbaatar', 5)[0]).toMatchObject({ kind: 'card', documentId: '', group: 'card:k2' });
      expect(index.search('geography', 5)).toHaveLength(1);
      expect(index.cardGroups()).toEqual(['card:k2']);
      expect(index.groups().has('card:k2')).toBe(false);
      index.replaceGroups([{ group: cardGroup('k2'), stamp: null, entries: [] }]);
      expect(index.search('mongolia', 5)).toEqual([]);
      expect(index.cardGroups()).toEqual([]);
    } finally {
      index.close();
    }
  });

  it('keeps what it holds across a close and a reopen', async () => {
    const { index, dataDir } = await filled();
    index.close();
    const again = await openIndex(dataDir);
    try {
      expect(again.index.stamp('d1')).toBe('s1');
      expect(kinds(again.index.search('pensions', 5))).toEqual(['passage:d1']);
      expect(again.notices).toEqual([]);
    } finally {
      again.index.close();
    }
  });

  it('moves a damaged file aside, starts empty, and tells the reader nothing is lost', async () => {
    const { index, dataDir, file } = await filled();
    index.close();
    const bytes = readFileSync(file);
    // Garbage over everything after the header's first page: SQLite reports the file as malformed or not a database.
    writeFileSync(file, Buffer.concat([Buffer.from('not an sqlite file at all'), bytes.subarray(100)]));
    const again = await openIndex(dataDir);
    try {
      expect(existsSync(`${file}.damaged`)).toBe(true);
      expect(again.index.generation).toBe(1);
      expect([...again.index.groups()]).toEqual([]);
      expect(again.index.search('pensions', 5)).toEqual([]);
      expect(again.notices).toHaveLength(1);
      expect(again.notices[0]?.message).toMatch(/search index .* moved aside .* nothing of yours was lost/);
      // The new one works.
      again.index.replaceGroups([{ group: 'd1', stamp: 's1', entries: documentEntries(harbour, [], '') }]);
      expect(kinds(again.index.search('pensions', 5))).toEqual(['passage:d1']);
    } finally {
      again.index.close();
    }
  });

  it('rebuilds an index of another schema version from empty, without a notice', async () => {
    const { index, dataDir } = await filled();
    index.close();
    const { Database } = await import('node-sqlite3-wasm');
    const raw = new Database(path.join(dataDir, SEARCH_INDEX_FOLDER, SEARCH_INDEX_FILE));
    raw.run("update meta set value = '0' where key = 'schemaVersion'");
    raw.close();
    const again = await openIndex(dataDir);
    try {
      expect([...again.index.groups()]).toEqual([]);
      expect(again.index.search('pensions', 5)).toEqual([]);
      expect(again.notices).toEqual([]);
    } finally {
      again.index.close();
    }
  });
});

describe('a word in more entries than are ranked', () => {
  it('still answers the best of the newest, within the filter', async () => {
    const { index } = await openIndex();
    try {
      const many = (id: string, count: number) =>
        documentEntries(
          doc(
            id,
            `Common ${id}`,
            Array.from({ length: count }, (_, i) => `common word ${i}`),
          ),
          [],
          '',
        );
      index.replaceGroups([
        { group: 'old', stamp: 's', entries: many('old', 40) },
        { group: 'new', stamp: 's', entries: many('new', RANKED) },
      ]);
      const rows = index.search('common', 30);
      expect(rows).toHaveLength(30);
      // Only the old document shown: its entries are ranked, though the newest RANKED matches are all the other's.
      expect(new Set(index.search('common', 30, ['old']).map((row) => row.documentId))).toEqual(new Set(['old']));
      expect(index.search('common', 100, ['old'])).toHaveLength(41);
    } finally {
      index.close();
    }
  }, 60_000);
});
