/**
 * Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and otherwise Windows-1252
 * (a superset of Latin-1 for printable text). Binary files, files over the size limit, and text in an encoding Lectio
 * cannot tell (UTF-32, UTF-16 without a BOM, the multi-byte legacy encodings of East Asian languages) are refused with
 * a clear message rather than imported as noise.
 */
import { MAX_IMPORT_CHARS } from '../../api/contract';
import { LectioError } from '../errors';

/** The largest file Lectio opens: two bytes per character of the largest article (UTF-16), 24 MB. */
export const MAX_FILE_BYTES = MAX_IMPORT_CHARS * 2;

/** The error for a file Lectio cannot read as an article; `message` says why and what to do. */
export function unreadableFile(message: string): LectioError {
  return new LectioError('unreadable-file', message);
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

const UNKNOWN_ENCODING =
  'This file’s text encoding is not one Lectio can read (it reads UTF-8, UTF-16 with a byte-order mark, and Latin-1). Save it as UTF-8 and import it again.';

/** Throws the 'unreadable-file' error when a file of `size` bytes is over the limit; `name` is for the message. */
export function checkFileSize(size: number, name: string): void {
  if (size > MAX_FILE_BYTES)
    throw unreadableFile(
      `${name} is ${(size / 1e6).toFixed(1)} MB; Lectio opens files up to ${MAX_FILE_BYTES / 1e6} MB.`,
    );
}

/** UTF-16 without a byte-order mark: zero bytes in every other position, as ASCII text makes in UTF-16. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = sample.length / 2;
  return half > 8 && (even > half * 0.6 || odd > half * 0.6) && Math.min(even, odd) < half * 0.05;
}

/**
 * False when bytes that are not UTF-8 do not read as Latin-1 text either: bytes Windows-1252 leaves undefined, an
 * ISO-2022 escape, or mostly high bytes in long runs (Shift-JIS, EUC-KR, GBK), where Western text has a few accented
 * letters among ASCII ones.
 */
function plausibleLatin1(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d) return false;
    if (byte >= 0x80) {
      high++;
      run++;
    } else {
      if (run >= 3) inRuns += run;
      run = 0;
    }
  }
  if (run >= 3) inRuns += run;
  return high === 0 || inRuns / high < 0.5;
}

/** ISO-2022-JP/KR/CN switch character sets with ESC $ or ESC ( sequences, which no Western text contains. */
function hasIso2022Escape(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  for (let i = 0; i < sample.length - 1; i++)
    if (sample[i] === 0x1b && (sample[i + 1] === 0x24 || sample[i + 1] === 0x28)) return true;
  return false;
}

// Windows-1252's printable characters at 0x80-0x9F (Latin-1 has controls there); undefined bytes were refused above.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252, decoded by table: Node's TextDecoder treats the label as ISO-8859-1 and would turn curly quotes and
 * the euro sign into control characters, so the desktop app (decoding in Node) and browser mode (in Chromium) agree.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(
      /[\u0080-\u009f]/g,
      (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch,
    );
  }
  return out;
}

/** Returns the decoded text; throws the 'unreadable-file' error for binary content, oversized files and unknown encodings. */
export function decodeText(bytes: Uint8Array, name = 'This file'): string {
  checkFileSize(bytes.length, name);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    throw unreadableFile(UNKNOWN_ENCODING);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksLikeBomlessUtf16(bytes) || hasIso2022Escape(bytes)) throw unreadableFile(UNKNOWN_ENCODING);
  if (looksBinary(bytes))
    throw unreadableFile(
      'This file is not text (it looks like a binary file), so it cannot be imported as an article.',
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (!plausibleLatin1(bytes)) throw unreadableFile(UNKNOWN_ENCODING);
    return decodeWindows1252(bytes);
  }
}
