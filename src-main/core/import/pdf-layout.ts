/**
 * Turns the text items a PDF's pages hold into Lectio's document model, pure and without pdf.js: a PDF stores text in
 * whatever order its writer emitted it, positioned glyph runs and no paragraphs. So the items are grouped into rows by
 * baseline, a two-column page is split at its gutter and read column by column, running headers, footers and page
 * numbers (the same line at the same place on page after page) are dropped, lines larger than the body text become
 * headings, and lines are joined into paragraphs from their spacing and indentation, mending words hyphenated at a
 * line's end. Every block keeps the page it starts on, so a passage can say "p. 7".
 */
import type { Block, DocumentBody } from '../model';

/** One run of text on a page, in page units (points) with y growing downward from the page's top. */
export interface PdfTextItem {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the glyphs' height). */
  size: number;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** A line of text as read: where it sits and how large it is. `column` is 0 for a line across the page, 1 left, 2 right. */
export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
  column: 0 | 1 | 2;
}

/** Items on one baseline, left to right. */
interface Row {
  y: number;
  size: number;
  items: PdfTextItem[];
}

/** A row's items merged into covered spans: a gap narrower than a word space is still text. */
function spans(row: Row): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const item of row.items) {
    const last = out.at(-1);
    if (last && item.x <= last[1] + row.size * 0.8) last[1] = Math.max(last[1], item.x + item.width);
    else out.push([item.x, item.x + item.width]);
  }
  return out;
}

/** Groups a page's non-blank items into rows by baseline, top to bottom, each row's items left to right. */
export function pageRows(items: readonly PdfTextItem[]): Row[] {
  const sorted = items.filter((item) => item.text.trim()).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    // Within 40% of the font size is the same line: superscripts and mixed fonts shift the baseline a little.
    if (row && Math.abs(item.y - row.y) <= Math.max(row.size, item.size) * 0.4) {
      row.items.push(item);
      row.size = Math.max(row.size, item.size);
    } else {
      rows.push({ y: item.y, size: item.size, items: [item] });
    }
  }
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  return rows;
}

/**
 * The x of the gutter between two columns, or null for a one-column page: a vertical band in the middle half of the
 * page that almost no row's text crosses (at most 15% of rows: a title or a figure across both columns crosses it),
 * with text on both sides of it in at least a quarter of the rows. A one-column page fails the first test on its own.
 */
export function findGutter(rows: readonly Row[], pageWidth: number): number | null {
  if (rows.length < 4) return null;
  const rowSpans = rows.map(spans);
  const enough = Math.max(2, rows.length / 4);
  let best: { covering: number; both: number; from: number; to: number } | null = null;
  for (let x = Math.round(pageWidth * 0.25); x <= pageWidth * 0.75; x += 1) {
    let covering = 0;
    let both = 0;
    for (const list of rowSpans) {
      if (list.some(([from, to]) => from <= x && x <= to)) covering += 1;
      else if (list.some(([, to]) => to < x) && list.some(([from]) => from > x)) both += 1;
    }
    // Only a band with columns on both sides is a gutter: the empty margin right of a short column is not one.
    if (both < enough) continue;
    if (!best || covering < best.covering || (covering === best.covering && both > best.both))
      best = { covering, both, from: x, to: x };
    else if (covering === best.covering && both === best.both && best.to === x - 1) best.to = x;
  }
  if (!best || best.covering > Math.max(1, rows.length * 0.15)) return null;
  return (best.from + best.to) / 2;
}

/** Joins a run of items on one line, putting a space where the gap between two is as wide as one. */
function lineText(items: readonly PdfTextItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text && gap > item.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    text += item.text;
    end = Math.max(end, item.x + item.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

function toLine(items: PdfTextItem[], row: Row, page: number, column: PdfLine['column']): PdfLine {
  return {
    text: lineText(items),
    x: Math.min(...items.map((item) => item.x)),
    right: Math.max(...items.map((item) => item.x + item.width)),
    y: row.y,
    size: Math.max(...items.map((item) => item.size)),
    page,
    column,
  };
}

/**
 * A page's lines in reading order: one column top to bottom; two columns as the left one, then the right one, within
 * each stretch between lines that cross the gutter (a title, an abstract, a wide figure caption), which stay in place.
 */
export function pageLines(text: PdfPageText, page: number): PdfLine[] {
  const rows = pageRows(text.items);
  const gutter = findGutter(rows, text.width);
  if (gutter === null) return rows.map((row) => toLine(row.items, row, page, 0));
  const out: PdfLine[] = [];
  let left: PdfLine[] = [];
  let right: PdfLine[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const row of rows) {
    const crosses = row.items.some((item) => item.x < gutter && item.x + item.width > gutter);
    if (crosses) {
      flush();
      out.push(toLine(row.items, row, page, 0));
      continue;
    }
    const leftItems = row.items.filter((item) => item.x + item.width <= gutter);
    const rightItems = row.items.filter((item) => item.x >= gutter);
    if (leftItems.length) left.push(toLine(leftItems, row, page, 1));
    if (rightItems.length) right.push(toLine(rightItems, row, page, 2));
  }
  flush();
  return out;
}

/** A page number on its own: "7", "- 7 -", "Page 7", "7 of 300", "vii". */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(?:\d{1,5}|[ivxlcdm]{1,8})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,5})?$/i;

/** Whether a line sits in the top or bottom margin band, where running heads and folios live. */
function inMargin(line: PdfLine, height: number): boolean {
  return line.y < height * 0.12 || line.y > height * 0.88;
}

/** A line's identity across pages: its text with numbers blanked ("Page 3" and "Page 4" match) and its height. */
function runningKey(line: PdfLine): string {
  return `${Math.round(line.y / 3)}|${line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;
}

/**
 * Drops running headers and footers (a margin line repeated at the same place on at least three pages, or on every
 * page of a shorter document) and page numbers alone in a margin. A line set larger than the body text is a heading
 * (chapter titles sit at the same height on every chapter's first page), never a running line. Returns the pages'
 * remaining lines.
 */
export function dropRunningLines(pages: readonly PdfLine[][], heights: readonly number[]): PdfLine[][] {
  const body = bodySize(pages.flat());
  const running = (line: PdfLine, height: number) => inMargin(line, height) && line.size < body * 1.15;
  const counts = new Map<string, number>();
  pages.forEach((lines, index) => {
    const keys = new Set(lines.filter((line) => running(line, heights[index] ?? 0)).map(runningKey));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const needed = Math.min(3, pages.length);
  return pages.map((lines, index) =>
    lines.filter((line) => {
      if (!running(line, heights[index] ?? 0)) return true;
      if (PAGE_NUMBER.test(line.text)) return false;
      return pages.length < 2 || (counts.get(runningKey(line)) ?? 0) < needed;
    }),
  );
}

/** The body text's font size: the size most characters are set in (to the half point). */
export function bodySize(lines: readonly PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, count] of weight) {
    if (count > bestWeight) [best, bestWeight] = [size, count];
  }
  return best;
}

const MAX_HEADING_CHARS = 200;

function isHeadingLine(line: PdfLine, body: number): boolean {
  return line.size >= body * 1.15 && line.text.length <= MAX_HEADING_CHARS && /\p{L}/u.test(line.text);
}

/** The usual distance between one body line's baseline and the next in the same column, from the whole document. */
function lineSpacing(pages: readonly PdfLine[][], body: number): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i += 1) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      const gap = b.y - a.y;
      if (a.column === b.column && Math.abs(a.size - body) < 0.5 && Math.abs(b.size - body) < 0.5 && gap > 0)
        gaps.push(gap);
    }
  }
  if (gaps.length === 0) return body * 1.2;
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/** A line that reads as continued on the next: no closing punctuation, or a hyphen, and the next begins in lower case. */
function continues(previous: string, next: string): boolean {
  if (/[-\u00ad\u2010]$/.test(previous)) return true;
  return !/[.!?:;"”’)\]]$/.test(previous) && /^\p{Ll}/u.test(next);
}

/**
 * How the next line joins the one before it in a paragraph: a word hyphenated at the line's end is mended ("exam-" +
 * "ple" is one word; a soft hyphen always goes), "Anglo-" + "Saxon" keeps its hyphen but not the break, and anything
 * else is joined with a space. `drop` is how many characters to take off the end of the previous line.
 */
function glue(previous: string, next: string): { drop: number; between: string } {
  if (previous.endsWith('\u00ad')) return { drop: 1, between: '' };
  if (/\p{L}[-\u2010]$/u.test(previous)) return { drop: /^\p{Ll}/u.test(next) ? 1 : 0, between: '' };
  return { drop: 0, between: ' ' };
}

/** Joins the next line onto the previous one as a paragraph does (see glue). */
export function joinLines(previous: string, next: string): string {
  const { drop, between } = glue(previous, next);
  return previous.slice(0, previous.length - drop) + between + next;
}

interface Draft {
  kind: 'paragraph' | 'heading';
  /** The lines' texts and what goes between them, joined once at the end (a long paragraph is built in linear time). */
  pieces: string[];
  page: number;
  size: number;
  last: PdfLine;
}

/** Where each column's text starts and ends on a page, to see indented first lines and short last lines. */
function columnEdges(lines: readonly PdfLine[], body: number): Map<number, { left: number; right: number }> {
  const edges = new Map<number, { left: number; right: number }>();
  for (const line of lines) {
    if (isHeadingLine(line, body)) continue;
    const edge = edges.get(line.column);
    if (!edge) edges.set(line.column, { left: line.x, right: line.right });
    else {
      edge.left = Math.min(edge.left, line.x);
      edge.right = Math.max(edge.right, line.right);
    }
  }
  return edges;
}

/** Whether `line` starts a new paragraph after `previous` on the same page. */
function startsParagraph(
  previous: PdfLine,
  line: PdfLine,
  spacing: number,
  edges: Map<number, { left: number; right: number }>,
): boolean {
  const gap = line.y - previous.y;
  if (line.column !== previous.column || gap <= 0) return !continues(previous.text, line.text);
  if (gap > spacing * 1.35) return true;
  const edge = edges.get(line.column);
  if (!edge) return false;
  const width = edge.right - edge.left;
  // An indented first line, where the lines around it start at the column's edge.
  if (line.x - edge.left > line.size * 0.8 && previous.x - edge.left < line.size * 0.5) return true;
  // A line ending a sentence well short of the column's edge closes its paragraph, as in text set without space
  // between paragraphs (ragged-right lines vary by less than this).
  return previous.right < edge.right - width * 0.3 && /[.!?:"”]$/.test(previous.text);
}

function headingLevels(drafts: readonly Draft[]): (size: number) => number {
  const sizes = [...new Set(drafts.filter((d) => d.kind === 'heading').map((d) => Math.round(d.size * 2) / 2))].sort(
    (a, b) => b - a,
  );
  return (size) => Math.min(6, sizes.indexOf(Math.round(size * 2) / 2) + 1);
}

/** The blocks of the document, in reading order, from its pages' lines (after running lines are dropped). */
function draftBlocks(pages: readonly PdfLine[][]): Draft[] {
  const all = pages.flat();
  const body = bodySize(all);
  const spacing = lineSpacing(pages, body);
  const drafts: Draft[] = [];
  for (const lines of pages) {
    const edges = columnEdges(lines, body);
    lines.forEach((line, index) => {
      const kind = isHeadingLine(line, body) ? 'heading' : 'paragraph';
      const current = drafts.at(-1);
      const previous = index > 0 ? lines[index - 1]! : null;
      let join = false;
      if (current && current.kind === kind) {
        if (kind === 'heading')
          join = previous !== null && Math.abs(current.size - line.size) < 0.5 && line.y - previous.y <= line.size * 2;
        else if (previous) join = !startsParagraph(previous, line, spacing, edges);
        // A paragraph running over a page break: the page's first line carries on the last one's sentence.
        else join = continues(current.last.text, line.text);
      }
      if (join && current) {
        const { drop, between } = glue(current.last.text, line.text);
        const end = current.pieces.length - 1;
        current.pieces[end] = current.pieces[end]!.slice(0, current.pieces[end]!.length - drop);
        current.pieces.push(between, line.text);
        current.last = line;
      } else {
        drafts.push({ kind, pieces: [line.text], page: line.page, size: line.size, last: line });
      }
    });
  }
  return drafts;
}

/** The document body for a PDF's pages (1-based page numbers on the blocks); the text is empty when no page has any. */
export function layoutPdf(pages: readonly PdfPageText[]): DocumentBody {
  const lines = dropRunningLines(
    pages.map((page, index) => pageLines(page, index + 1)),
    pages.map((page) => page.height),
  );
  const drafts = draftBlocks(lines);
  const level = headingLevels(drafts);
  let text = '';
  const blocks: Block[] = [];
  for (const draft of drafts) {
    if (text) text += '\n';
    const start = text.length;
    text += draft.pieces.join('');
    const block: Block = { kind: draft.kind, start, end: text.length, page: draft.page };
    if (draft.kind === 'heading') block.level = level(draft.size);
    blocks.push(block);
  }
  return { text, blocks, marks: [] };
}
