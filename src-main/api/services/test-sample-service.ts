/**
 * Test support for the services and the renderer's screen state: a service over a fresh library seeded with the
 * bundled sample article, with a fixed clock and predictable ids, as the app builds it. Call `closeSampleLibraries`
 * after each test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createWorkerRunner, inProcessRunner, type ExtractionRunner } from '../../analysis/extraction-runner';
import { LibraryStorage } from '../../storage/library-storage';
import type { ApiResult, LectioApi, MethodName } from '../contract';
import { dispatch } from '../dispatch';
import { createService, seedNewLibrary } from '../service';

export const sampleText = readFileSync(path.resolve(__dirname, '../../../assets/sample-article.txt'), 'utf8');

const opened: LibraryStorage[] = [];

/**
 * Opens `dataDir` (a fresh folder by default), seeding it with the sample when it is new; the engine runs in process
 * unless `extraction` says otherwise. `transport` reaches the service as the hosts do (through dispatch: validation,
 * typed errors), for the renderer's API client in its tests.
 */
export async function openSampleLibrary(
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-sample-')),
  extraction: ExtractionRunner = inProcessRunner,
  options: { ankiConnectUrl?: string } = {},
) {
  const now = () => new Date('2026-06-01T09:00:00.000Z');
  const storage = await LibraryStorage.open({ dataDir, now });
  opened.push(storage);
  await seedNewLibrary(storage, { text: sampleText, title: 'Sample', source: 'Donga', publishedDate: null }, now);
  let n = 0;
  const api: LectioApi = createService({
    storage,
    host: 'browser',
    version: 't',
    now,
    extraction,
    newId: () => `id${++n}`,
    ...options,
  });
  // Copied each way, as IPC and HTTP copy them: a caller must never hold the service's own objects.
  const transport = async (method: MethodName, input: unknown): Promise<ApiResult<unknown>> =>
    structuredClone(await dispatch(api, method, structuredClone(input)));
  return { api, storage, dataDir, transport };
}

/** Closes `storage` now (a restart in a test) and forgets it. */
export function closeSampleLibrary(storage: LibraryStorage): void {
  opened.splice(opened.indexOf(storage), 1);
  storage.close();
}

/** Closes every library the test opened. */
export function closeSampleLibraries(): void {
  for (const storage of opened.splice(0)) storage.close();
}

/** The address of a local server that has stopped: a call to it fails as one to a closed `npm run serve` does. */
export async function stoppedServerOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * The engine in a worker thread, as the app runs it (src-main/extract-worker.ts, compiled on the fly by tsx): unlike
 * the in-process runner, a run can be cancelled while it works. Close it after the test.
 */
export function engineInWorker(): ExtractionRunner {
  const root = path.resolve(__dirname, '../../..');
  const bootstrap = path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-engine-')), 'extract-worker.cjs');
  const load = (file: string) => `require(${JSON.stringify(path.join(root, file))});`;
  writeFileSync(
    bootstrap,
    [load('node_modules/tsx/dist/cjs/index.cjs'), load('src-main/extract-worker.ts')].join('\n'),
  );
  return createWorkerRunner(bootstrap);
}
