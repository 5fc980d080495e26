/**
 * Opens a library folder for a host (Electron or browser mode): takes its lock, seeds the sample article into a new
 * library, and builds the service. Both hosts start here, so they cannot drift apart.
 */
import sampleText from '../assets/sample-article.txt?raw';
import sampleMeta from '../assets/sample-article.json';
import { version } from '../package.json';
import type { AppInfo, LectioApi } from './api/contract';
import { createService, seedNewLibrary } from './api/service';
import { LibraryStorage } from './storage/library-storage';

export interface OpenLibrary {
  api: LectioApi;
  storage: LibraryStorage;
  close(): void;
}

/** Throws LibraryLockedError when another process has the folder open, NewerSchemaError for a newer library. */
export async function openLibrary(dataDir: string, host: AppInfo['host']): Promise<OpenLibrary> {
  const now = () => new Date();
  const storage = await LibraryStorage.open({ dataDir, now });
  try {
    await seedNewLibrary(storage, { ...sampleMeta, text: sampleText }, now);
  } catch (error) {
    storage.close();
    throw error;
  }
  const api = createService({ storage, host, version, now });
  return { api, storage, close: () => storage.close() };
}
