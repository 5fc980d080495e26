/** Bytes as base64, for sending a book over the JSON transports; in slices, since one call per byte would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += SLICE) parts.push(String.fromCharCode(...bytes.subarray(at, at + SLICE)));
  return btoa(parts.join(''));
}
