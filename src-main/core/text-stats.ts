/** Word counts and titles derived from a document's text, shared by every importer. */

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}

/** A title for a document the user did not name: its first line when short, else its first words. */
export function deriveTitle(text: string, maxLength = 80): string {
  const firstLine = text.trim().split('\n', 1)[0]?.trim() ?? '';
  if (firstLine.length === 0) return 'Untitled';
  if (firstLine.length <= maxLength) return firstLine.replace(/[.:;,]$/, '');
  const cut = firstLine.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:]+$/, '')}…`;
}
