/**
 * Putting a rebuilt library index right. After the index was restored from an older backup (or started from nothing),
 * articles added since would vanish from the library: those whose text is on disk are listed again with a title taken
 * from their text, so the reader can find them (and their highlights) and rename them. And the highlight counts the
 * index keeps for the Library screen are those of the backup: they are counted again from the annotations files.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { countWords, deriveTitle } from '../core/text-stats';
import type { DocumentMeta } from '../core/model';
import { isAnnotationsFile, type DocumentFile } from './file-schemas';

/**
 * Index entries for every document file in `documentsDir` whose id is not in `listed` and whose text `load` returns
 * (it opens the file through its store, so a bad one is checked, restored from a backup or moved aside, and announced
 * first); [] when none.
 */
export async function findUnlistedDocuments(
  documentsDir: string,
  listed: ReadonlySet<string>,
  load: (id: string) => Promise<DocumentFile>,
): Promise<DocumentMeta[]> {
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
    // A file from a newer Lectio (which its store refuses) or one that cannot be read at all is not listed.
    const data = await load(id).catch(() => null);
    if (!data || data.id !== id || data.body.text.trim() === '') continue;
    const modified = await stat(path.join(documentsDir, name)).catch(() => null);
    if (!modified) continue;
    found.push({
      id,
      title: deriveTitle(data.body.text),
      source: '',
      publishedDate: null,
      addedAt: modified.mtime.toISOString(),
      wordCount: countWords(data.body.text),
      origin: 'recovered',
    });
  }
  return found;
}

/**
 * The number of highlights in each listed document's annotations file, read without opening its store (a library
 * can hold a thousand); a missing file counts 0, and a file that does not parse or fails its check is left out (it is
 * recovered on its first use, which counts it again).
 */
export async function countHighlights(annotationsDir: string, ids: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const id of ids) {
    let text: string;
    try {
      text = await readFile(path.join(annotationsDir, `${id}.json`), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') counts.set(id, 0);
      continue;
    }
    try {
      const data: unknown = JSON.parse(text);
      if (isAnnotationsFile(data)) counts.set(id, data.highlights.length);
    } catch {
      continue;
    }
  }
  return counts;
}
