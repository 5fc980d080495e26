import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdf, column, encryptedPdf, longReportPdf } from './pdf-fixtures';
import { ENCRYPTED, readPdf } from './pdf-read';
import { isLectioError } from '../core/errors';
import { createPdfWorkerRunner } from './pdf-runner';
import { bundleWorker } from '../test-worker-bundle';

// The real worker entry, bundled as the build bundles it, so the test runs the same code the hosts run.
let workerFile = '';
beforeAll(() => {
  workerFile = bundleWorker(
    'pdf-worker',
    path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-pdf-worker-')), 'pdf-worker.cjs'),
  );
});

describe('PDF worker runner', () => {
  it('returns what the in-process reader returns, page by page', async () => {
    const bytes = await buildPdf([column(['The first page.'], 72, 100), column(['The second page.'], 72, 100)], {
      title: 'Two Pages',
    });
    const pages: number[] = [];
    const content = await createPdfWorkerRunner(workerFile).read(
      bytes,
      (done) => pages.push(done),
      new AbortController().signal,
    );
    expect(content).toEqual(await readPdf(bytes));
    expect(pages).toEqual([1, 2]);
  }, 60_000);

  it('passes on the reader’s refusal', async () => {
    await expect(
      createPdfWorkerRunner(workerFile).read(encryptedPdf(), () => undefined, new AbortController().signal),
    ).rejects.toThrow(ENCRYPTED);
  }, 60_000);

  it('stops on Cancel while this thread keeps running its timers', async () => {
    const bytes = await longReportPdf(40);
    const controller = new AbortController();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    try {
      const read = createPdfWorkerRunner(workerFile).read(
        bytes,
        (done) => done === 2 && controller.abort(),
        controller.signal,
      );
      await expect(read.catch((error: unknown) => isLectioError(error, 'cancelled'))).resolves.toBe(true);
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(0);
  }, 60_000);
});
