/**
 * The benchmark's book: 150,000 words of generated news prose in 40 chapters, as an EPUB 3 (zipped with fflate, as
 * the importer reads it) and, for the baseline, as one HTML page holding the same chapters.
 */
import { buildTestEpub, type TestChapter } from '@main/import/epub/test-epub';
import { createRandom } from '../prng';
import { generateArticle } from '../text/article';

export const BOOK_WORDS = 150_000;
export const BOOK_CHAPTERS = 40;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function benchChapters(): TestChapter[] {
  const paragraphs = generateArticle(createRandom(1519), BOOK_WORDS)
    .text.split(/\n\s*\n/)
    .filter((p) => p.trim());
  const per = Math.ceil(paragraphs.length / BOOK_CHAPTERS);
  return Array.from({ length: BOOK_CHAPTERS }, (_, i) => ({
    file: `chapter-${i + 1}.xhtml`,
    title: `Chapter ${i + 1}`,
    body: `<h1>Chapter ${i + 1}</h1>\n${paragraphs
      .slice(i * per, (i + 1) * per)
      .map((p) => `<p>${escape(p)}</p>`)
      .join('\n')}`,
  }));
}

export function benchEpub(): Uint8Array {
  return buildTestEpub({
    title: 'A Long Record',
    creators: ['Ana Costa'],
    date: '2025-11-02',
    publisher: 'Bench Press',
    chapters: benchChapters(),
  });
}

export function benchBookHtml(): string {
  return `<!doctype html><html lang="en"><head><title>A Long Record</title></head><body><article>${benchChapters()
    .map((c) => `<section>${c.body}</section>`)
    .join('\n')}</article></body></html>`;
}
