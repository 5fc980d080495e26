/**
 * Highlight ids. The API accepts only Lectio ids (letters, digits, - and _), so a highlight from another tool, whose
 * W3C id is an IRI (`https://example.org/anno/1`), gets a Lectio id derived from that IRI and keeps the IRI as its
 * `foreignId`. Derived, not random: importing the same annotation again (or migrating the same stored one on two
 * machines) gives the same id, so a re-import is recognised as "already here".
 */

const LECTIO_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** True when `id` is one the API accepts (the same rule as the `id` schema in api/schemas.ts). */
export function isLectioId(id: string): boolean {
  return LECTIO_ID.test(id);
}

/** 32-bit FNV-1a over UTF-16 code units, from a given basis: two bases give a 64-bit digest with no dependency. */
function fnv1a(text: string, basis: number): string {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The Lectio id for a foreign annotation id: `w3c-` and 16 hex digits, the same for the same foreign id. */
export function lectioIdFor(foreignId: string): string {
  return `w3c-${fnv1a(foreignId, 0x811c9dc5)}${fnv1a(foreignId, 0x050c5d1f)}`;
}
