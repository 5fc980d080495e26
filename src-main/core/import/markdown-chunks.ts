/**
 * Cuts a long Markdown source into pieces that parse alone to the same blocks. The CommonMark parser slows down with
 * the length of a document even when it is ordinary (200 KB of headings and paragraphs: 2.7 s; 1 MB: 40 s), so a long
 * file is parsed a few kilobytes at a time. A piece ends only where nothing can carry on: before an unindented line
 * that follows a blank line, outside fenced code and HTML blocks. Link reference definitions are repeated in every
 * piece, so `[text][ref]` resolves wherever its definition sits.
 */

/** Sources up to this length are parsed whole; each piece is about this long. */
export const CHUNK_CHARS = 16_000;
/** With more definitions than this to repeat, the source is parsed whole rather than repeat them in every piece. */
const MAX_DEFINITIONS_CHARS = 8_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that run across blank lines (CommonMark's types 1 to 5), with what ends each. */
const HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/;

/** The source in pieces that parse alone as they would together; one piece when it is short or cannot be cut. */
export function markdownChunks(source: string): string[] {
  if (source.length <= CHUNK_CHARS) return [source];
  const lines = source.split('\n');
  const definitions: string[] = [];
  let definitionChars = 0;
  const pieces: string[] = [];
  let start = 0;
  let size = 0;
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let previousBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const blank = line.trim() === '';
    if (fence) {
      const close = FENCE.exec(line);
      if (close?.[1]?.[0] === fence.char && close[1].length >= fence.length && line.trim() === close[1]) fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else {
      if (previousBlank && !blank && !/^\s/.test(line) && size >= CHUNK_CHARS) {
        pieces.push(lines.slice(start, i).join('\n'));
        start = i;
        size = 0;
      }
      const open = FENCE.exec(line);
      if (open?.[1]) {
        fence = { char: open[1][0] as string, length: open[1].length };
      } else {
        const html = HTML_BLOCKS.find(([begins]) => begins.test(line));
        if (html && !html[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = html[1];
        if (DEFINITION.test(line)) {
          definitions.push(line);
          definitionChars += line.length;
        }
      }
    }
    size += line.length + 1;
    previousBlank = blank;
  }
  pieces.push(lines.slice(start).join('\n'));
  if (pieces.length === 1 || definitionChars > MAX_DEFINITIONS_CHARS) return [source];
  if (definitions.length === 0) return pieces;
  const shared = `\n\n${definitions.join('\n')}\n`;
  return pieces.map((piece) => piece + shared);
}
