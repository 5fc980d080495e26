/**
 * PDF import through the service, as both hosts call it: from a file's bytes (base64) and from a web address whose
 * server says PDF. Metadata becomes the document's, blocks keep their pages, every refusal and a Cancel leave the
 * library as it was.
 */
import { describe, expect, it } from 'vitest';
import type { LectioApi } from '../contract';
import { dispatch } from '../dispatch';
import { serviceHarness } from './test-service-harness';
import {
  brokenPdf,
  buildPdf,
  column,
  encryptedPdf,
  longReportPdf,
  scannedPdf,
  withRunningLines,
} from '../../import/pdf-fixtures';
import { BROKEN, ENCRYPTED, NO_TEXT_LAYER } from '../../import/pdf-read';

const harness = serviceHarness('pdf');

async function makeApi(): Promise<LectioApi> {
  return (await harness.open()).api;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function reportPdf(): Promise<Uint8Array> {
  return buildPdf(
    [
      withRunningLines(
        [
          { text: 'Breakwater Survey', x: 72, top: 100, size: 20 },
          ...column(['The survey of the northern breakwater', 'found a third of its stones missing.'], 72, 140),
        ],
        1,
      ),
      withRunningLines(column(['Repairs will start in April and cost', '4.2 million euros.'], 72, 120), 2),
    ],
    { title: 'The Breakwater Survey', author: 'Ana Costa; Rui Lima', created: new Date('2025-11-20T10:00:00Z') },
  );
}

describe('importPdf', () => {
  it('stores the text with its pages and the PDF’s metadata', async () => {
    const api = await makeApi();
    const summary = await api.importPdf({ data: base64(await reportPdf()), fileName: 'survey.pdf' });
    expect(summary).toMatchObject({
      title: 'The Breakwater Survey',
      authors: ['Ana Costa', 'Rui Lima'],
      source: 'Ana Costa, Rui Lima',
      publishedDate: '2025-11-20',
      pageCount: 2,
      origin: 'survey.pdf',
    });
    const doc = await api.getDocument({ id: summary.id });
    expect(
      doc.body.blocks.map((block) => [block.kind, doc.body.text.slice(block.start, block.end), block.page]),
    ).toEqual([
      ['heading', 'Breakwater Survey', 1],
      ['paragraph', 'The survey of the northern breakwater found a third of its stones missing.', 1],
      ['paragraph', 'Repairs will start in April and cost 4.2 million euros.', 2],
    ]);
    expect(doc.body.text).not.toContain('Journal of Careful Reading');
  }, 60_000);

  it('takes the title from the first heading, then the file name, when the metadata has none', async () => {
    const api = await makeApi();
    const headed = await api.importPdf({
      data: base64(
        await buildPdf([
          [{ text: 'Harbour Minutes', x: 72, top: 100, size: 20 }, ...column(['The council met.'], 72, 140)],
        ]),
      ),
      fileName: 'a.pdf',
    });
    expect(headed.title).toBe('Harbour Minutes');
    const plain = await api.importPdf({
      data: base64(await buildPdf([column(['The council met.'], 72, 140)], { title: 'Microsoft Word - minutes.docx' })),
      fileName: 'minutes-2026.pdf',
    });
    expect(plain).toMatchObject({ title: 'minutes-2026', source: '', publishedDate: null });
  }, 60_000);

  it.each([
    ['a scanned PDF', scannedPdf, NO_TEXT_LAYER],
    ['an encrypted PDF', async () => encryptedPdf(), ENCRYPTED],
    ['a broken PDF', async () => brokenPdf(), BROKEN],
    [
      'a file that is not a PDF',
      async () => new TextEncoder().encode('Just some text.'),
      'This file is not a PDF document.',
    ],
  ])(
    'refuses %s with a clear message and stores nothing',
    async (_name, make, message) => {
      const api = await makeApi();
      const result = await dispatch(api, 'importPdf', { data: base64(await make()), fileName: 'x.pdf' });
      expect(result).toEqual({ ok: false, error: { code: 'invalid-argument', message } });
      expect(await api.listDocuments({})).toEqual([]);
    },
    60_000,
  );

  it('refuses data that is not base64 at the boundary', async () => {
    const api = await makeApi();
    const result = await dispatch(api, 'importPdf', { data: '%PDF-1.7 not encoded', fileName: 'x.pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('reports progress in pages, and a Cancel stops the import with nothing stored', async () => {
    const api = await makeApi();
    const data = base64(await longReportPdf(30));
    const running = dispatch(api, 'importPdf', { data, fileName: 'long.pdf' });
    let progress = await api.pdfImportProgress({});
    while (progress.done < 2) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      progress = await api.pdfImportProgress({});
    }
    expect(progress).toMatchObject({ running: true, total: 30 });
    expect(await api.cancelPdfImport({})).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await api.listDocuments({})).toEqual([]);
    expect(await api.pdfImportProgress({})).toEqual({ running: false, done: 0, total: 0 });
  }, 120_000);
});

describe('pages on what is made from a PDF', () => {
  it('a card from a highlight and a quiz question’s evidence carry the page their passage is on', async () => {
    const api = await makeApi();
    const pages = [
      column(['The Harbour Council met on Monday to weigh the plan.'], 72, 120),
      column(
        [
          'On 3 March 2025, Ana Costa, the chief engineer of the port,',
          'inspected the northern breakwater with Rui Lima.',
          'Costa told the council that the wall was unsafe.',
        ],
        72,
        120,
      ),
    ];
    const summary = await api.importPdf({ data: base64(await buildPdf(pages)), fileName: 'council.pdf' });
    const doc = await api.getDocument({ id: summary.id });
    const quote = 'Costa told the council that the wall was unsafe.';
    const start = doc.body.text.indexOf(quote);
    const highlight = await api.createHighlight({ documentId: doc.id, start, end: start + quote.length, color: 1 });
    const { card } = await api.createCardFromHighlight({ documentId: doc.id, highlightId: highlight.id });
    expect(card.source?.page).toBe(2);

    const { questions } = await api.prepareQuiz({ documentIds: [doc.id], seed: 'pages' });
    expect(questions.length).toBeGreaterThan(0);
    for (const question of questions) {
      const expected = question.evidence.start < doc.body.text.indexOf('On 3 March') ? 1 : 2;
      expect(question.page, question.prompt).toBe(expected);
    }
    expect(questions.some((question) => question.page === 2)).toBe(true);
  }, 120_000);
});

describe('importFromUrl with a PDF', () => {
  it('imports a PDF its server names as one, or names wrongly, with the address kept', async () => {
    const api = await makeApi();
    const bytes = await reportPdf();
    const base = await harness.serve((request, response) => {
      response.writeHead(200, {
        'content-type': request.url === '/report.pdf' ? 'application/pdf' : 'application/octet-stream',
      });
      response.end(Buffer.from(bytes));
    });
    const named = await api.importFromUrl({ url: `${base}/report.pdf` });
    expect(named).toMatchObject({
      title: 'The Breakwater Survey',
      pageCount: 2,
      url: `${base}/report.pdf`,
      origin: '127.0.0.1',
    });
    const unnamed = await api.importFromUrl({ url: `${base}/download?id=7` });
    expect(unnamed).toMatchObject({ title: 'The Breakwater Survey', pageCount: 2 });
    const doc = await api.getDocument({ id: named.id });
    expect(doc.body.blocks.at(-1)?.page).toBe(2);
  }, 60_000);
});
