/**
 * Plain-text importer: the canonical text is the file's text (line endings normalised, BOM removed), and every
 * non-empty line is a paragraph. Keeping the text as written means offsets from any tool that reads the same file
 * (the extraction command line, the evaluation gold labels) agree with the app's.
 */
import type { Block, DocumentBody } from '../model';

/** Normalises line endings and strips a byte-order mark; never fails. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const leading = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed.length > 0) {
      const start = lineStart + leading;
      blocks.push({ kind: 'paragraph', start, end: start + trimmed.length });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return blocks;
}

export function importPlainText(raw: string): DocumentBody {
  const text = normaliseText(raw);
  return { text, blocks: paragraphBlocks(text), marks: [] };
}

/** The longest first line taken for a title; longer ones are a paragraph. */
const MAX_TITLE_LINE = 150;

/**
 * A plain-text article's title, when its first line is one: short, not ending like a sentence or a clause (a period,
 * comma, colon or semicolon), and followed by more text. Returns the title and the text after it (blank lines between
 * them dropped), or null when the first line is part of the article, which then stays as it was written.
 */
export function splitTitleLine(raw: string): { title: string; rest: string } | null {
  const text = normaliseText(raw);
  const start = text.length - text.trimStart().length;
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd === -1) return null;
  const title = text.slice(start, lineEnd).trim();
  const restStart = text.length - text.slice(lineEnd).trimStart().length;
  if (restStart >= text.length || title.length === 0 || title.length > MAX_TITLE_LINE || /[.,;:…]$/.test(title))
    return null;
  return { title, rest: text.slice(restStart) };
}
