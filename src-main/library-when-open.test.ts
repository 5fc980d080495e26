/**
 * Browser mode serves the page while its library opens: calls made meanwhile wait for the opening and then answer as
 * the open library does; a library that cannot be opened fails them with its error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLectioError } from './core/errors';
import { apiWhenOpen, imagesWhenOpen } from './library-when-open';
import { openLibrary, type OpenLibrary } from './open-library';

const dirs: string[] = [];
const opened: OpenLibrary[] = [];

function open(dataDir: string, onLocked?: () => void): Promise<OpenLibrary> {
  // The workers start on first use; these tests never analyse or import, so their scripts are never loaded.
  const opening = openLibrary(dataDir, {
    host: 'browser',
    extractionWorker: path.join(dataDir, 'no-extract-worker.js'),
    importWorker: path.join(dataDir, 'no-import-worker.js'),
    ...(onLocked ? { onLocked } : {}),
  });
  void opening.then((library) => opened.push(library)).catch(() => undefined);
  return opening;
}

afterEach(() => {
  for (const library of opened.splice(0)) library.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-when-open-'));
  dirs.push(dir);
  return dir;
}

describe('the API while the library opens', () => {
  it('answers a call made before the opening finished, once it has, as the open library does', async () => {
    const dataDir = tempDir();
    const steps: string[] = [];
    const opening = open(dataDir, () => steps.push('locked'));
    const api = apiWhenOpen(opening);
    // Asked at once: the lock may not even be taken yet.
    const listed = api.listDocuments({}).then((docs) => {
      steps.push('listed');
      return docs;
    });
    const library = await opening;
    steps.push('opened');
    const docs = await listed;
    expect(steps).toEqual(['locked', 'opened', 'listed']);
    expect(docs).toEqual(await library.api.listDocuments({}));
    expect(docs.length).toBeGreaterThan(0); // the sample article a new library starts with
    // The object itself is not a promise: awaiting it gives it back.
    expect(await Promise.resolve(api)).toBe(api);
    expect(await imagesWhenOpen(opening).read('0'.repeat(64))).toBeNull();
  });

  it('fails its calls with the opening’s error when the folder is open in another process', async () => {
    const dataDir = tempDir();
    await open(dataDir);
    let locked = false;
    const second = open(dataDir, () => (locked = true));
    const call = apiWhenOpen(second).appInfo({});
    await expect(second).rejects.toSatisfy((error) => isLectioError(error, 'library-locked'));
    await expect(call).rejects.toSatisfy((error) => isLectioError(error, 'library-locked'));
    expect(locked).toBe(false);
  });
});
