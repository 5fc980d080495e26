/**
 * Which data files on disk are known good right now: a store marks its file after it read and checked it, or wrote it
 * from its checked state, with the file's size, modification time and inode then. A backup copies such a file without
 * parsing it again (cards.json is 50 MB in a large library, and parsing it costs several times that in memory). Any
 * other write (a hand edit, a restore, a copy from a backup) gives the file another inode or time, so the mark no longer
 * matches and the file is parsed and checked as before. Process memory only: nothing is trusted across a restart.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

const marks = new Map<string, FileStamp>();

export function sameStamp(a: FileStamp | undefined | null, b: FileStamp | undefined | null): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

export async function stampFile(file: string): Promise<FileStamp | null> {
  try {
    const info = await stat(file);
    return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  } catch {
    return null;
  }
}

/** Marks `file` as checked as it is now on disk (call it right after reading and checking it, or writing it). */
export async function markVerified(file: string): Promise<void> {
  const stamp = await stampFile(file);
  if (stamp) marks.set(path.resolve(file), stamp);
  else marks.delete(path.resolve(file));
}

/** True when `file` is exactly as it was when a store last checked or wrote it. */
export function isVerified(file: string, stamp: FileStamp): boolean {
  return sameStamp(marks.get(path.resolve(file)), stamp);
}
