/**
 * Test support for the quiz services: a service over a fresh library seeded with the bundled sample article, with a
 * fixed clock and predictable ids, as the app builds it. Call `closeSampleLibraries` after each test.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inProcessRunner } from '../../analysis/extraction-runner';
import { LibraryStorage } from '../../storage/library-storage';
import type { LectioApi } from '../contract';
import { createService, seedNewLibrary } from '../service';

export const sampleText = readFileSync(path.resolve(__dirname, '../../../assets/sample-article.txt'), 'utf8');

const opened: LibraryStorage[] = [];

/** Opens `dataDir` (a fresh folder by default), seeding it with the sample when it is new. */
export async function openSampleLibrary(dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-sample-'))) {
  const now = () => new Date('2026-06-01T09:00:00.000Z');
  const storage = await LibraryStorage.open({ dataDir, now });
  opened.push(storage);
  await seedNewLibrary(storage, { text: sampleText, title: 'Sample', source: 'Donga', publishedDate: null }, now);
  let n = 0;
  const api: LectioApi = createService({ storage, host: 'browser', version: 't', now, extraction: inProcessRunner, newId: () => `id${++n}` });
  return { api, storage, dataDir };
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
