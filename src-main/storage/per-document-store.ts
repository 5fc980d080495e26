/**
 * A folder of lowdb files, one per document (`<folder>/<documentId>.json`), opened lazily and kept open. Each kind of
 * data that grows with a document (its text, its annotations, its analysis cache) lives in its own folder, so a write
 * costs the size of one document's data, never the whole library's.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { openStore, type Versioned } from './json-store';

export interface PerDocumentSpec<T extends Versioned> {
  folder: string;
  schemaVersion: number;
  defaults: (documentId: string) => T;
  isValid: (data: unknown) => data is T;
  migrate?: (data: Versioned) => T;
  /** Called when a document's file was unreadable and was moved aside to `movedTo`. */
  onMovedAside: (documentId: string, movedTo: string) => void;
}

export class PerDocumentStore<T extends Versioned> {
  readonly #open = new Map<string, Promise<Low<T>>>();

  constructor(
    private readonly spec: PerDocumentSpec<T>,
    private readonly now: () => Date,
  ) {}

  path(documentId: string): string {
    return path.join(this.spec.folder, `${documentId}.json`);
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

  async delete(documentId: string): Promise<void> {
    this.#open.delete(documentId);
    await rm(this.path(documentId), { force: true });
  }

  async #openFile(documentId: string): Promise<Low<T>> {
    await mkdir(this.spec.folder, { recursive: true });
    const opened = await openStore<T>(
      {
        file: this.path(documentId),
        schemaVersion: this.spec.schemaVersion,
        defaults: () => this.spec.defaults(documentId),
        isValid: this.spec.isValid,
        migrate: this.spec.migrate,
      },
      this.now(),
    );
    if (opened.movedAside) this.spec.onMovedAside(documentId, opened.movedAside);
    return opened.db;
  }
}
