/**
 * What reads an EPUB for the service: in process (tests, tools) or in a worker thread (the hosts), with progress per
 * chapter and a way to stop it. Its own module, so the service's dependencies and the worker runner both name it
 * without depending on each other.
 */
import { LectioError } from '../../core/errors';
import type { EpubBook } from './epub-book';

export interface ImportStep {
  done: number;
  total: number;
}

export interface EpubReader {
  /** Resolves with the book; rejects with EpubError when it cannot be read, ImportCancelledError when stopped. */
  read(bytes: Uint8Array, onProgress?: (step: ImportStep) => void): Promise<EpubBook>;
  /** Stops every book being read; returns how many were. */
  cancel(): number;
}

/** An import stopped at the reader's request ('cancelled'); nothing of it was stored. */
export class ImportCancelledError extends LectioError {
  constructor() {
    super('cancelled', 'The import was stopped; nothing was added to the library.');
    this.name = 'ImportCancelledError';
  }
}
