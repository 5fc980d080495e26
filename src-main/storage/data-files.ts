/**
 * Which files in a library folder are the library: every `*.json` at the top and one folder down (documents/,
 * annotations/, analysis/, and any kind added later such as cards/), but not backups, the lock, temp files or files
 * moved aside. Backups and corruption checks use this one list, so a new kind of data file is covered without a change.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const BACKUPS_FOLDER = 'backups';
/** The review log's folder (review-segments.ts): JSON Lines segments and the drops file, data files too. */
export const REVIEW_LOG_FOLDER = 'reviews';

/** True for a review log file (`reviews/000001.jsonl`, `reviews/drops.jsonl`): not JSON, checked line by line. */
export function isReviewLogFile(relative: string): boolean {
  return /^reviews\/(?:\d{6}|drops)\.jsonl$/.test(relative);
}

/** True for a data file's name: JSON, not hidden (temp files start with a dot), not a moved-aside copy. */
export function isDataFileName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The library's data files as sorted relative paths with `/` separators; [] for a missing folder. */
export async function listDataFiles(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await entries(dataDir)) {
    if (entry.isFile() && isDataFileName(entry.name)) found.push(entry.name);
    if (!entry.isDirectory() || entry.name === BACKUPS_FOLDER || entry.name.startsWith('.')) continue;
    for (const inner of await entries(path.join(dataDir, entry.name))) {
      const relative = `${entry.name}/${inner.name}`;
      if (inner.isFile() && (isDataFileName(inner.name) || isReviewLogFile(relative))) found.push(relative);
    }
  }
  return found.sort();
}

/** The absolute path of a relative data-file path. */
export function dataFilePath(dataDir: string, relative: string): string {
  return path.join(dataDir, ...relative.split('/'));
}
