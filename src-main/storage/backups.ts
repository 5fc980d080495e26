/**
 * Backups of the library: a verified copy of every data file in `backups/<id>/` with a manifest (sizes, SHA-256,
 * document count). Only good files are copied: each must parse and pass its kind's check, so a backup never keeps a
 * bad file as if it were good. A backup is written under a hidden name, its copies read back and hashed, and only then
 * renamed into place; only after that are older backups thinned. The clock is injected.
 *
 * It scales to a library of a million reviews: files are handled one at a time (never all held at once); a file whose
 * size, modification time and inode equal the previous backup's verified entry is not read at all, its copy there is
 * hard-linked into the new backup; a file a store has just checked or written (verified-files.ts) is hashed without
 * being parsed again; and the review log's sealed segments, which never change, are verified once and kept in a pool
 * shared by every backup (`backups/review-pool/<sha256>.jsonl`), as the pictures are.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionPolicy } from './backup-retention';
import { BACKUPS_FOLDER, dataFilePath, isReviewLogFile, listDataFiles } from './data-files';
import { fsyncDir, writeFileDurably } from './durable-file';
import { isVerified, sameStamp, stampFile, type FileStamp } from './verified-files';
import { copyHashed, copyLogFile, hashFile, isSegmentFile, sealedSegments } from './backup-log-files';
import { BackupBuffer } from './backup-buffer';
import { isLectioError, LectioError } from '../core/errors';
import { LEGACY_REVIEWS_FILE, streamLegacyReviews } from './review-log-migration';
import { ImageStore, IMAGES_FOLDER, imageIdsIn, isImageId } from './image-store';

export type BackupReason = 'start' | 'scheduled' | 'quit' | 'manual' | 'before-restore';

export interface BackupFileEntry {
  path: string;
  bytes: number;
  sha256: string;
  /** The library file's size, time and inode when copied: an equal file is linked, not read, by the next backup. */
  source?: FileStamp;
  /** True for a sealed review segment: its copy is the pool's `<sha256>.jsonl`, shared by backups. */
  pooled?: boolean;
  /** The pictures this file names (documents and the index), so a backup that links it knows them unread. */
  images?: string[];
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
export const REVIEW_POOL = 'review-pool';
export const BACKUP_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d{1,3})?$/;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function parses(bytes: Uint8Array): unknown {
  return parsesText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
}

function parsesText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
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
  /** The buffer every file is read through (backup-buffer.ts); a new one per run unless given (a test counts its allocations). */
  buffer?: BackupBuffer;
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
    const manifests: BackupManifest[] = [];
    for (const name of await this.#names()) {
      const manifest = await this.#readManifest(name);
      if (manifest) manifests.push(manifest);
    }
    return manifests.sort(newestFirst);
  }

  /** The names of the backup folders, complete or not ([] when there are none). */
  async #names(): Promise<string[]> {
    try {
      return (await readdir(this.folder)).filter((name) => BACKUP_ID_PATTERN.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /**
   * What a backup run needs of every complete backup (to find the newest and to thin them), newest first: each
   * manifest is parsed and dropped in turn. list() holds them all whole, 10,035 entries each in a large library,
   * dozens of megabytes of objects for a dozen backups, which a background backup has no need to hold.
   */
  async #summaries(): Promise<BackupSummary[]> {
    const summaries: BackupSummary[] = [];
    for (const name of await this.#names()) {
      const manifest = await this.#readManifest(name);
      if (!manifest) continue;
      const pooled = manifest.files.filter((f) => f.pooled).map((f) => f.sha256);
      summaries.push({ id: manifest.id, createdAt: manifest.createdAt, images: manifest.images, pooled });
    }
    return summaries.sort(newestFirst);
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
    const skipped: string[] = [];
    let documents = 0;
    const listed = await listDataFiles(this.options.dataDir);
    const sealed = sealedSegments(listed);
    const newest = (await this.#summaries())[0];
    const previous = newest ? ((await this.#readManifest(newest.id)) ?? undefined) : undefined;
    const before = new Map((previous?.files ?? []).map((entry) => [entry.path, entry]));
    let step = 0;
    const advance = () => {
      if (run.signal?.aborted) throw backupCancelled();
      run.progress?.(++step, listed.length * 2);
    };
    const createdAt = this.options.now().toISOString();
    const id = await this.#freshId(createdAt);
    const staging = path.join(this.folder, `.${id}.partial`);
    await rm(staging, { recursive: true, force: true });
    /** Copies written in this run (not linked): read back and hashed before the backup counts. */
    const written: BackupFileEntry[] = [];
    const buffer = run.buffer ?? new BackupBuffer();
    try {
      for (const relative of listed) {
        advance();
        const linked = previous ? await this.#linkUnchanged(previous, before.get(relative), relative, staging) : null;
        let entry = linked;
        if (!entry) {
          let copy = await this.#copyGood(relative, staging, sealed.has(relative), buffer);
          if (copy === 'bad' && this.options.repair) {
            await this.options.repair(relative);
            copy = await this.#copyGood(relative, staging, sealed.has(relative), buffer);
          }
          if (copy === null) continue; // deleted while we listed: nothing to keep
          if (copy === 'bad') {
            skipped.push(relative);
            continue;
          }
          entry = copy.entry;
          if (relative === 'library.json') documents = copy.documents;
          if (!entry.pooled) written.push(entry);
        } else if (relative === 'library.json') documents = previous?.documents ?? 0;
        files.push(entry);
      }
      if (run.onlyIfChanged && previous && sameFiles(previous.files, files)) {
        await rm(staging, { recursive: true, force: true });
        return null;
      }
      step = listed.length * 2 - written.length;
      for (const entry of written) {
        advance();
        if ((await buffer.hash(dataFilePath(staging, entry.path))) !== entry.sha256)
          throw backupUnusable(id, `${entry.path} did not read back as written`);
      }
      const manifest: BackupManifest = {
        schemaVersion: 1,
        id,
        createdAt,
        reason,
        documents,
        files,
        skipped,
        images: [...new Set(files.flatMap((entry) => entry.images ?? []))].sort(),
      };
      await mkdir(staging, { recursive: true });
      await writeFileDurably(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
      await rename(staging, path.join(this.folder, id));
      await fsyncDir(this.folder);
      // Pictures are not JSON data files: the backups share one pool of them, hard-linked (image-store.ts).
      await new ImageStore(this.options.dataDir).linkInto(path.join(this.folder, IMAGES_FOLDER));
      await this.#thin();
      return manifest;
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  }

  /** Where a backup's copy of an entry is: its folder, or the review pool for a sealed segment. */
  copyPath(backupId: string, entry: BackupFileEntry): string {
    return entry.pooled
      ? path.join(this.folder, REVIEW_POOL, `${entry.sha256}.jsonl`)
      : dataFilePath(path.join(this.folder, backupId), entry.path);
  }

  /**
   * The previous backup's entry, when the library file is exactly as it was then (size, time, inode): its verified
   * copy is hard-linked into the new backup (or, pooled, shared as it is), and the file is not read. Null otherwise.
   */
  async #linkUnchanged(
    previous: BackupManifest,
    entry: BackupFileEntry | undefined,
    relative: string,
    staging: string,
  ): Promise<BackupFileEntry | null> {
    if (!entry?.source) return null;
    // Entries that name pictures must list them (a document's or the index's), or the new manifest would miss them.
    if ((relative.startsWith('documents/') || relative === 'library.json') && !entry.images) return null;
    const now = await stampFile(dataFilePath(this.options.dataDir, relative));
    if (!sameStamp(entry.source, now)) return null;
    const copy = this.copyPath(previous.id, entry);
    if (entry.pooled) return (await stampFile(copy))?.size === entry.bytes ? entry : null;
    const target = dataFilePath(staging, relative);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await link(copy, target);
    } catch {
      return null;
    }
    return entry;
  }

  /**
   * Checks the library file and copies it into the backup: a JSON file parses and passes its kind's check (unless
   * a store has just checked or written it as it is), a review log file reads line by line; a sealed segment goes to
   * the shared pool once. 'bad' when it fails its check; null when it is gone.
   */
  async #copyGood(
    relative: string,
    staging: string,
    isSealed: boolean,
    buffer: BackupBuffer,
  ): Promise<{ entry: BackupFileEntry; documents: number } | 'bad' | null> {
    const source = dataFilePath(this.options.dataDir, relative);
    const stamp = await stampFile(source);
    if (!stamp) return null;
    if (isReviewLogFile(relative)) {
      const pool = path.join(this.folder, REVIEW_POOL);
      const copied = await copyLogFile(source, isSealed ? pool : dataFilePath(staging, relative), {
        pooled: isSealed,
        segment: isSegmentFile(relative),
        buffers: buffer.log(),
      });
      if (copied === 'bad' || copied === null) return copied;
      return {
        entry: {
          path: relative,
          bytes: copied.bytes,
          sha256: copied.sha256,
          source: copied.stamp,
          ...(isSealed ? { pooled: true } : {}),
        },
        documents: 0,
      };
    }
    if (relative === LEGACY_REVIEWS_FILE) return this.#copyLegacyLog(source, staging, stamp, buffer);
    const names = relative.startsWith('documents/') || relative === 'library.json';
    if (!names && isVerified(source, stamp)) {
      // Known good as it is (a store checked or wrote it): copied as a stream, never one buffer (cards.json: 50 MB).
      const copied = await copyHashed(source, dataFilePath(staging, relative), buffer.chunk());
      if (!copied) return null;
      const after = await stampFile(source);
      const unchanged = sameStamp(after, stamp) && copied.bytes === stamp.size;
      return {
        entry: { path: relative, bytes: copied.bytes, sha256: copied.sha256, ...(unchanged ? { source: stamp } : {}) },
        documents: 0,
      };
    }
    // A view of the run's one buffer (backup-buffer.ts): used up below, before the next file is read into it.
    let bytes: Buffer;
    try {
      bytes = await buffer.read(source);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const read = await stampFile(source);
    const trusted = read !== null && sameStamp(read, stamp) && isVerified(source, stamp) && relative !== 'library.json';
    // The parsed data must not live across the awaits below: objects alive through a slow fsync are promoted to the
    // old generation, and thousands of files' worth of them grew the server's heap by hundreds of megabytes. So the
    // check runs in a function of its own, whose text and parse are gone when it returns.
    const checked = this.#check(relative, bytes, { parse: !trusted, names });
    if (checked === 'bad') return 'bad';
    const { documents, images } = checked;
    const target = dataFilePath(staging, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileDurably(target, bytes);
    const entry: BackupFileEntry = {
      path: relative,
      bytes: bytes.length,
      sha256: sha256(bytes),
      ...(read && sameStamp(read, stamp) ? { source: stamp } : {}),
      ...(images ? { images } : {}),
    };
    return { entry, documents };
  }

  /**
   * A data file's bytes checked (when `parse`: it parses and passes its kind's check), with the library's document
   * count and the pictures it names (when `names`). The text is decoded once, for both.
   */
  #check(
    relative: string,
    bytes: Buffer,
    want: { parse: boolean; names: boolean },
  ): { documents: number; images: string[] | undefined } | 'bad' {
    if (!want.parse && !want.names) return { documents: 0, images: undefined };
    const text = bytes.toString('utf8');
    let documents = 0;
    if (want.parse) {
      const data = parsesText(text);
      if (data === undefined || (this.options.accept && !this.options.accept(relative, data))) return 'bad';
      if (relative === 'library.json') documents = documentCount(data);
    }
    return { documents, images: want.names ? [...imageIdsIn(text)].sort() : undefined };
  }

  /**
   * An old single-file review log not converted yet (the cards not opened since the upgrade): checked review by review
   * as it streams and copied as it is, never parsed whole (536 MB for a million reviews). One from a newer Lectio is
   * copied unchecked, as other files of another version are (data-file-checks.ts).
   */
  async #copyLegacyLog(
    source: string,
    staging: string,
    stamp: FileStamp,
    buffer: BackupBuffer,
  ): Promise<{ entry: BackupFileEntry; documents: number } | 'bad' | null> {
    try {
      await streamLegacyReviews(source, () => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      if (isLectioError(error, 'corrupt-file')) return 'bad';
      if (!isLectioError(error, 'newer-schema')) throw error;
    }
    const target = dataFilePath(staging, LEGACY_REVIEWS_FILE);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
    const handle = await open(target, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const after = await stampFile(source);
    const copied = await stampFile(target);
    return {
      entry: {
        path: LEGACY_REVIEWS_FILE,
        bytes: copied?.size ?? 0,
        sha256: await buffer.hash(target),
        ...(sameStamp(after, stamp) && copied?.size === stamp.size ? { source: stamp } : {}),
      },
      documents: 0,
    };
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
        bytes = await readFile(this.copyPath(backup.id, entry));
      } catch {
        continue;
      }
      if (sha256(bytes) !== entry.sha256) continue;
      const data = accept(parses(bytes));
      if (data !== null && data !== undefined) return { data, backup };
    }
    return null;
  }

  /**
   * The newest backup's good copy of a review log file, copied over `target` (already moved aside): the copy's hash
   * must match its entry. Returns that backup, or null when none holds one.
   */
  async restoreLogFile(relative: string, target: string): Promise<BackupManifest | null> {
    for (const backup of await this.list()) {
      const entry = backup.files.find((file) => file.path === relative);
      if (!entry) continue;
      const copy = this.copyPath(backup.id, entry);
      if ((await hashFile(copy).catch(() => null)) !== entry.sha256) continue;
      await mkdir(path.dirname(target), { recursive: true });
      const copied = await copyLogFile(copy, target, { pooled: false, segment: isSegmentFile(relative) });
      if (copied !== null && copied !== 'bad' && copied.sha256 === entry.sha256) return backup;
    }
    return null;
  }

  /**
   * The backup's manifest, the bytes of every JSON file, and where each review log file's copy is, each checked (the
   * log files by streamed hash: they are not held); throws the 'backup-unusable' error before any change.
   */
  async readVerified(
    id: string,
  ): Promise<{ manifest: BackupManifest; contents: Map<string, Uint8Array>; logFiles: Map<string, string> }> {
    if (!BACKUP_ID_PATTERN.test(id)) throw backupUnusable(id, 'no such backup');
    const manifest = await this.#readManifest(id);
    if (!manifest) throw backupUnusable(id, 'it is missing or incomplete');
    const contents = new Map<string, Uint8Array>();
    const logFiles = new Map<string, string>();
    for (const entry of manifest.files) {
      const copy = this.copyPath(id, entry);
      if (isReviewLogFile(entry.path)) {
        const sha = await hashFile(copy).catch(() => null);
        if (sha === null) throw backupUnusable(manifest.id, `${entry.path} is missing`);
        if (sha !== entry.sha256) throw backupUnusable(manifest.id, `${entry.path} is damaged`);
        logFiles.set(entry.path, copy);
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readFile(copy);
      } catch {
        throw backupUnusable(manifest.id, `${entry.path} is missing`);
      }
      if (sha256(bytes) !== entry.sha256 || parses(bytes) === undefined)
        throw backupUnusable(manifest.id, `${entry.path} is damaged`);
      contents.set(entry.path, bytes);
    }
    return { manifest, contents, logFiles };
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
    // Any folder of that name, complete or not: the finished backup is renamed to it.
    const taken = new Set(await this.#names());
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** Deletes backups the retention policy lets go, and leftovers of interrupted ones; only complete backups count. */
  async #thin(): Promise<void> {
    const complete = await this.#summaries();
    const keep = backupsToKeep(complete, this.#retention);
    for (const backup of complete)
      if (!keep.has(backup.id)) await rm(path.join(this.folder, backup.id), { recursive: true, force: true });
    for (const name of await readdir(this.folder)) {
      if (name.endsWith('.partial')) await rm(path.join(this.folder, name), { recursive: true, force: true });
    }
    await this.#thinImages(complete.filter((backup) => keep.has(backup.id)));
    await this.#thinReviewPool(complete.filter((backup) => keep.has(backup.id)));
  }

  /** Drops from the review pool the sealed segments no kept backup names. */
  async #thinReviewPool(kept: readonly BackupSummary[]): Promise<void> {
    const wanted = new Set(kept.flatMap((backup) => backup.pooled.map((sha256) => `${sha256}.jsonl`)));
    const folder = path.join(this.folder, REVIEW_POOL);
    for (const name of await readdir(folder).catch(() => [] as string[]))
      if (/^[0-9a-f]{64}\.jsonl$/.test(name) && !wanted.has(name)) await rm(path.join(folder, name), { force: true });
  }

  /**
   * Drops from the shared picture pool what no kept backup names. Left alone while any kept backup predates the
   * manifest's picture list (it cannot say what it needs). The library's own pictures are untouched: the pool holds links.
   */
  async #thinImages(kept: readonly BackupSummary[]): Promise<void> {
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

/** A complete backup as thinning sees it: its time, its pictures, and the hashes of its pooled review segments. */
interface BackupSummary {
  id: string;
  createdAt: string;
  images: string[] | undefined;
  pooled: string[];
}

function newestFirst(a: { id: string; createdAt: string }, b: { id: string; createdAt: string }): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

function sameFiles(a: readonly BackupFileEntry[], b: readonly BackupFileEntry[]): boolean {
  return a.length === b.length && a.every((file, i) => file.path === b[i]?.path && file.sha256 === b[i]?.sha256);
}
