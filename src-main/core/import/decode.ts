/**
 * Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and otherwise Windows-1252
 * (a superset of Latin-1 for printable text). Binary files are refused with a clear message rather than imported as noise.
 */

export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

/** Returns the decoded text; throws UnreadableFileError for binary content. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) throw new UnreadableFileError('This file is not text (it looks like a binary file), so it cannot be imported as an article.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The import format a file name implies. */
export function formatForFileName(name: string): 'markdown' | 'text' {
  return /\.(md|markdown|mdown)$/i.test(name) ? 'markdown' : 'text';
}
