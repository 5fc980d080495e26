/**
 * One import in a fresh process, so its memory is its own: `--variant epub` imports the benchmark's book through the
 * service as the hosts do (importEpub: base64, the worker thread that unzips it and takes its chapters through
 * DOMPurify and the article builder, the durable write; `--worker` names the bundled worker script);
 * `--variant html` imports the same text as one web page through the HTML pipeline (jsdom, DOMPurify, Readability) and
 * importDocument. Prints {ms, cpuMs, baseRssMb, peakRssMb, words, sections} as JSON: on a shared machine the CPU time
 * says what the import costs when the wall time also counts other processes' turns.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { createEpubWorkerReader } from '@main/import/epub-runner';
import { LibraryStorage } from '@main/storage/library-storage';
import { benchService } from './bench-service';
import { htmlToArticle } from '@html-import/html-to-body';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { variant: { type: 'string' }, file: { type: 'string' }, worker: { type: 'string' } },
  });
  const input = readFileSync(values.file as string);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-epub-'));
  const storage = await LibraryStorage.open({ dataDir, now: () => new Date() });
  const epub = values.worker ? createEpubWorkerReader(values.worker) : undefined;
  const api = benchService(storage, epub ? { epub } : {});
  // Warm the modules both paths load (jsdom, DOMPurify), so the figure is the import, not the first require.
  new JSDOM('').window.close();
  global.gc?.();
  // The worker's memory is this process's too: RSS counts every thread.
  const baseRss = process.memoryUsage().rss;
  const started = performance.now();
  const cpu = process.cpuUsage();
  let saved;
  if (values.variant === 'epub') {
    saved = await api.importEpub({ fileName: 'book.epub', data: input.toString('base64') });
  } else {
    const { window } = new JSDOM('', { url: 'https://example.org/book' });
    const article = htmlToArticle(input.toString('utf8'), {
      parser: new window.DOMParser(),
      purify: DOMPurify(window),
      appOrigin: '',
    });
    window.close();
    saved = await api.importDocument({
      text: article.body.text,
      format: 'structured',
      body: article.body,
      title: article.title,
      fileName: 'book.html',
    });
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const doc = await api.getDocument({ id: saved.id });
  const peakRss = process.resourceUsage().maxRSS * 1024;
  storage.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (used.user + used.system) / 1000,
      baseRssMb: baseRss / 1e6,
      peakRssMb: peakRss / 1e6,
      words: saved.wordCount,
      sections: doc.body.sections?.length ?? 0,
    }),
  );
}

void main();
