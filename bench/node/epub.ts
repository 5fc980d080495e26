/**
 * EPUB import and a book's analysis. The import: a generated 150,000-word EPUB through importEpub, each run in a fresh
 * process for its memory, against the same book as one HTML page through the web-page pipeline (Readability and
 * all), the way a book would have to come in without an EPUB reader. The analysis: the engine chapter by chapter (as
 * the service now runs a book, reporting progress after each) against one run over the whole text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractDocument } from '@main/analysis/sectioned-extraction';
import { inProcessRunner } from '@main/analysis/extraction-runner';
import { extract } from '@core/extract';
import { readEpub } from '@main/import/epub/epub-book';
import { bundleWorker } from '@main/test-worker-bundle';
import type { BenchContext, Benchmark } from '../context';
import type { Figure } from '../result';
import { median } from '../stats';
import { BOOK_WORDS, benchBookHtml, benchEpub } from './epub-book';

interface ChildRun {
  ms: number;
  cpuMs: number;
  baseRssMb: number;
  peakRssMb: number;
  words: number;
  sections: number;
}

/** The EPUB worker bundled as the build bundles it; jsdom stays in node_modules, found from the repository's folder. */
function epubWorker(): string {
  return bundleWorker('epub-worker', path.resolve(__dirname, '../../test-results/bench-epub-worker/epub-worker.cjs'), [
    'jsdom',
  ]);
}

function runChild(variant: 'epub' | 'html', file: string, worker: string): ChildRun {
  const script = path.join(__dirname, 'epub-child.ts');
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    script,
    '--variant',
    variant,
    '--file',
    file,
    ...(variant === 'epub' ? ['--worker', worker] : []),
  ];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out) as ChildRun;
}

function runs(variant: 'epub' | 'html', file: string, count: number, worker: string): ChildRun[] {
  return Array.from({ length: count }, () => runChild(variant, file, worker));
}

export const epubBenchmark: Benchmark = {
  id: 'epub',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-book-'));
    try {
      const epub = benchEpub();
      const epubFile = path.join(dir, 'book.epub');
      const htmlFile = path.join(dir, 'book.html');
      writeFileSync(epubFile, epub);
      writeFileSync(htmlFile, benchBookHtml());
      const count = ctx.quick ? 1 : 3;
      const worker = epubWorker();
      const book = runs('epub', epubFile, count, worker);
      ctx.log(`epub import: ${book.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
      const page = runs('html', htmlFile, count, worker);
      ctx.log(`one-page baseline: ${page.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
      const first = book[0] as ChildRun;
      const memory = (r: ChildRun) => r.peakRssMb - r.baseRssMb;

      const body = readEpub(epub).body;
      const sectionMs: number[] = [];
      const startedSections = performance.now();
      let last = startedSections;
      await extractDocument(inProcessRunner, body, '2025-11-02', (step) => {
        const now = performance.now();
        if (step.done > 0) sectionMs.push(now - last);
        last = now;
      });
      const sectionedTotal = performance.now() - startedSections;
      const wholeStarted = performance.now();
      extract(body.text, { referenceDate: '2025-11-02' });
      const wholeMs = performance.now() - wholeStarted;
      const longest = Math.max(...sectionMs);

      return [
        {
          name: `EPUB import, ${BOOK_WORDS.toLocaleString('en')} words in ${first.sections} chapters`,
          value: median(book.map((r) => r.ms)),
          unit: 'ms',
          better: 'lower',
          target: 5000,
          baseline: {
            name: 'the same book as one HTML page, Readability pipeline',
            value: median(page.map((r) => r.ms)),
          },
          detail: `importEpub through the service as the hosts run it (base64, a worker thread started for the book: unzip, ${first.sections} chapters through DOMPurify and the article builder; then the durable write), median of ${count} fresh processes (CPU time ${median(book.map((r) => r.cpuMs)).toFixed(0)} ms; one page: ${median(page.map((r) => r.cpuMs)).toFixed(0)} ms); EPUB ${(epub.length / 1e6).toFixed(2)} MB, ${first.words.toLocaleString('en')} words stored. Baseline: the same chapters as one page through jsdom, DOMPurify and Readability, then importDocument.`,
        },
        {
          name: 'EPUB import: memory (peak RSS growth)',
          value: median(book.map(memory)),
          unit: 'MB',
          better: 'lower',
          baseline: { name: 'one HTML page, Readability pipeline', value: median(page.map(memory)) },
          detail: `peak RSS of the importing process less its RSS just before the import (jsdom and DOMPurify already loaded): EPUB peak ${median(book.map((r) => r.peakRssMb)).toFixed(0)} MB from ${median(book.map((r) => r.baseRssMb)).toFixed(0)} MB; one page peak ${median(page.map((r) => r.peakRssMb)).toFixed(0)} MB.`,
        },
        {
          name: 'Book analysis: longest wait between progress reports',
          value: longest,
          unit: 'ms',
          better: 'lower',
          baseline: { name: 'the whole book in one engine run', value: wholeMs },
          detail: `the engine chapter by chapter over the ${BOOK_WORDS.toLocaleString('en')}-word book: ${sectionMs.length} chapters in ${(sectionedTotal / 1000).toFixed(1)} s in all (median chapter ${median(sectionMs).toFixed(0)} ms); one run over the whole text: ${(wholeMs / 1000).toFixed(1)} s with no progress until it ends.`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
