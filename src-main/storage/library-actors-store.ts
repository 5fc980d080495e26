/**
 * The reader's library-level actor corrections, in `library-actors.json`: merges and splits of actors across
 * documents (see core/library/actor-identity.ts). One small library-wide file; a library from before it has none and
 * opens with no corrections (the file is written on the first one).
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import type { LibraryActorCorrection } from '../core/library/actor-identity';
import { openStoreHoldingNewer, type NewerSchema } from './json-store';
import { openRecovering, type Recovery } from './recovery';

export const LIBRARY_ACTORS_SCHEMA_VERSION = 1;
export const LIBRARY_ACTORS_FILE = 'library-actors.json';

/** A correction as stored: with its id (for Undo and sync) and when it was made. */
export type StoredActorCorrection = LibraryActorCorrection & { id: string; at: string };

export interface LibraryActorsFile {
  schemaVersion: number;
  corrections: StoredActorCorrection[];
}

const member = z.object({ docId: z.string().min(1), actorId: z.string().min(1) }).strict();
const stamp = { id: z.string().min(1), at: z.string() };
const libraryActorsFile = z.object({
  schemaVersion: z.literal(LIBRARY_ACTORS_SCHEMA_VERSION),
  corrections: z.array(
    z.union([
      z.object({ type: z.literal('merge'), a: member, b: member, ...stamp }).strict(),
      z.object({ type: z.literal('split'), members: z.array(member).min(1), ...stamp }).strict(),
    ]),
  ),
});

export function isLibraryActorsFile(data: unknown): data is LibraryActorsFile {
  return libraryActorsFile.safeParse(data).success;
}

export class LibraryActorsStore {
  #db: Low<LibraryActorsFile> | null = null;
  #opening: Promise<NewerSchema | undefined> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly recovery?: Recovery,
  ) {}

  /** Opens the file once (again after `reset`); a damaged one is recovered as the other library files are. */
  open(): Promise<NewerSchema | undefined> {
    this.#opening ??= (async () => {
      const spec = {
        file: path.join(this.dataDir, LIBRARY_ACTORS_FILE),
        schemaVersion: LIBRARY_ACTORS_SCHEMA_VERSION,
        defaults: (): LibraryActorsFile => ({ schemaVersion: LIBRARY_ACTORS_SCHEMA_VERSION, corrections: [] }),
        isValid: isLibraryActorsFile,
      };
      const opened = await openStoreHoldingNewer(
        () => openRecovering<LibraryActorsFile>(spec, LIBRARY_ACTORS_FILE, this.recovery, this.now()),
        spec,
      );
      this.#db = opened.db;
      return opened.heldNewer;
    })();
    return this.#opening;
  }

  /** After a restore: the file is read again on its next use. */
  reset(): void {
    this.#db = null;
    this.#opening = null;
  }

  async db(): Promise<Low<LibraryActorsFile>> {
    await this.open();
    if (!this.#db) throw new Error('The library actors file is not open');
    return this.#db;
  }
}
