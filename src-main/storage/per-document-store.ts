/**
 * A folder of lowdb files, one per document (`<folder>/<documentId>.json`), opened lazily and kept open. Each kind of
 * data that grows with a document (its text, its annotations, its analysis cache) lives in its own folder, so a write
 * costs the size of one document's data, never the whole library's. A file is checked when it is first opened, not
 * when the library opens: a bad one is moved aside, restored from the newest good backup, and announced then.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { retireStore, type Versioned } from './json-store';
import { KeyedMutex } from './keyed-mutex';
import { openRecovering, type Recovery } from './recovery';

export interface PerDocumentSpec<T extends Versioned> {
  /** The folder, named for its kind (`documents`, `annotations`, …), directly inside the library folder. */
  folder: string;
  schemaVersion: number;
  defaults: (documentId: string) => T;
  isValid: (data: unknown) => data is T;
  migrate?: (data: Versioned) => T;
  /** Restores and announces a document's file that was unreadable when first opened. */
  recovery: Recovery;
  /** Called when a file was recovered as it opened (moved aside, perhaps restored), before anyone else sees it. */
  onRecovered?: (documentId: string, data: T) => Promise<void>;
}

export class PerDocumentStore<T extends Versioned> {
  readonly #open = new Map<string, Promise<Low<T>>>();
  readonly #mutex = new KeyedMutex();

  constructor(
    private readonly spec: PerDocumentSpec<T>,
    private readonly now: () => Date,
  ) {}

  path(documentId: string): string {
    return path.join(this.spec.folder, `${documentId}.json`);
  }

  /** The file's path relative to the library folder, as backups and recovery name it. */
  relative(documentId: string): string {
    return `${path.basename(this.spec.folder)}/${documentId}.json`;
  }

  /** The document's file, opened once; concurrent callers share one opening. */
  get(documentId: string): Promise<Low<T>> {
    let opening = this.#open.get(documentId);
    if (!opening) {
      opening = this.#openFile(documentId);
      this.#open.set(documentId, opening);
      opening.catch(() => this.#open.delete(documentId));
    }
    return opening;
  }

  /**
   * Reads, changes and saves one document's file as one step: concurrent updates of the same file run one after the
   * other, each seeing the previous one's result, even when `change` awaits. Returns what `change` returns; when it
   * throws, or the write fails (a full disk), the data in memory is put back as it was and the error is passed on, so
   * a change reported as not saved does not reappear with the next successful write.
   */
  update<R>(documentId: string, change: (data: T) => R | Promise<R>): Promise<R> {
    return this.#mutex.run(documentId, async () => {
      const db = await this.get(documentId);
      const before = structuredClone(db.data);
      try {
        const result = await change(db.data);
        await db.write();
        return result;
      } catch (error) {
        db.data = before;
        throw error;
      }
    });
  }

  /** Stops every open file accepting writes, waits for those under way, and forgets them (a restore follows). */
  async retireAll(): Promise<void> {
    const openings = [...this.#open.values()];
    this.#open.clear();
    await Promise.all(openings.map((opening) => opening.then(retireStore, () => undefined)));
  }

  async delete(documentId: string): Promise<void> {
    this.#open.delete(documentId);
    await rm(this.path(documentId), { force: true });
  }

  async #openFile(documentId: string): Promise<Low<T>> {
    await mkdir(this.spec.folder, { recursive: true });
    const opened = await openRecovering<T>(
      {
        file: this.path(documentId),
        schemaVersion: this.spec.schemaVersion,
        defaults: () => this.spec.defaults(documentId),
        isValid: this.spec.isValid,
        migrate: this.spec.migrate,
      },
      this.relative(documentId),
      this.spec.recovery,
      this.now(),
    );
    if (opened.movedAside) await this.spec.onRecovered?.(documentId, opened.db.data);
    return opened.db;
  }
}
