/** The pdf.js adapter over real PDFs built by the tests (pdf-fixtures.ts): layout, metadata and every refusal. */
import { describe, expect, it } from 'vitest';
import { brokenPdf, buildPdf, column, encryptedPdf, scannedPdf, withRunningLines } from './pdf-fixtures';
import { BROKEN, ENCRYPTED, NO_TEXT_LAYER, readPdf } from './pdf-read';

/** Paragraph and heading texts of a read PDF, with their pages. */
async function blocksOf(bytes: Uint8Array): Promise<Array<[string, string, number | undefined]>> {
  const { body } = await readPdf(bytes);
  return body.blocks.map((block) => [block.kind, body.text.slice(block.start, block.end), block.page]);
}

describe('readPdf', () => {
  it('reads two columns left then right, under a title across both, whatever order the writer emitted them in', async () => {
    const right = column(['The right column is read second, after', 'the whole of the left one.'], 320, 140);
    const left = column(
      [
        'The left column is read first, from the',
        'top of the page to its foot.',
        'It has a second paragraph',
        'that ends here.',
      ],
      72,
      140,
    );
    left[2]!.top += 10;
    left[3]!.top += 10;
    const bytes = await buildPdf([[...right, { text: 'A Study in Two Columns', x: 160, top: 90, size: 22 }, ...left]]);
    expect(await blocksOf(bytes)).toEqual([
      ['heading', 'A Study in Two Columns', 1],
      ['paragraph', 'The left column is read first, from the top of the page to its foot.', 1],
      ['paragraph', 'It has a second paragraph that ends here.', 1],
      ['paragraph', 'The right column is read second, after the whole of the left one.', 1],
    ]);
  }, 30_000);

  it('mends words hyphenated at line ends and drops running headers, footers and page numbers', async () => {
    const pages = [
      withRunningLines(
        column(['The harbour authority published its', 'assess-', 'ment of the breakwater in May.'], 72, 120),
        1,
      ),
      withRunningLines(column(['Engineers found the wall unsafe.'], 72, 120), 2),
      withRunningLines(column(['Repairs begin next spring.'], 72, 120), 3),
    ];
    expect(await blocksOf(await buildPdf(pages))).toEqual([
      ['paragraph', 'The harbour authority published its assessment of the breakwater in May.', 1],
      ['paragraph', 'Engineers found the wall unsafe.', 2],
      ['paragraph', 'Repairs begin next spring.', 3],
    ]);
  }, 30_000);

  it('makes headings of lines set larger than the body, by level', async () => {
    const bytes = await buildPdf([
      [
        { text: 'Harbour Report', x: 72, top: 90, size: 24 },
        { text: 'Findings', x: 72, top: 130, size: 16 },
        ...column(['The wall is unsafe.'], 72, 160),
      ],
    ]);
    const { body } = await readPdf(bytes);
    expect(body.blocks.map((block) => [block.kind, block.level])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['paragraph', undefined],
    ]);
  }, 30_000);

  it('returns the page count and the information dictionary', async () => {
    const bytes = await buildPdf([column(['One.'], 72, 100), column(['Two.'], 72, 100)], {
      title: 'The Harbour Report',
      author: 'Ana Costa; Rui Lima',
      created: new Date('2025-11-20T10:00:00Z'),
    });
    const { pageCount, info } = await readPdf(bytes);
    expect(pageCount).toBe(2);
    expect(info).toMatchObject({ Title: 'The Harbour Report', Author: 'Ana Costa; Rui Lima' });
    expect(String(info.CreationDate)).toMatch(/^D:20251120/);
  }, 30_000);

  it('reports each page as it is read', async () => {
    const seen: string[] = [];
    await readPdf(
      await buildPdf([column(['One.'], 72, 100), column(['Two.'], 72, 100), column(['Three.'], 72, 100)]),
      (done, total) => seen.push(`${done}/${total}`),
    );
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  }, 30_000);

  it.each([
    ['a scanned PDF (no text on any page)', scannedPdf, NO_TEXT_LAYER],
    ['an encrypted PDF', async () => encryptedPdf(), ENCRYPTED],
    ['a broken PDF', async () => brokenPdf(), BROKEN],
  ])(
    'refuses %s with a clear message',
    async (_name, make, message) => {
      await expect(readPdf(await make())).rejects.toThrow(message);
    },
    30_000,
  );
});
