/**
 * The one buffer a backup run reads its files into. A backup reads ten thousand files in a large library, each twice
 * (checked as it is copied, and its copy read back and hashed). Read as a new Buffer each (readFile, or a read stream,
 * which takes a megabyte per read), those Buffers live outside V8's heap until a garbage collection finds them, and
 * nothing presses one to run: they piled up to 45 MB at full scale, and glibc's malloc keeps what they freed, so the
 * server's RSS stayed up. One buffer, grown to the largest file read (up to a cap) and reused, bounds that to one file.
 */
import { open } from 'node:fs/promises';
import { hashFile, logBuffers, type LogBuffers } from './backup-log-files';

/** The buffer never grows past this; a larger file (a cards.json no store has checked) is read into one of its own. */
export const BACKUP_BUFFER_CAP = 8 * 1024 * 1024;
const FIRST_SIZE = 64 * 1024;

export class BackupBuffer {
  #buffer: Buffer | null = null;
  #log: LogBuffers | null = null;
  /** How many buffers were allocated: the reused one each time it grew, and one per file past the cap. */
  allocations = 0;

  /** A buffer of at least `size` bytes: the reused one when it fits under the cap, else one for this file alone. */
  #room(size: number): Buffer {
    if (this.#buffer && this.#buffer.length >= size) return this.#buffer;
    this.allocations++;
    if (size > BACKUP_BUFFER_CAP) return Buffer.allocUnsafeSlow(size);
    let next = Math.max(FIRST_SIZE, this.#buffer?.length ?? 0);
    while (next < size) next *= 2;
    this.#buffer = Buffer.allocUnsafeSlow(Math.min(next, BACKUP_BUFFER_CAP));
    return this.#buffer;
  }

  /**
   * The whole file's bytes, read to its end (it may have grown since its size was taken). The result is a view of the
   * shared buffer: valid until the next read, so a caller uses it before reading another file. Throws as open does
   * (ENOENT for a file gone).
   */
  async read(file: string): Promise<Buffer> {
    const handle = await open(file, 'r');
    try {
      let buffer = this.#room((await handle.stat()).size + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const larger = this.#room(buffer.length * 2);
          buffer.copy(larger, 0, 0, length);
          buffer = larger;
        }
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) return buffer.subarray(0, length);
        length += bytesRead;
      }
    } finally {
      await handle.close();
    }
  }

  /** The reused buffer (64 KB at least), to read a file through a chunk at a time. */
  chunk(): Buffer {
    return this.#room(FIRST_SIZE);
  }

  /** The two buffers every review log file of the run is copied through (copyLogFile), made on first use. */
  log(): LogBuffers {
    if (!this.#log) {
      this.allocations++;
      this.#log = logBuffers();
    }
    return this.#log;
  }

  /** The SHA-256 of a file, read through the reused buffer (a chunk at a time: the file is never held whole). */
  hash(file: string): Promise<string> {
    return hashFile(file, this.chunk());
  }
}
