/**
 * Documents whose text is on disk but whom the library index does not list: after the index was rebuilt from an
 * older backup (or from nothing), articles added since would otherwise vanish from the library. They are listed again
 * with a title taken from their text, so the reader can find them (and their highlights) and rename them.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { countWords, deriveTitle } from '../core/text-stats';
import type { DocumentMeta } from '../core/model';
import { isDocumentFile } from './file-schemas';

/** Index entries for every good document file in `documentsDir` whose id is not in `listed`; [] when none. */
export async function findUnlistedDocuments(documentsDir: string, listed: ReadonlySet<string>): Promise<DocumentMeta[]> {
  let names: string[];
  try {
    names = await readdir(documentsDir);
  } catch {
    return [];
  }
  const found: DocumentMeta[] = [];
  for (const name of names.sort()) {
    const id = /^([A-Za-z0-9_-]+)\.json$/.exec(name)?.[1];
    if (!id || listed.has(id)) continue;
    const file = path.join(documentsDir, name);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue;
    }
    if (!isDocumentFile(data) || data.id !== id || data.body.text.trim() === '') continue;
    const addedAt = (await stat(file)).mtime.toISOString();
    found.push({ id, title: deriveTitle(data.body.text), source: '', publishedDate: null, addedAt, wordCount: countWords(data.body.text), origin: 'recovered' });
  }
  return found;
}
