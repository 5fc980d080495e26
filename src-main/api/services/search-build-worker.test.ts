/**
 * The search index's memory: its build reads the documents on a worker thread (their parsing's garbage stays in the
 * worker's heap, freed when it exits), and an open index takes the change feed's news without waiting for a search
 * (so grades given in a session without a search do not make the next launch index every card again).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../core/model';
import { CARDS_STAMP_GROUP } from '../../storage/search-index';
import { createSearchEntryWorkerReader, type SearchEntryReader } from '../../storage/search-entry-reader';
import { openTestLibrary } from '../../storage/test-library';
import { bundleWorker } from '../../test-worker-bundle';

/** The real worker entry, bundled as the build bundles it. */
function builtWorker(): string {
  return bundleWorker(
    'search-worker',
    path.resolve(__dirname, '../../../test-results/search-worker-service/search-worker.cjs'),
  );
}

describe('the search index build', () => {
  it('reads every document on a worker thread, which exits once the build is done', async () => {
    const first = await openTestLibrary();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(
        (
          await first.api.importDocument({
            text: `Survey ${i} of the salt marsh.`,
            format: 'text',
            title: `Survey ${i}`,
          })
        ).id,
      );
    await first.api.setDocumentNote({ documentId: ids[3] ?? '', note: 'curlew counts doubled' });
    first.storage.close();

    // A new launch with no index yet, its build reading through the worker.
    const worker = createSearchEntryWorkerReader(builtWorker());
    const asked: string[] = [];
    const reader: SearchEntryReader = {
      where: worker.where,
      running: () => worker.running(),
      close: () => worker.close(),
      read: (dataDir: string, metas: readonly DocumentMeta[]) => {
        asked.push(...metas.map((meta) => meta.id));
        return worker.read(dataDir, metas);
      },
    };
    const { api, storage } = await openTestLibrary(first.dataDir, undefined, { searchEntries: reader });
    try {
      const found = await api.search({ query: 'curlew' });
      // Read by the worker itself (a batch it failed would have been read in process instead).
      expect(worker.running()).toBe(true);
      expect(found.indexing).toBeNull();
      expect(found.hits.map((hit) => [hit.kind, hit.documentId])).toEqual([['note', ids[3]]]);
      expect((await api.search({ query: 'survey 7' })).hits[0]).toMatchObject({ kind: 'title', documentId: ids[7] });
      expect(reader.where).toBe('worker');
      expect([...asked].sort()).toEqual(expect.arrayContaining([...ids].sort()));
      // Idle, the worker exits: what its heap held goes with it.
      await expect.poll(() => worker.running(), { timeout: 30_000 }).toBe(false);
    } finally {
      await worker.close();
      storage.close();
    }
  }, 120_000);

  it('takes the change feed’s news into an open index without a search', async () => {
    const { api, storage } = await openTestLibrary();
    try {
      const doc = await api.importDocument({ text: 'The tide tables were reprinted.', format: 'text', title: 'Tides' });
      expect((await api.search({ query: 'tide' })).hits.length).toBeGreaterThan(0);
      const index = await storage.searchIndex();
      const cardsStamp = index.stamp(CARDS_STAMP_GROUP);

      // No search after these: the index has them a moment later all the same.
      await api.setDocumentNote({ documentId: doc.id, note: 'oystercatcher' });
      await api.createCard({ kind: 'basic', front: 'Which bird?', back: 'A godwit' });
      await expect.poll(() => index.search('oystercatcher', 5).length, { timeout: 30_000 }).toBeGreaterThan(0);
      await expect.poll(() => index.search('godwit', 5).length, { timeout: 30_000 }).toBeGreaterThan(0);
      // The cards' stamp follows the file, so the next launch finds every card current.
      const current = await index.cardsStamp();
      expect(current).not.toBe(cardsStamp);
      await expect.poll(() => index.stamp(CARDS_STAMP_GROUP), { timeout: 30_000 }).toBe(current);
    } finally {
      storage.close();
    }
  }, 120_000);
});
