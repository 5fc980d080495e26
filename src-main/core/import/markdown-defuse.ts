/**
 * Keeps the CommonMark parser linear on hostile Markdown, wherever it runs: the import worker, and the renderer's main
 * thread, which shows every note as light Markdown. The parser resolves emphasis and link brackets by pairing delimiter
 * runs within a paragraph, and that grows with the square of their number (16 KB of `*a` took 2 s; `[a]` repeated,
 * 0.8 s), and it nests a container per `>` or list marker on a line (20,000 `> ` overflow the stack). No real text
 * needs hundreds of emphasis runs in one paragraph or dozens of nested quotes, so past those bounds the characters are
 * escaped and read as the literal characters they are: nothing is dropped, and ordinary Markdown is left untouched.
 */

/** A paragraph with more `*`/`_` runs, or more brackets, than this shows them as written. */
export const MAX_DELIMITER_RUNS = 400;
/** Quote and list markers past this depth on one line are text. */
export const MAX_CONTAINER_DEPTH = 32;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_MARKER = /^ {0,3}(?:>|[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** `source` with excess emphasis runs, brackets and container markers escaped; the same string when none are. */
export function defuseMarkdown(source: string): string {
  const lines = source.split('\n');
  let changed = false;
  let fence: string | null = null;
  let paragraph: number[] = [];
  const flush = () => {
    if (paragraph.length > 0 && escapeDelimiters(lines, paragraph)) changed = true;
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const opening = FENCE.exec(line)?.[1];
    if (fence !== null) {
      // Inside fenced code every character is literal already, and costs the parser nothing.
      if (opening && opening[0] === fence[0] && opening.length >= fence.length && line.trim() === opening) fence = null;
      continue;
    }
    if (opening) {
      flush();
      fence = opening;
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const capped = capContainers(line);
    if (capped !== line) {
      lines[i] = capped;
      changed = true;
    }
    // A list item, a quote or a heading starts inline content of its own: the parser pairs delimiters within it.
    if (CONTAINER_MARKER.test(capped) || HEADING.test(capped)) flush();
    paragraph.push(i);
  }
  flush();
  return changed ? lines.join('\n') : source;
}

/** The line with the container marker after MAX_CONTAINER_DEPTH escaped, so the rest of the line is text. */
function capContainers(line: string): string {
  let at = 0;
  for (let depth = 0; depth < MAX_CONTAINER_DEPTH; depth++) {
    const marker = CONTAINER_MARKER.exec(line.slice(at));
    if (!marker) return line;
    at += marker[0].length;
  }
  const next = CONTAINER_MARKER.exec(line.slice(at));
  if (!next) return line;
  const markerAt = at + next[0].search(/\S/);
  return `${line.slice(0, markerAt)}\\${line.slice(markerAt)}`;
}

/** Escapes every emphasis character, or every bracket, of a paragraph that has too many; true when it did. */
function escapeDelimiters(lines: string[], paragraph: readonly number[]): boolean {
  let emphasisRuns = 0;
  let brackets = 0;
  for (const index of paragraph) {
    const line = content(lines[index] as string);
    emphasisRuns += line.match(/(?<!\\)(?:\*+|_+)/g)?.length ?? 0;
    brackets += line.match(/(?<!\\)[[\]]/g)?.length ?? 0;
  }
  const emphasis = emphasisRuns > MAX_DELIMITER_RUNS;
  const bracket = brackets > MAX_DELIMITER_RUNS;
  if (!emphasis && !bracket) return false;
  const pattern = emphasis && bracket ? /(?<!\\)[*_[\]]/g : emphasis ? /(?<!\\)[*_]/g : /(?<!\\)[[\]]/g;
  for (const index of paragraph) {
    const line = lines[index] as string;
    const markers = line.length - content(line).length;
    lines[index] = line.slice(0, markers) + line.slice(markers).replace(pattern, (char) => `\\${char}`);
  }
  return true;
}

/** The line after its quote and list markers: the markers themselves are structure, never emphasis. */
function content(line: string): string {
  let rest = line;
  for (let marker = CONTAINER_MARKER.exec(rest); marker && marker[0].length > 0; marker = CONTAINER_MARKER.exec(rest)) {
    rest = rest.slice(marker[0].length);
  }
  return rest;
}
