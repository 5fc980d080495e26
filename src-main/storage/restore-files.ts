/**
 * Putting a backup's files in place of the library's: every file the backup holds is written durably over the
 * current one, and files it does not hold are removed. A current file is only ever deleted or overwritten when the
 * safety backup taken just before holds the same bytes; any other (changed since, or unreadable) is moved aside.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BackupManifest } from './backups';
import { dataFilePath, listDataFiles } from './data-files';
import { writeFileDurably } from './durable-file';
import { moveAside } from './json-store';

/** Replaces the library's data files with `contents`; returns the paths of files moved aside instead of replaced. */
export async function replaceDataFiles(dataDir: string, contents: ReadonlyMap<string, Uint8Array>, safety: BackupManifest, now: Date): Promise<string[]> {
  const preserved = new Map(safety.files.map((file) => [file.path, file.sha256]));
  const movedAside: string[] = [];
  for (const relative of await listDataFiles(dataDir)) {
    const file = dataFilePath(dataDir, relative);
    const current = await readFile(file).catch(() => null);
    if (current === null) continue;
    const sha = createHash('sha256').update(current).digest('hex');
    if (preserved.get(relative) !== sha) movedAside.push(await moveAside(file, now));
    else if (!contents.has(relative)) await rm(file, { force: true });
  }
  for (const [relative, bytes] of contents) {
    const file = dataFilePath(dataDir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileDurably(file, bytes);
  }
  return movedAside;
}
