/**
 * The words of light Markdown as the reader sees it rendered, on one line: for places that show a note as plain text
 * (search snippets, the card browser) and must never show the syntax ("**", "[]()").
 */
import { importMarkdown } from './markdown';

export function markdownWords(note: string): string {
  if (!/[*_`[\]#>~|<\\]/.test(note)) return note;
  return importMarkdown(note).text.replace(/\s+/g, ' ').trim();
}
