/**
 * The search index is opened shortly after a launch, with no search asked: SQLite loaded, the index opened and brought
 * up to date, so the reader's first search does not wait for that.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type OpenLibrary } from './open-library';
import { SEARCH_INDEX_FILE, SEARCH_INDEX_FOLDER } from './storage/search-index';

const dirs: string[] = [];
const opened: OpenLibrary[] = [];

afterEach(() => {
  for (const library of opened.splice(0)) library.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a launch', () => {
  it('opens the search index and indexes the library soon after, before any search', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-search-open-'));
    const workers = mkdtempSync(path.join(os.tmpdir(), 'lectio-search-open-workers-'));
    dirs.push(dataDir, workers);
    // The search worker as the build makes it, beside the (never used) import worker.
    buildSync({
      entryPoints: [path.resolve(__dirname, 'search-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: path.join(workers, 'search-worker.js'),
      logLevel: 'silent',
    });
    const library = await openLibrary(dataDir, {
      host: 'browser',
      extractionWorker: path.join(workers, 'extract-worker.js'),
      importWorker: path.join(workers, 'import-worker.js'),
      searchOpenDelayMs: 50,
    });
    opened.push(library);
    const file = path.join(dataDir, SEARCH_INDEX_FOLDER, SEARCH_INDEX_FILE);
    // Nothing here asks the index for anything until its file is there: the launch made it.
    await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
    const [sample] = await library.api.listDocuments({});
    const index = await library.storage.searchIndex();
    await expect.poll(() => index.stamp(sample?.id ?? ''), { timeout: 30_000 }).toBeDefined();
  }, 120_000);
});
