/**
 * A lowdb adapter whose writes survive crashes: each write goes to a temporary file that is flushed (fsync), renamed
 * over the target, and the directory flushed, so a reader finds either the old file or the new one, never half of one.
 * Writes to one file are serialised; a failed write leaves the previous file intact and rejects with the cause.
 */
import { open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { LectioError } from '../core/errors';
import { markVerified } from './verified-files';

/** Flushes a folder's entries (a rename or a new file in it) to disk. */
export async function fsyncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename itself durable; Windows cannot open directories, and there rename is durable.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

let tempCounter = 0;

/** The name writeFileDurably gives its temp file: `.<name>.<pid>.<n>.tmp`, beside the file it replaces. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.\d+\.tmp$/;

/**
 * Removes temp files that interrupted writes left (a crash between writing one and renaming it) in `dataDir` and the
 * folders directly inside it, but only those last changed before `before` (this process's start): later ones may be
 * writes under way. The backups folder keeps its own (an unfinished backup is removed whole). Returns their paths.
 */
export async function removeInterruptedWrites(
  dataDir: string,
  before: Date,
  skip: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const removed: string[] = [];
  const sweep = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth === 0 && !skip.has(entry.name)) await sweep(full, 1);
      if (!entry.isFile() || !TEMP_FILE_PATTERN.test(entry.name)) continue;
      const info = await stat(full).catch(() => null);
      if (info && info.mtimeMs < before.getTime()) {
        await rm(full, { force: true });
        removed.push(full);
      }
    }
  };
  await sweep(dataDir, 0);
  return removed;
}

/** Writes `text` to `file` atomically and durably; on failure the old file is untouched and the temp file removed. */
export function writeFileDurably(file: string, text: string | Uint8Array): Promise<void> {
  return writeChunksDurably(file, [text]);
}

/**
 * writeFileDurably for text made piece by piece (`chunks` is iterated as it is written), so a large file is never
 * one string in memory: the card schedule index of 50,000 cards is 27 MB of JSON, written after grades.
 */
export async function writeChunksDurably(file: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  // A unique temp name per write, so two writers of one file (a restore and a late write) never share a temp file.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`); // TEMP_FILE_PATTERN
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      // writeFile goes on from the handle's position and writes the whole chunk (write may write part of it).
      for (const chunk of chunks) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(path.dirname(file));
}

/** Every open data file, weakly held, so a restore can stop all of a library's writers whichever store opened them. */
const liveFiles = new Set<WeakRef<DurableJsonFile<unknown>>>();
const forget = new FinalizationRegistry<WeakRef<DurableJsonFile<unknown>>>((ref) => liveFiles.delete(ref));

/** Retires every open data file inside `dir` (see DurableJsonFile.retire); resolves when their writes have finished. */
export async function retireFilesUnder(dir: string): Promise<void> {
  const prefix = path.resolve(dir) + path.sep;
  const retiring: Promise<void>[] = [];
  for (const ref of liveFiles) {
    const file = ref.deref();
    if (!file) liveFiles.delete(ref);
    else if (path.resolve(file.file).startsWith(prefix)) retiring.push(file.retire());
  }
  await Promise.all(retiring);
}

export class DurableJsonFile<T> implements Adapter<T> {
  #queue: Promise<unknown> = Promise.resolve();
  /** The write waiting behind the one in flight; later writes replace its text and share its promise. */
  #pending: { text: string; done: Promise<void> } | null = null;
  #retired = false;

  constructor(readonly file: string) {
    const ref = new WeakRef(this as DurableJsonFile<unknown>);
    liveFiles.add(ref);
    forget.register(this, ref);
  }

  /** Returns null when the file does not exist; throws a 'corrupt-file' LectioError when it exists but does not parse. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new LectioError('corrupt-file', `${path.basename(this.file)} is not valid JSON`, {
        details: { file: this.file },
        cause: error,
      });
    }
  }

  /**
   * Resolves once `data`, or a later state of it, is durably on disk. Writes that queue up behind the one in flight
   * coalesce into one: lowdb hands over its whole current state each time, so the newest text contains every earlier
   * change, and a burst of N changes costs a few file writes instead of N. Rejects with a 'store-retired' LectioError once retired (the library was replaced, a backup restored, after this file was opened).
   */
  write(data: T): Promise<void> {
    if (this.#retired)
      return Promise.reject(new LectioError('store-retired', undefined, { details: { file: this.file } }));
    const text = JSON.stringify(data, null, 1);
    if (this.#pending) {
      this.#pending.text = text;
      return this.#pending.done;
    }
    const pending: { text: string; done: Promise<void> } = { text, done: Promise.resolve() };
    pending.done = this.#queue.then(async () => {
      this.#pending = null;
      await writeFileDurably(this.file, pending.text);
      // Written from the store's checked state: a backup may copy it without parsing it again (verified-files.ts).
      await markVerified(this.file);
    });
    this.#pending = pending;
    // Keep the chain alive after a failure so one failed write does not block every later one.
    this.#queue = pending.done.catch(() => undefined);
    return pending.done;
  }

  /** Refuses every later write and resolves when the writes already accepted have finished (restoring a backup). */
  retire(): Promise<void> {
    this.#retired = true;
    return this.#queue.then(() => undefined);
  }
}
