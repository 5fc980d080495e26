/**
 * A title as the stem of a file name the reader downloads ("Putin-s-visit-to-North-Korea"): letters and digits in any
 * script kept, every run of anything else one hyphen, at most 80 characters; `fallback` when nothing is left.
 */
export function fileStem(title: string, fallback: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || fallback
  );
}
