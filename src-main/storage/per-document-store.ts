/**
 * A folder of lowdb files, one per document (`<folder>/<documentId>.json`), opened lazily and kept open. Each kind of
 * data that grows with a document (its text, its annotations, its analysis cache) lives in its own folder, so a write
 * costs the size of one document's data, never the whole library's. A file is checked when it is first opened, not
 * when the library opens: a bad one is moved aside, restored from the newest good backup, and announced then.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
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
  /**
   * Brings a valid file of the current schema up to date as it opens (a fix that needs no new version, so an older
   * Lectio still reads the result); returns null when there is nothing to change. The change is written at once.
   */
  upgrade?: (data: T) => T | null;
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
   * The document's data for one reading, without keeping its file open: the search index reads every document once,
   * and keeping them all open would hold the whole library in memory. The open copy when there is one; a file that is
   * missing, does not parse, is of another schema or needs an upgrade is opened as usual (checked, recovered, kept).
   */
  async peek(documentId: string): Promise<T> {
    const opening = this.#open.get(documentId);
    if (opening) return (await opening).data;
    try {
      const data: unknown = JSON.parse(await readFile(this.path(documentId), 'utf8'));
      if (
        (data as Partial<Versioned>).schemaVersion === this.spec.schemaVersion &&
        this.spec.isValid(data) &&
        this.spec.upgrade?.(data) == null
      )
        return data;
    } catch {
      // Missing or unreadable: the regular opening below creates, or recovers and announces, it.
    }
    return (await this.get(documentId)).data;
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
      try {
        const result = await change(db.data);
        await db.write();
        return result;
      } catch (error) {
        await this.#putBackLastSaved(documentId, db);
        throw error;
      }
    });
  }

  /**
   * After a failed change: the data as last saved, which is what the file holds (every change before this one was
   * written before the next began). Read back only on this rare path; a copy taken before every change cost 37 ms of
   * blocked event loop per saved highlight on a document with 5,000. When the file cannot be read back, it is
   * reopened, with all its checks, at its next use.
   */
  async #putBackLastSaved(documentId: string, db: Low<T>): Promise<void> {
    try {
      const saved = await db.adapter.read();
      if (saved === null) db.data = this.spec.defaults(documentId);
      else if (this.spec.isValid(saved)) db.data = saved;
      else this.#open.delete(documentId);
    } catch {
      this.#open.delete(documentId);
    }
  }

  /** Whether the document's file has been opened (or is opening) through this store, so its writes go through here. */
  isOpen(documentId: string): boolean {
    return this.#open.has(documentId);
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
    const upgraded = this.spec.upgrade?.(opened.db.data) ?? null;
    if (upgraded !== null) {
      opened.db.data = upgraded;
      await opened.db.write();
    }
    return opened.db;
  }
}
