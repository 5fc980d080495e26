import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEpub } from './epub/epub-book';
import { EpubError } from './epub/epub-error';
import { buildTestEpub, type TestChapter } from './epub/test-epub';
import { ImportCancelledError } from '../api/services/book-import';
import { createEpubWorkerReader } from './epub-runner';
import { bundleWorker } from '../test-worker-bundle';

// The real worker entry, bundled as the build bundles it (jsdom left to node_modules, as its worker file needs), so
// the test runs the code the hosts run.
let workerFile = '';
beforeAll(() => {
  workerFile = bundleWorker('epub-worker', path.resolve(__dirname, '../../test-results/epub-worker/epub-worker.cjs'), [
    'jsdom',
  ]);
});

const CHAPTERS: TestChapter[] = Array.from({ length: 30 }, (_, i) => ({
  file: `c${i}.xhtml`,
  title: `Chapter ${i + 1}`,
  body: `<h1>Chapter ${i + 1}</h1>${'<p>The harbour council met again to weigh the report on the northern breakwater.</p>'.repeat(200)}`,
}));

describe('EPUB worker reader', () => {
  it('reads a book in a worker thread, to the same result as in process, leaving the caller’s thread free', async () => {
    const bytes = buildTestEpub({ title: 'Walls', chapters: CHAPTERS });
    const reader = createEpubWorkerReader(workerFile);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const steps: { done: number; total: number }[] = [];
    try {
      await expect(reader.read(bytes, (step) => steps.push(step))).resolves.toEqual(readEpub(bytes));
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(0);
    // A step before each chapter and one at the end, as the import panel's progress bar shows them.
    expect(steps).toEqual([...Array.from({ length: 30 }, (_, done) => ({ done, total: 30 })), { done: 30, total: 30 }]);
  }, 60_000);

  it('stops a book being read at once when cancelled, with ImportCancelledError', async () => {
    const reader = createEpubWorkerReader(workerFile);
    const reading = reader.read(buildTestEpub({ chapters: CHAPTERS }));
    expect(reader.cancel()).toBe(1);
    await expect(reading).rejects.toBeInstanceOf(ImportCancelledError);
    expect(reader.cancel()).toBe(0);
  }, 60_000);

  it('passes a refusal back as an EpubError with its message, and a budget overrun as one too', async () => {
    const drm = buildTestEpub({ chapters: CHAPTERS, files: { 'META-INF/rights.xml': '<rights/>' } });
    const refused = createEpubWorkerReader(workerFile).read(drm);
    await expect(refused).rejects.toBeInstanceOf(EpubError);
    await expect(refused).rejects.toThrow(/protected by DRM/);
    await expect(createEpubWorkerReader(workerFile, 1).read(buildTestEpub({ chapters: CHAPTERS }))).rejects.toThrow(
      /took too long to read/,
    );
  }, 60_000);
});
