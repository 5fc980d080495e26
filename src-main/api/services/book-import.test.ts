/**
 * EPUB import through the service: a book from a file (its bytes as base64, as both transports send them) and from a
 * web address served by a real loopback HTTP server, stored with its metadata and chapters; every refusal leaves the
 * library as it was.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { inProcessRunner, type ExtractionRunner } from '../../analysis/extraction-runner';
import { buildTestEpub, type TestChapter } from '../../import/epub/test-epub';
import { createEpubWorkerReader } from '../../import/epub-runner';
import { ImportCancelledError } from './book-import';
import type { LectioApi } from '../contract';
import { inputSchemas } from '../schemas';
import { serviceHarness } from './test-service-harness';
import { bundleWorker } from '../../test-worker-bundle';

const harness = serviceHarness('epub');

async function makeApi(extraction: ExtractionRunner = inProcessRunner): Promise<{ api: LectioApi; dataDir: string }> {
  return harness.open({ extraction });
}

const CHAPTERS: TestChapter[] = [
  {
    file: 'c1.xhtml',
    title: 'The Wall',
    body: '<h1>The Wall</h1><p>The harbour council voted on 9 February 2026 to rebuild the northern breakwater.</p>',
  },
  {
    file: 'c2.xhtml',
    title: 'The Money',
    body: '<h1>The Money</h1><p>The work will cost 4.2 million euros, shared between the city and the region.</p><script>alert(1)</script>',
  },
];

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describe('a book’s pictures', () => {
  it('are stored once each in the library, shown as image blocks, the first as the lead image; a file that is no image is left out', async () => {
    const { api, dataDir } = await makeApi();
    const chapters: TestChapter[] = [
      {
        file: 'c1.xhtml',
        title: 'The Wall',
        body: '<p>The harbour council voted to rebuild the wall.</p><img src="images/wall.png" alt="The wall"/><img src="images/fake.png" alt="Not a picture"/>',
      },
      {
        file: 'c2.xhtml',
        title: 'Again',
        body: '<p>The same picture, again.</p><img src="images/wall.png" alt="The wall again"/>',
      },
    ];
    const data = base64(
      buildTestEpub({
        chapters,
        files: { 'OEBPS/images/wall.png': PNG, 'OEBPS/images/fake.png': '<script>alert(1)</script>' },
      }),
    );
    const saved = await api.importEpub({ fileName: 'harbour.epub', data });
    const doc = await api.getDocument({ id: saved.id });
    const images = doc.body.blocks.filter((block) => block.kind === 'image');
    expect(images.map((block) => block.image?.alt)).toEqual(['The wall', 'The wall again']);
    const id = images[0]?.image?.id ?? '';
    expect(id).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(images[1]?.image?.id).toBe(id);
    expect(doc.leadImage).toBe(id);
    expect(readdirSync(path.join(dataDir, 'images', id.slice(0, 2)))).toEqual([id]);
  });
});

describe('importEpub', () => {
  it('stores a book with its metadata and its chapters as sections, and the request passes the API schema', async () => {
    const { api } = await makeApi();
    const input = {
      fileName: 'walls.epub',
      data: base64(
        buildTestEpub({
          title: 'Walls',
          creators: ['Ana Costa'],
          language: 'pt-PT',
          date: '2026-02-10',
          publisher: 'Harbour Press',
          chapters: CHAPTERS,
        }),
      ),
    };
    expect(inputSchemas.importEpub.safeParse(input).success).toBe(true);
    const saved = await api.importEpub(input);
    expect(saved).toMatchObject({
      title: 'Walls',
      source: 'Ana Costa',
      authors: ['Ana Costa'],
      siteName: 'Harbour Press',
      language: 'pt-PT',
      publishedDate: '2026-02-10',
      origin: 'walls.epub',
      highlightCount: 0,
    });
    const doc = await api.getDocument({ id: saved.id });
    expect(doc.body.sections?.map((s) => [s.title, doc.body.text.slice(s.start, s.end).split('\n')[0]])).toEqual([
      ['The Wall', 'The Wall'],
      ['The Money', 'The Money'],
    ]);
    expect(doc.body.text).not.toContain('alert');
    expect(saved.wordCount).toBeGreaterThan(20);
    // The engine reads the book like any document: the date in the first chapter is found.
    const analysis = await api.getAnalysis({ id: saved.id });
    expect(analysis.dates.map((d) => d.value)).toContain('2026-02-09');
  });

  it('refuses what is not a book, a protected book and an unsafe archive, saving nothing', async () => {
    const { api } = await makeApi();
    await expect(
      api.importEpub({ fileName: 'notes.epub', data: base64(new TextEncoder().encode('just some text')) }),
    ).rejects.toThrow(/notes\.epub is not an EPUB book/);
    const drm = buildTestEpub({ chapters: CHAPTERS, files: { 'META-INF/rights.xml': '<rights/>' } });
    await expect(api.importEpub({ fileName: 'drm.epub', data: base64(drm) })).rejects.toThrow(/protected by DRM/);
    const noOpf = buildTestEpub({ chapters: CHAPTERS, files: { 'OEBPS/content.opf': null } });
    await expect(api.importEpub({ fileName: 'broken.epub', data: base64(noOpf) })).rejects.toThrow(
      /package document .* is missing/,
    );
    expect(await api.listDocuments({})).toEqual([]);
    expect(inputSchemas.importEpub.safeParse({ fileName: 'x.epub', data: 'not base64!' }).success).toBe(false);
  });
});

describe('analysing a book', () => {
  it('runs the engine chapter by chapter, and analysisProgress says how far it has got', async () => {
    // The real engine, held before each chapter until the test lets it go on.
    const gates: (() => void)[] = [];
    const held: ExtractionRunner = {
      ...inProcessRunner,
      run: async (text, date) => (await new Promise<void>((go) => gates.push(go)), inProcessRunner.run(text, date)),
    };
    const { api } = await makeApi(held);
    const saved = await api.importEpub({ fileName: 'walls.epub', data: base64(buildTestEpub({ chapters: CHAPTERS })) });
    expect(await api.analysisProgress({ id: saved.id })).toEqual({ running: false, done: 0, total: 0 });
    const analysis = api.getAnalysis({ id: saved.id });
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    expect(await api.analysisProgress({ id: saved.id })).toEqual({ running: true, done: 0, total: 2 });
    gates[0]?.();
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    expect(await api.analysisProgress({ id: saved.id })).toEqual({ running: true, done: 1, total: 2 });
    gates[1]?.();
    const result = await analysis;
    expect(await api.analysisProgress({ id: saved.id })).toEqual({ running: false, done: 0, total: 0 });
    // Both chapters were read: the first's date and the second's sum are in one result over the whole text.
    const doc = await api.getDocument({ id: saved.id });
    expect(result.dates.map((d) => doc.body.text.slice(d.start, d.end))).toContain('9 February 2026');
    expect(result.dates.every((d) => doc.body.text.slice(d.start, d.end) === d.text)).toBe(true);
  });
});

describe('importProgress and cancelImport', () => {
  it('report the chapters read while a book is imported in the worker, and Cancel stops it with nothing stored', async () => {
    // The real worker entry, bundled as the build bundles it.
    const workerFile = bundleWorker(
      'epub-worker',
      path.resolve(__dirname, '../../../test-results/epub-worker-service/epub-worker.cjs'),
      ['jsdom'],
    );
    const { api } = await harness.open({ epub: createEpubWorkerReader(workerFile) });
    const many = Array.from({ length: 60 }, (_, i) => ({
      file: `c${i}.xhtml`,
      title: `Chapter ${i + 1}`,
      body: '<p>The council met again.</p>'.repeat(300),
    }));
    const data = base64(buildTestEpub({ chapters: many }));
    expect(await api.importProgress({})).toEqual({ running: false, done: 0, total: 0 });
    const imported = api.importEpub({ fileName: 'long.epub', data });
    await vi.waitFor(async () => expect((await api.importProgress({})).total).toBe(60), {
      timeout: 30_000,
      interval: 20,
    });
    expect(await api.importProgress({})).toMatchObject({ running: true });
    expect(await api.cancelImport({})).toEqual({ stopped: 1 });
    await expect(imported).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await api.importProgress({})).toEqual({ running: false, done: 0, total: 0 });
    expect(await api.listDocuments({})).toEqual([]);
    // The next import runs to the end.
    await expect(api.importEpub({ fileName: 'long.epub', data })).resolves.toMatchObject({ origin: 'long.epub' });
  }, 90_000);
});

describe('importFromUrl with a book', () => {
  it('reads an EPUB served as application/epub+zip as a book, keeping its address', async () => {
    const { api } = await makeApi();
    const bytes = buildTestEpub({ title: 'Walls', chapters: CHAPTERS });
    const url = `${await harness.serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/epub+zip' });
      response.end(Buffer.from(bytes));
    })}/books/walls.epub`;
    const saved = await api.importFromUrl({ url });
    expect(saved).toMatchObject({ title: 'Walls', url, origin: '127.0.0.1' });
    expect((await api.getDocument({ id: saved.id })).body.sections).toHaveLength(2);
  });
});
