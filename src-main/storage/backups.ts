/**
 * Backups of the library: a verified copy of every data file in `backups/<id>/` with a manifest (sizes, SHA-256,
 * document count). Only good files are copied: each must parse and pass its kind's check, so a backup never keeps a
 * bad file as if it were good. A backup is written under a hidden name, read back and checked (each copy parses and
 * matches its hash), and only then renamed into place; only after that are older backups thinned. The clock is injected.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionPolicy } from './backup-retention';
import { BACKUPS_FOLDER, dataFilePath, listDataFiles } from './data-files';
import { writeFileDurably } from './durable-file';
import { LectioError } from '../core/errors';
import { ImageStore, IMAGES_FOLDER, imageIdsIn, isImageId } from './image-store';

export type BackupReason = 'start' | 'scheduled' | 'quit' | 'manual' | 'before-restore';

export interface BackupFileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  schemaVersion: 1;
  id: string;
  createdAt: string;
  reason: BackupReason;
  /** How many documents the library index in this backup lists. */
  documents: number;
  files: BackupFileEntry[];
  /** Data files left out because they did not parse, or failed their kind's check, when the backup was taken. */
  skipped: string[];
  /** The pictures its documents name, kept in the backups' shared pool (absent in backups from before pictures). */
  images?: string[];
}

/** The error for a backup folder that is missing, incomplete, or whose copies fail their check. */
export function backupUnusable(id: string, why: string): LectioError {
  return new LectioError('backup-unusable', `Backup ${id} cannot be used: ${why}`, { details: { id } });
}

const MANIFEST = 'manifest.json';
export const BACKUP_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d{1,3})?$/;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function parses(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isManifest(data: unknown): data is BackupManifest {
  const m = data as Partial<BackupManifest> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.schemaVersion === 1 &&
    typeof m.id === 'string' &&
    typeof m.createdAt === 'string' &&
    typeof m.reason === 'string' &&
    typeof m.documents === 'number' &&
    Array.isArray(m.files) &&
    Array.isArray(m.skipped) &&
    m.files.every(
      (f) => typeof f?.path === 'string' && typeof f.sha256 === 'string' && !f.path.split('/').includes('..'),
    )
  );
}

function documentCount(library: unknown): number {
  const documents = (library as { documents?: unknown } | undefined)?.documents;
  return Array.isArray(documents) ? documents.length : 0;
}

export interface BackupOptions {
  dataDir: string;
  now: () => Date;
  retention?: RetentionPolicy;
  /** True when parsed `data` is a good copy of the file at `relative` (data-file-checks.ts); any parse is good without it. */
  accept?: (relative: string, data: unknown) => boolean;
  /**
   * Called for a file that fails its check, before it is left out: the library recovers it (a per-document file not
   * opened yet is moved aside and restored from an older backup, as on its first open), and the backup reads it again.
   * This runs before any backup is thinned, so a bad file found by a backup is repaired while good copies remain.
   */
  repair?: (relative: string) => Promise<void>;
}

/** A backup stopped at the reader's request: its partial copy is removed and older backups are untouched. */
function backupCancelled(): LectioError {
  return new LectioError('cancelled', 'The backup was cancelled; nothing was changed.');
}

export interface BackupRunOptions {
  onlyIfChanged?: boolean;
  /** Called as files are read and written: `done` of `total` steps (two per file). */
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export class BackupStore {
  readonly folder: string;
  readonly #retention: RetentionPolicy;
  #serial: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BackupOptions) {
    this.folder = path.join(options.dataDir, BACKUPS_FOLDER);
    this.#retention = options.retention ?? DEFAULT_RETENTION;
  }

  /** Every complete backup whose manifest parses, newest first; [] when there are none. */
  async list(): Promise<BackupManifest[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const manifests: BackupManifest[] = [];
    for (const name of names.filter((n) => BACKUP_ID_PATTERN.test(n))) {
      const manifest = await this.#readManifest(name);
      if (manifest) manifests.push(manifest);
    }
    return manifests.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  /**
   * Copies the data files into a new backup and verifies it; returns null (and writes nothing) when `onlyIfChanged`
   * and the files equal the newest backup's. Throws on I/O errors; a failed backup leaves older ones untouched.
   */
  create(reason: BackupReason, options: BackupRunOptions = {}): Promise<BackupManifest | null> {
    // One backup at a time: thinning removes unfinished backups, which must never be a concurrent one's staging folder.
    const run = this.#serial.then(() => this.#create(reason, options));
    this.#serial = run.catch(() => undefined);
    return run;
  }

  async #create(reason: BackupReason, run: BackupRunOptions): Promise<BackupManifest | null> {
    const files: BackupFileEntry[] = [];
    const contents = new Map<string, Uint8Array>();
    const skipped: string[] = [];
    let documents = 0;
    const listed = await listDataFiles(this.options.dataDir);
    let step = 0;
    const advance = () => {
      if (run.signal?.aborted) throw backupCancelled();
      run.progress?.(++step, listed.length * 2);
    };
    for (const relative of listed) {
      advance();
      let copy = await this.#readGood(relative);
      if (copy === 'bad' && this.options.repair) {
        await this.options.repair(relative);
        copy = await this.#readGood(relative);
      }
      if (copy === null) continue; // deleted while we listed: nothing to keep
      if (copy === 'bad') {
        skipped.push(relative);
        continue;
      }
      const { bytes, data } = copy;
      if (relative === 'library.json') documents = documentCount(data);
      files.push({ path: relative, bytes: bytes.length, sha256: sha256(bytes) });
      contents.set(relative, bytes);
    }
    const previous = (await this.list())[0];
    if (run.onlyIfChanged && previous && sameFiles(previous.files, files)) return null;
    step = listed.length * 2 - files.length;

    const createdAt = this.options.now().toISOString();
    const id = await this.#freshId(createdAt);
    const images = new Set<string>();
    for (const [relative, bytes] of contents)
      if (relative.startsWith('documents/') || relative === 'library.json')
        for (const image of imageIdsIn(Buffer.from(bytes).toString('utf8'))) images.add(image);
    const manifest: BackupManifest = {
      schemaVersion: 1,
      id,
      createdAt,
      reason,
      documents,
      files,
      skipped,
      images: [...images].sort(),
    };
    const staging = path.join(this.folder, `.${id}.partial`);
    await rm(staging, { recursive: true, force: true });
    try {
      for (const entry of files) {
        advance();
        const target = dataFilePath(staging, entry.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFileDurably(target, contents.get(entry.path) ?? new Uint8Array());
      }
      await this.#verify(staging, manifest);
      await writeFileDurably(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
      await rename(staging, path.join(this.folder, id));
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    // Pictures are not JSON data files: the backups share one pool of them, hard-linked (image-store.ts).
    await new ImageStore(this.options.dataDir).linkInto(path.join(this.folder, IMAGES_FOLDER));
    await this.#thin();
    return manifest;
  }

  /** The file's bytes and parsed data; 'bad' when it does not parse or fails its check; null when it is gone. */
  async #readGood(relative: string): Promise<{ bytes: Uint8Array; data: unknown } | 'bad' | null> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(dataFilePath(this.options.dataDir, relative));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const data = parses(bytes);
    if (data === undefined || (this.options.accept && !this.options.accept(relative, data))) return 'bad';
    return { bytes, data };
  }

  /** The newest backup's copy of `relative` that parses and that `accept` takes (null: none does). */
  async newestGoodCopy<T>(
    relative: string,
    accept: (data: unknown) => T | null,
  ): Promise<{ data: T; backup: BackupManifest } | null> {
    for (const backup of await this.list()) {
      const entry = backup.files.find((file) => file.path === relative);
      if (!entry) continue;
      let bytes: Uint8Array;
      try {
        bytes = await readFile(dataFilePath(path.join(this.folder, backup.id), relative));
      } catch {
        continue;
      }
      if (sha256(bytes) !== entry.sha256) continue;
      const data = accept(parses(bytes));
      if (data !== null && data !== undefined) return { data, backup };
    }
    return null;
  }

  /** The backup's manifest and the bytes of every file, each checked; throws the 'backup-unusable' error before any change. */
  async readVerified(id: string): Promise<{ manifest: BackupManifest; contents: Map<string, Uint8Array> }> {
    if (!BACKUP_ID_PATTERN.test(id)) throw backupUnusable(id, 'no such backup');
    const manifest = await this.#readManifest(id);
    if (!manifest) throw backupUnusable(id, 'it is missing or incomplete');
    const contents = await this.#verify(path.join(this.folder, id), manifest);
    return { manifest, contents };
  }

  async #verify(dir: string, manifest: BackupManifest): Promise<Map<string, Uint8Array>> {
    const contents = new Map<string, Uint8Array>();
    for (const entry of manifest.files) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(dataFilePath(dir, entry.path));
      } catch {
        throw backupUnusable(manifest.id, `${entry.path} is missing`);
      }
      if (sha256(bytes) !== entry.sha256 || parses(bytes) === undefined)
        throw backupUnusable(manifest.id, `${entry.path} is damaged`);
      contents.set(entry.path, bytes);
    }
    return contents;
  }

  async #readManifest(id: string): Promise<BackupManifest | null> {
    try {
      const data = parses(await readFile(path.join(this.folder, id, MANIFEST)));
      return isManifest(data) && data.id === id ? data : null;
    } catch {
      return null;
    }
  }

  async #freshId(createdAt: string): Promise<string> {
    const base = createdAt.replace(/[:.]/g, '-');
    const taken = new Set((await this.list()).map((backup) => backup.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** Deletes backups the retention policy lets go, and leftovers of interrupted ones; only complete backups count. */
  async #thin(): Promise<void> {
    const complete = await this.list();
    const keep = backupsToKeep(complete, this.#retention);
    for (const backup of complete)
      if (!keep.has(backup.id)) await rm(path.join(this.folder, backup.id), { recursive: true, force: true });
    for (const name of await readdir(this.folder)) {
      if (name.endsWith('.partial')) await rm(path.join(this.folder, name), { recursive: true, force: true });
    }
    await this.#thinImages(complete.filter((backup) => keep.has(backup.id)));
  }

  /**
   * Drops from the shared picture pool what no kept backup names. Left alone while any kept backup predates the
   * manifest's picture list (it cannot say what it needs). The library's own pictures are untouched: the pool holds links.
   */
  async #thinImages(kept: readonly BackupManifest[]): Promise<void> {
    if (kept.some((backup) => !Array.isArray(backup.images))) return;
    const wanted = new Set(kept.flatMap((backup) => backup.images ?? []));
    const folder = path.join(this.folder, IMAGES_FOLDER);
    for (const prefix of await readdir(folder).catch(() => [] as string[])) {
      for (const name of await readdir(path.join(folder, prefix)).catch(() => [] as string[])) {
        if (!wanted.has(name) && isImageId(name)) await rm(path.join(folder, prefix, name), { force: true });
      }
    }
  }
}

function sameFiles(a: readonly BackupFileEntry[], b: readonly BackupFileEntry[]): boolean {
  return a.length === b.length && a.every((file, i) => file.path === b[i]?.path && file.sha256 === b[i]?.sha256);
}
