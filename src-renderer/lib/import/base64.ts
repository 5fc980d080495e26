/** A file’s bytes as base64, the form PDFs and EPUB books are sent in over both transports (JSON over HTTP, and IPC alike). */

/** Encodes in slices: one String.fromCharCode call over millions of bytes would overflow the argument stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let at = 0; at < bytes.length; at += SLICE) binary += String.fromCharCode(...bytes.subarray(at, at + SLICE));
  return btoa(binary);
}
