/**
 * A Markdown file nearly always opens with its title as a level-1 heading (`# Title`, or `Title` underlined with `=`).
 * Kept in the body it would show twice in the Reader, once as the document's title and again as the text's first
 * line, and be read twice by search and the engine. This finds that heading so the import can make it the title and
 * leave it out of the text, as Readability drops an article's first heading when it repeats the page's title.
 */
import { markdownWords } from './markdown-words';
import { normaliseText } from './plain-text';

const MAX_TITLE = 300;

/** The file's opening level-1 heading as plain words, and the text after it; null when it opens otherwise. */
export function splitMarkdownTitle(raw: string): { title: string; rest: string } | null {
  const text = normaliseText(raw).replace(/^\s*\n/, '');
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  let heading: string | null = null;
  let taken = 1;
  // ATX: up to three spaces of indent, one '#', a space, the words, optional closing '#'s.
  const atx = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(first);
  if (atx) heading = atx[1] ?? '';
  else if (/^ {0,3}=+[ \t]*$/.test(lines[1] ?? '') && first.trim() && !/^ {4}|^\t/.test(first)) {
    heading = first;
    taken = 2;
  }
  if (heading === null) return null;
  const title = markdownWords(heading.trim()).trim();
  const rest = lines.slice(taken).join('\n').replace(/^\s+/, '');
  if (!title || title.length > MAX_TITLE || !rest.trim()) return null;
  return { title, rest };
}

/** True when two titles are the same words (case, spacing and typographic quotes aside). */
export function sameTitle(a: string, b: string): boolean {
  const words = (s: string) =>
    s.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  return words(a) === words(b);
}
