/**
 * A lowdb adapter whose writes survive crashes: each write goes to a temporary file that is flushed (fsync), renamed
 * over the target, and the directory flushed, so a reader finds either the old file or the new one, never half of one.
 * Writes to one file are serialised; a failed write leaves the previous file intact and rejects with the cause.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`${path.basename(file)} is not valid JSON`);
    this.name = 'CorruptFileError';
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename itself durable; Windows cannot open directories, and there rename is durable.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text` to `file` atomically and durably; on failure the old file is untouched and the temp file removed. */
export async function writeFileDurably(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
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

export class DurableJsonFile<T> implements Adapter<T> {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Returns null when the file does not exist; throws CorruptFileError when it exists but does not parse. */
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
      throw new CorruptFileError(this.file, error);
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 1);
    const next = this.#queue.then(() => writeFileDurably(this.file, text));
    // Keep the chain alive after a failure so one failed write does not block every later one.
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
