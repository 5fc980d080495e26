import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerRunner, type ExtractionRunner } from './extraction-runner';

// A stand-in worker script answering like the real one, slowly, so a cancel lands while it works.
const SLOW_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (request) => {
  setTimeout(() => parentPort.postMessage({ id: request.id, ok: true, result: { engineVersion: 'slow', text: request.text } }), request.text === 'slow' ? 5000 : 10);
});`;

let runner: ExtractionRunner | null = null;

afterEach(async () => {
  await runner?.close();
});

function workerFile(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-worker-')), 'worker.cjs');
  writeFileSync(file, SLOW_WORKER);
  return file;
}

describe('worker extraction runner', () => {
  it('answers runs from the worker thread', async () => {
    runner = createWorkerRunner(workerFile());
    await expect(runner.run('quick', null)).resolves.toMatchObject({ engineVersion: 'slow', text: 'quick' });
  });

  it('cancels a run in progress, and the next run starts a fresh worker', async () => {
    runner = createWorkerRunner(workerFile());
    const slow = expect(runner.run('slow', null)).rejects.toMatchObject({ code: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await runner.cancel()).toBe(1);
    await slow;
    await expect(runner.run('after', null)).resolves.toMatchObject({ text: 'after' });
    expect(await runner.cancel()).toBe(0);
  });
});
