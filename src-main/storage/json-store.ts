/**
 * Opening one lowdb file safely: a missing file starts from defaults; a file that does not parse, or has the wrong
 * shape, is moved aside (never overwritten), replaced by a good copy when the caller can supply one (the newest
 * backup's), and reported; a file from a newer Lectio is refused untouched; an older schema is migrated forward.
 */
import { access, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { BackupManifest } from './backups';
import { DurableJsonFile } from './durable-file';
import { markVerified } from './verified-files';
import { isLectioError, LectioError } from '../core/errors';

export interface Versioned {
  schemaVersion: number;
}

export interface StoreSpec<T extends Versioned> {
  file: string;
  schemaVersion: number;
  defaults: () => T;
  /** Returns true when `data` has the shape of the current schema. */
  isValid: (data: unknown) => data is T;
  /** Upgrades data written by an older schema; absent when there is none yet. */
  migrate?: ((data: Versioned) => T) | undefined;
  /**
   * Called once a bad file has been moved aside: puts a good copy in its place (recovery.ts takes the newest backup's
   * that passes the file's check) and returns the backup it came from, or null when there is none.
   */
  restore?: (() => Promise<BackupManifest | null>) | undefined;
}

/** A file from a newer Lectio: where it is, the schema it has, and the newest this version reads (a 'newer-schema' error's details). */
export interface NewerSchema {
  file: string;
  found: number;
  supported: number;
}

function newerSchemaError(held: NewerSchema): LectioError {
  const message = `${path.basename(held.file)} was written by a newer Lectio (schema ${held.found}; this version reads up to ${held.supported}). Update Lectio to open it.`;
  return new LectioError('newer-schema', message, { details: { ...held } });
}

/** A write refused because the file on disk is from a newer Lectio, which this version must not overwrite. */
export function newerFileHeld(file: string): LectioError {
  const message = `Nothing can be saved to ${path.basename(file)}: it was written by a newer Lectio, and this version leaves it untouched. Update Lectio, or restore a backup from Backups.`;
  return new LectioError('newer-file-held', message, { details: { file } });
}

/** Reads nothing (so the store starts from its defaults) and refuses every write, keeping a newer file as it is. */
export class HeldFileAdapter<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  read(): Promise<T | null> {
    return Promise.resolve(null);
  }

  write(): Promise<void> {
    return Promise.reject(newerFileHeld(this.file));
  }
}

/**
 * Opens the store like openStore, except that a file from a newer Lectio is neither read nor refused: the store
 * starts from its defaults, refuses every write ('newer-file-held'), and `heldNewer` says why. The app can then
 * start and offer its backups instead of stopping; the file is never written.
 */
export async function openStoreHoldingNewer<T extends Versioned>(
  open: () => Promise<OpenedStore<T>>,
  spec: Pick<StoreSpec<T>, 'file' | 'defaults'>,
): Promise<OpenedStore<T>> {
  try {
    return await open();
  } catch (error) {
    if (!isLectioError(error, 'newer-schema')) throw error;
    return {
      db: new Low<T>(new HeldFileAdapter<T>(spec.file), spec.defaults()),
      heldNewer: error.details as unknown as NewerSchema,
    };
  }
}

export interface OpenedStore<T> {
  db: Low<T>;
  /** Set when the file on disk was unreadable and has been moved to this path. */
  movedAside?: string;
  /** With `movedAside`: the backup whose copy replaced it; null when none did and the file starts from its defaults. */
  restoredFrom?: BackupManifest | null;
  /** Set when the file is from a newer Lectio and was left unread and untouched (openStoreHoldingNewer). */
  heldNewer?: NewerSchema;
}

/** Makes a store refuse further writes and resolves once its accepted writes are on disk (before a restore). */
export function retireStore<T>(db: Low<T>): Promise<void> {
  return db.adapter instanceof DurableJsonFile ? db.adapter.retire() : Promise.resolve();
}

/** Moves a bad file next to itself with a timestamped name (never over an earlier moved-aside copy); returns the new path. */
export async function moveAside(file: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${file}.corrupt-${stamp}`;
  for (let n = 2; await exists(target); n++) target = `${file}.corrupt-${stamp}-${n}`;
  await rename(file, target);
  return target;
}

/** Whether a file exists (any error reading its metadata counts as no). */
export async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function isVersioned(data: unknown): data is Versioned {
  return typeof data === 'object' && data !== null && typeof (data as Versioned).schemaVersion === 'number';
}

/** Opens the store; throws a 'newer-schema' LectioError for files from a newer version, and I/O errors as they come. */
export async function openStore<T extends Versioned>(spec: StoreSpec<T>, now: Date): Promise<OpenedStore<T>> {
  const adapter = new DurableJsonFile<T>(spec.file);
  const db = new Low<T>(adapter, spec.defaults());
  let raw: unknown;
  try {
    raw = await adapter.read();
  } catch (error) {
    if (!isLectioError(error, 'corrupt-file')) throw error;
    return recover(spec, db, now);
  }
  if (raw === null) return { db };
  if (isVersioned(raw) && raw.schemaVersion > spec.schemaVersion) {
    throw newerSchemaError({ file: spec.file, found: raw.schemaVersion, supported: spec.schemaVersion });
  }
  const upgraded = isVersioned(raw) && raw.schemaVersion < spec.schemaVersion && spec.migrate ? spec.migrate(raw) : raw;
  if (!spec.isValid(upgraded)) return recover(spec, db, now);
  db.data = upgraded;
  if (upgraded !== raw) await db.write();
  else await markVerified(spec.file);
  return { db };
}

/** Moves the bad file aside, then opens the good copy `spec.restore` puts in its place (defaults when there is none). */
async function recover<T extends Versioned>(spec: StoreSpec<T>, db: Low<T>, now: Date): Promise<OpenedStore<T>> {
  const movedAside = await moveAside(spec.file, now);
  const restoredFrom = spec.restore ? await spec.restore() : null;
  if (!restoredFrom) return { db, movedAside, restoredFrom: null };
  // The copy passed the same check, so this opening succeeds; should it not, that copy is moved aside in turn.
  const reopened = await openStore({ ...spec, restore: undefined }, now);
  return { db: reopened.db, movedAside, restoredFrom: reopened.movedAside ? null : restoredFrom };
}
