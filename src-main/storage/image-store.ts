/**
 * The library's images: each stored once, named by the SHA-256 of its bytes, under `images/<first two hex>/<hash>.<ext>`
 * in the library folder. The id is that file name, so an id names exactly one file, nothing else can be reached through
 * one (ids are checked against a strict pattern, never joined as paths), and two articles with the same picture share
 * it. Bytes are accepted only when they are a raster image by their own header (image-sniff.ts), whatever the server or
 * the file name claimed. Files are written through a temp file and a rename, so a crash leaves no half image.
 *
 * Backups: image files never change, so backups share one pool (`backups/images/`) of hard links, which costs no space
 * while the library still holds the image; a restore puts back any image its documents name that the library lacks.
 */
import { createHash } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, stat, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from './durable-file';
import { IMAGE_CONTENT_TYPES, sniffImage, type ImageFormat } from './image-sniff';

export const IMAGES_FOLDER = 'images';

/** A stored image's id: its hash and its format's extension. */
export const IMAGE_ID_PATTERN = /^[0-9a-f]{64}\.(?:png|jpg|gif|webp|avif)$/;

/** Finds image ids inside a document file's text (its image blocks and lead image name them). */
const IMAGE_ID_IN_TEXT = /[0-9a-f]{64}\.(?:png|jpg|gif|webp|avif)/g;

export class NotAnImageError extends Error {
  constructor() {
    super('This is not an image Lectio can show (PNG, JPEG, GIF, WebP or AVIF).');
    this.name = 'NotAnImageError';
  }
}

export interface StoredImage {
  id: string;
  format: ImageFormat;
  bytes: number;
  width?: number;
  height?: number;
}

export function isImageId(id: string): boolean {
  return IMAGE_ID_PATTERN.test(id);
}

/** The image's Content-Type, from its id's extension (which the store set from the bytes). */
export function imageContentType(id: string): string {
  return IMAGE_CONTENT_TYPES[(id.split('.')[1] ?? 'png') as ImageFormat] ?? 'application/octet-stream';
}

/** Every image id named in `text` (a document file's JSON), without repeats. */
export function imageIdsIn(text: string): Set<string> {
  return new Set(text.match(IMAGE_ID_IN_TEXT) ?? []);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Hard-links `from` to `to` (copies where the file system cannot link); nothing when `to` exists. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  if (await exists(to)) return;
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    await copyFile(from, to);
  }
}

export class ImageStore {
  readonly folder: string;

  constructor(readonly dataDir: string) {
    this.folder = path.join(dataDir, IMAGES_FOLDER);
  }

  /** The file of image `id`, or null when `id` is not an image id (so never a path outside the folder). */
  fileOf(id: string): string | null {
    return isImageId(id) ? path.join(this.folder, id.slice(0, 2), id) : null;
  }

  /** The id `bytes` would be stored under; null when they are no image. */
  idOf(bytes: Uint8Array): string | null {
    const sniffed = sniffImage(bytes);
    return sniffed ? `${createHash('sha256').update(bytes).digest('hex')}.${sniffed.format}` : null;
  }

  /** Stores `bytes` once; returns its id and size. Throws NotAnImageError when the bytes are no image. */
  async put(bytes: Uint8Array): Promise<StoredImage> {
    const sniffed = sniffImage(bytes);
    if (!sniffed) throw new NotAnImageError();
    const id = `${createHash('sha256').update(bytes).digest('hex')}.${sniffed.format}`;
    const file = this.fileOf(id) as string;
    if (!(await exists(file))) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileDurably(file, bytes);
    }
    const size: Pick<StoredImage, 'width' | 'height'> = {};
    if (sniffed.width && sniffed.height) Object.assign(size, { width: sniffed.width, height: sniffed.height });
    return { id, format: sniffed.format, bytes: bytes.byteLength, ...size };
  }

  /** The image's bytes and Content-Type; null for an unknown or malformed id. */
  async read(id: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const file = this.fileOf(id);
    if (!file) return null;
    try {
      return { bytes: await readFile(file), contentType: imageContentType(id) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async has(id: string): Promise<boolean> {
    const file = this.fileOf(id);
    return file !== null && exists(file);
  }

  /** Every stored image id. */
  async list(): Promise<string[]> {
    const found: string[] = [];
    for (const prefix of await names(this.folder)) {
      for (const name of await names(path.join(this.folder, prefix)))
        if (isImageId(name) && name.startsWith(prefix)) found.push(name);
    }
    return found.sort();
  }

  /**
   * Removes those of `candidates` that no document file in `documents/` names any more (the images of a document just
   * deleted, say); returns the ids removed. Reads each document file as text: an image may be shared by articles.
   */
  async removeUnused(candidates: Iterable<string>): Promise<string[]> {
    const wanted = new Set([...candidates].filter(isImageId));
    if (wanted.size === 0) return [];
    const named = await this.named(wanted);
    const unused = [...wanted].filter((id) => !named.has(id));
    for (const id of unused) await rm(this.fileOf(id) as string, { force: true });
    return unused;
  }

  /** Those of `candidates` that some document file in `documents/` names (read as text, like removeUnused). */
  async named(candidates: Iterable<string>): Promise<Set<string>> {
    const wanted = new Set([...candidates].filter(isImageId));
    const found = new Set<string>();
    if (wanted.size === 0) return found;
    const documents = path.join(this.dataDir, 'documents');
    for (const name of await names(documents)) {
      if (!name.endsWith('.json')) continue;
      const text = await readFile(path.join(documents, name), 'utf8').catch(() => '');
      for (const id of imageIdsIn(text)) if (wanted.delete(id)) found.add(id);
      if (wanted.size === 0) break;
    }
    return found;
  }

  /** Links every stored image into the backups' shared pool `pool` (backups/images/). */
  async linkInto(pool: string): Promise<void> {
    for (const id of await this.list())
      await linkOrCopy(this.fileOf(id) as string, path.join(pool, id.slice(0, 2), id));
  }

  /** Puts back from `pool` each of `ids` the library lacks (after a restore); returns the ids put back. */
  async restoreFrom(pool: string, ids: Iterable<string>): Promise<string[]> {
    const restored: string[] = [];
    for (const id of ids) {
      const file = this.fileOf(id);
      const kept = path.join(pool, id.slice(0, 2), id);
      if (!file || (await exists(file)) || !(await exists(kept))) continue;
      await linkOrCopy(kept, file);
      restored.push(id);
    }
    return restored;
  }
}
