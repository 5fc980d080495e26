import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importMarkdown } from '../core/import/markdown';
import { createMarkdownWorkerRunner, type MarkdownRunner } from './markdown-runner';
import { bundleWorker } from '../test-worker-bundle';

// The real worker entry, bundled as the build bundles it, so the test runs the same code the hosts run.
let workerFile = '';
beforeAll(() => {
  workerFile = bundleWorker(
    'import-worker',
    path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-import-worker-')), 'import-worker.cjs'),
  );
});

let runner: MarkdownRunner | null = null;
afterEach(async () => {
  await runner?.close();
});

// Hostile delimiters and nesting are defused before parsing (markdown-defuse.ts), so what still overruns a one-second
// budget is sheer size: 3 MB of ordinary paragraphs take many seconds to parse on any machine.
const HOSTILE = 'A paragraph with *emphasis*, a [link](https://example.org) and `code`.\n\n'.repeat(40_000);

describe('Markdown worker runner', () => {
  it('returns the same body as the in-process importer', async () => {
    runner = createMarkdownWorkerRunner(workerFile);
    const source = '# Brief\n\nThe *summit* ended with a **deal**.\n\n- first point\n- second point\n';
    await expect(runner.parse(source)).resolves.toEqual(importMarkdown(source));
  });

  it('stops a parse that overruns its budget with a clear error, keeps the caller’s thread free, and parses the next file', async () => {
    runner = createMarkdownWorkerRunner(workerFile, () => 1_000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    try {
      await expect(runner.parse(HOSTILE)).rejects.toMatchObject({ code: 'import-too-complex' });
    } finally {
      clearInterval(ticker);
    }
    // The parse ran elsewhere: this thread kept running its timers throughout the second it was allowed.
    expect(ticks).toBeGreaterThan(3);
    await expect(runner.parse('After the *overrun*.')).resolves.toEqual(importMarkdown('After the *overrun*.'));
  });

  it('queues parses: a slow one does not eat the budget of the one after it', async () => {
    runner = createMarkdownWorkerRunner(workerFile, (length) => (length > 1000 ? 1_000 : 30_000));
    const hostile = runner.parse(HOSTILE);
    const ordinary = runner.parse('Second file.');
    await expect(hostile).rejects.toThrow(/too complex to import/);
    await expect(ordinary).resolves.toMatchObject({ text: 'Second file.' });
  });
});
