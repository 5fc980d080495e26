/**
 * The search index on disk, through the service: built in the background for a large library with searches answering
 * meanwhile (and saying so), kept across launches, caught up with what changed while no search was made, and rebuilt
 * when its file is damaged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../storage/test-library';
import { SEARCH_INDEX_FILE, SEARCH_INDEX_FOLDER } from '../../storage/search-index';
import { INDEX_BEFORE_ANSWERING } from './search';

const indexFile = (dataDir: string) => path.join(dataDir, SEARCH_INDEX_FOLDER, SEARCH_INDEX_FILE);

describe('the search index on disk', () => {
  it('is built in the background for a large library, a search meanwhile saying how far it has got', async () => {
    const first = await openTestLibrary();
    const count = INDEX_BEFORE_ANSWERING + 40;
    for (let i = 0; i < count; i++)
      await first.api.importDocument({
        text: `Report number ${i} on harbour dues.${i === count - 1 ? ' The lighthouse keeper resigned.' : ''}`,
        format: 'text',
        title: `Report ${i}`,
      });
    first.storage.close();

    // A new launch with no index yet (the first after an upgrade): the first search does not wait for all of it.
    const { api, storage } = await openTestLibrary(first.dataDir);
    try {
      const early = await api.search({ query: 'harbour', limit: 5 });
      expect(early.indexing).not.toBeNull();
      expect(early.indexing?.total).toBe(count);
      expect(early.indexing?.done).toBeLessThan(count);
      await expect
        .poll(async () => (await api.search({ query: 'harbour', limit: 5 })).indexing, { timeout: 60_000 })
        .toBeNull();
      expect((await api.search({ query: 'lighthouse keeper' })).hits.map((hit) => hit.title)).toEqual([
        `Report ${count - 1}`,
      ]);
    } finally {
      storage.close();
    }
  }, 120_000);

  it('keeps its entries across launches and catches up with a change no search saw', async () => {
    const first = await openTestLibrary();
    const doc = await first.api.importDocument({
      text: 'The ferry timetable changed.',
      format: 'text',
      title: 'Ferry',
    });
    expect((await first.api.search({ query: 'ferry' })).hits.length).toBeGreaterThan(0);
    // A note written after the last search, then the app closes: the feed's news is gone with the process.
    await first.api.setDocumentNote({ documentId: doc.id, note: 'quokkaism' });
    first.storage.close();

    const { api, storage } = await openTestLibrary(first.dataDir);
    try {
      const found = await api.search({ query: 'quokkaism' });
      expect(found.hits.map((hit) => hit.kind)).toEqual(['note']);
      expect(found.indexing).toBeNull();
      expect((await api.search({ query: 'timetable' })).hits[0]).toMatchObject({ kind: 'passage', documentId: doc.id });
    } finally {
      storage.close();
    }
  });

  it('is rebuilt when its file is damaged, and the reader is told nothing is lost', async () => {
    const first = await openTestLibrary();
    await first.api.importDocument({ text: 'Glacier retreat measured.', format: 'text', title: 'Ice' });
    expect((await first.api.search({ query: 'glacier' })).hits.length).toBeGreaterThan(0);
    first.storage.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const bytes = readFileSync(indexFile(first.dataDir));
    writeFileSync(indexFile(first.dataDir), Buffer.concat([Buffer.from('garbage, not SQLite'), bytes.subarray(64)]));

    const { api, storage } = await openTestLibrary(first.dataDir);
    try {
      expect((await api.search({ query: 'glacier' })).hits.map((hit) => hit.kind)).toContain('passage');
      const { notices } = await api.appInfo({});
      expect(notices.map((notice) => notice.message).join('\n')).toMatch(/search index .*nothing of yours was lost/);
    } finally {
      storage.close();
    }
  });
});
