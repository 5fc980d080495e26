import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEpub } from './epub/epub-book';
import { EpubError } from './epub/epub-error';
import { buildTestEpub, type TestChapter } from './epub/test-epub';
import { createEpubWorkerReader } from './epub-runner';

// The real worker entry, bundled as the build bundles it (jsdom left to node_modules, as its worker file needs), so
// the test runs the code the hosts run.
let workerFile = '';
beforeAll(() => {
  workerFile = path.resolve(__dirname, '../../test-results/epub-worker/epub-worker.cjs');
  buildSync({ entryPoints: [path.resolve(__dirname, '../epub-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, external: ['jsdom'], logLevel: 'silent' });
});

const CHAPTERS: TestChapter[] = Array.from({ length: 30 }, (_, i) => ({
  file: `c${i}.xhtml`,
  title: `Chapter ${i + 1}`,
  body: `<h1>Chapter ${i + 1}</h1>${'<p>The harbour council met again to weigh the report on the northern breakwater.</p>'.repeat(200)}`,
}));

describe('EPUB worker reader', () => {
  it('reads a book in a worker thread, to the same result as in process, leaving the caller’s thread free', async () => {
    const bytes = buildTestEpub({ title: 'Walls', chapters: CHAPTERS });
    const read = createEpubWorkerReader(workerFile);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    try {
      await expect(read(bytes)).resolves.toEqual(readEpub(bytes));
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(0);
  }, 60_000);

  it('passes a refusal back as an EpubError with its message, and a budget overrun as one too', async () => {
    const drm = buildTestEpub({ chapters: CHAPTERS, files: { 'META-INF/rights.xml': '<rights/>' } });
    const refused = createEpubWorkerReader(workerFile)(drm);
    await expect(refused).rejects.toBeInstanceOf(EpubError);
    await expect(refused).rejects.toThrow(/protected by DRM/);
    await expect(createEpubWorkerReader(workerFile, 1)(buildTestEpub({ chapters: CHAPTERS }))).rejects.toThrow(/took too long to read/);
  }, 60_000);
});
