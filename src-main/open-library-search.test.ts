/**
 * A built search index is opened shortly after a launch, with no search asked: SQLite loaded, the index opened and
 * brought up to date, so the reader's first search does not wait for that; a library never indexed is indexed from
 * its first search, so a reader who never searches never pays for it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type OpenLibrary } from './open-library';
import { SEARCH_INDEX_FILE, SEARCH_INDEX_FOLDER } from './storage/search-index';
import { bundleWorker } from './test-worker-bundle';

const dirs: string[] = [];
const opened: OpenLibrary[] = [];

afterEach(() => {
  for (const library of opened.splice(0)) library.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a launch', () => {
  it('opens a built search index soon after, before any search, and brings it up to date', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-search-open-'));
    const workers = mkdtempSync(path.join(os.tmpdir(), 'lectio-search-open-workers-'));
    dirs.push(dataDir, workers);
    // The search worker as the build makes it, beside the (never used) import worker.
    bundleWorker('search-worker', path.join(workers, 'search-worker.js'));
    const host = {
      host: 'browser' as const,
      extractionWorker: path.join(workers, 'extract-worker.js'),
      importWorker: path.join(workers, 'import-worker.js'),
      searchOpenDelayMs: 50,
    };
    const file = path.join(dataDir, SEARCH_INDEX_FOLDER, SEARCH_INDEX_FILE);

    // The first launch after the upgrade: nothing is opened or indexed until a search.
    const first = await openLibrary(dataDir, host);
    opened.push(first);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(file)).toBe(false);
    const [sample] = await first.api.listDocuments({});
    expect((await first.api.search({ query: sample?.title.split(' ')[0] ?? '' })).hits.length).toBeGreaterThan(0);
    expect(existsSync(file)).toBe(true);
    // A note the index has not seen when the library closes (the feed's news goes with the process).
    const seen = (await first.storage.searchIndex()).stamp(sample?.id ?? '');
    await first.api.setDocumentNote({ documentId: sample?.id ?? '', note: 'sanderling' });
    opened.splice(0).forEach((library) => library.close());

    // The next launch brings the built index up to date with no search asked.
    const second = await openLibrary(dataDir, host);
    opened.push(second);
    const index = await second.storage.searchIndex();
    await expect.poll(() => index.stamp(sample?.id ?? ''), { timeout: 30_000 }).not.toBe(seen);
    expect(index.search('sanderling', 5).map((row) => row.kind)).toEqual(['note']);
  }, 120_000);
});
