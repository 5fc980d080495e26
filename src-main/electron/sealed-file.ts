/**
 * One small file of sealed bytes (the sync password as the OS keychain encrypted it): written atomically and durably,
 * readable only by this user (0600, from writeFileDurably's temp file), absent when nothing is kept. Its name does not
 * end in .json, so backups (which copy the library's JSON files) never carry it.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../storage/durable-file';

export class SealedFile {
  constructor(readonly file: string) {}

  /** Replaces the file's bytes whole; on failure the old file stays as it was. */
  async write(bytes: Uint8Array): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await writeFileDurably(this.file, bytes);
  }

  /** The bytes kept, or null when there is no file. Other read errors (permissions) are thrown. */
  async read(): Promise<Buffer | null> {
    try {
      return await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
