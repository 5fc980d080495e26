/**
 * Reads an EPUB's zip container without trusting it. fflate does the unzipping; this module decides what may be
 * unzipped: the central directory is read first (no data inflated) and the whole book refused when it holds too many
 * entries, declares more bytes than a book needs, compresses an entry far harder than text compresses (a zip bomb),
 * or names a file outside the archive (`../`, an absolute or drive path). Entries are then inflated by name, each into
 * a buffer of its declared size: fflate never grows that buffer, so an entry that lies about its size is cut short,
 * never allowed to fill memory.
 */
import { unzipSync } from 'fflate';
import { EpubError } from './epub-error';

export interface ZipLimits {
  maxEntries: number;
  /** The sum of every entry's declared uncompressed size. */
  maxTotalBytes: number;
  /** Uncompressed over compressed size, for entries large enough for the ratio to mean something. */
  maxRatio: number;
}

/**
 * A book is a few hundred files at most (a heavily illustrated one a few thousand); text compresses 3 to 10 times,
 * so a ratio of 100 is only reached by padding built to explode. 200 MB declared covers image-heavy books.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 100 };

/** Below this size an entry's ratio is not checked: a few kilobytes of repeated markup can compress 200 times. */
const RATIO_FLOOR = 256 * 1024;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
}

/** True when a stored name stays inside the archive: relative, forward slashes, no `..` segment. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[a-z]:/i.test(name))
    return false;
  return !name.split('/').some((segment) => segment === '..');
}

/**
 * An XML or XHTML file's text. EPUB allows UTF-8 and UTF-16; a UTF-16 file announces itself with its byte-order mark
 * (read as UTF-8 it would come out as every other character a NUL).
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

export class EpubArchive {
  readonly #bytes: Uint8Array;
  readonly #entries = new Map<string, ZipEntry>();

  /** Throws EpubError when the bytes are no zip or break a limit; nothing is inflated yet. */
  constructor(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    this.#bytes = bytes;
    let total = 0;
    try {
      unzipSync(bytes, {
        filter: (file) => {
          if (this.#entries.size >= limits.maxEntries)
            throw new EpubError(
              `This book holds more than ${limits.maxEntries.toLocaleString('en')} files, far more than any book needs; it was not imported.`,
            );
          if (!isSafeEntryName(file.name))
            throw new EpubError(
              `This book contains a file named “${file.name.slice(0, 120)}”, which points outside the book; it was not imported.`,
            );
          total += file.originalSize;
          if (total > limits.maxTotalBytes)
            throw new EpubError(
              `This book would unpack to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB; it was not imported.`,
            );
          if (file.originalSize > RATIO_FLOOR && file.originalSize > file.size * limits.maxRatio) {
            throw new EpubError(
              `This book contains a file compressed ${Math.round(file.originalSize / Math.max(1, file.size))} times over (a “zip bomb”), so it was not unpacked.`,
            );
          }
          this.#entries.set(file.name, { name: file.name, compressedSize: file.size, size: file.originalSize });
          return false;
        },
      });
    } catch (error) {
      if (error instanceof EpubError) throw error;
      throw new EpubError('This file is not a readable EPUB: its zip container is damaged or cut short.');
    }
  }

  get names(): string[] {
    return [...this.#entries.keys()];
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** The named entries' bytes; throws EpubError when the compressed data is damaged. */
  read(names: readonly string[]): Map<string, Uint8Array> {
    const wanted = new Set(names.filter((name) => this.#entries.has(name)));
    if (wanted.size === 0) return new Map();
    try {
      return new Map(Object.entries(unzipSync(this.#bytes, { filter: (file) => wanted.has(file.name) })));
    } catch {
      throw new EpubError('This EPUB is damaged: some of its files cannot be unpacked.');
    }
  }

  /** One entry as text (UTF-8, or UTF-16 by its byte-order mark), or null when there is no such entry. */
  text(name: string): string | null {
    const bytes = this.read([name]).get(name);
    return bytes ? decodeXml(bytes) : null;
  }
}
