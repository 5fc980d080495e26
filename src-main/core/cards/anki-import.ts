/**
 * Reads Anki-style delimited text (Lectio's own export, or a text export from Anki) into notes, and plans how they
 * change a set of cards: a note whose GUID matches a card updates it (its schedule and source are kept), any other
 * note becomes a new card that remembers the GUID, so importing the same file twice adds nothing the second time.
 */
import type { CardKind, StoredCard } from './card';
import { GUID_PREFIX, SOURCE_MARK, ankiGuid, ankiTags } from './anki-export';
import { checkCardContent, cleanCardTags } from './validate';
import { decodeHTML } from 'entities';
import { parseDelimited, unguardFormula } from './tsv';

export interface ImportedNote {
  line: number;
  guid: string | null;
  kind: CardKind;
  front: string;
  back: string;
  tags: string[];
}

export interface ParsedAnkiText {
  notes: ImportedNote[];
  errors: string[];
}

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', colon: ':', space: ' ' };

interface Layout {
  separator: string;
  html: boolean;
  guid: number | null;
  notetype: number | null;
  deck: number | null;
  tags: number | null;
}

function layoutOf(headers: readonly string[]): Layout {
  const value = (key: string) => {
    for (let index = headers.length - 1; index >= 0; index--) {
      const match = new RegExp(`^${key}:(.*)$`, 'i').exec(headers[index] ?? '');
      if (match) return (match[1] ?? '').trim();
    }
    return null;
  };
  const column = (key: string) => {
    const raw = value(`${key} column`);
    const n = raw === null ? NaN : Number.parseInt(raw, 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const separator = value('separator');
  return {
    separator: separator === null ? '\t' : (SEPARATORS[separator.toLowerCase()] ?? (separator.slice(0, 1) || '\t')),
    html: value('html')?.toLowerCase() === 'true',
    guid: column('guid'),
    notetype: column('notetype'),
    deck: column('deck'),
    tags: column('tags'),
  };
}

/** Elements that start and end a line of their own, as Anki's editor writes lines: `Paris<div>on the Seine</div>`. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

/**
 * Anki's HTML as plain text, for files exported with "HTML" on: line breaks where Anki shows them, other tags dropped,
 * every HTML entity decoded. Comments, styles and scripts go with their content, as Anki's strip_html does
 * (rslib/src/text.rs). A block element starts a new line unless one has just begun, and a block ending ends the line
 * unless it is empty; so `a<div>b</div>`, `<div>a</div><div>b</div>` and `a<br><div>b</div>` are all two lines.
 */
export function htmlToText(html: string): string {
  let out = '';
  // True at the start of the field and right after a line break: a block opening or closing here adds none.
  let lineStart = true;
  // A line break a block ending asked for, written only if something follows it.
  let pendingBreak = false;
  const write = (text: string) => {
    if (pendingBreak) out += '\n';
    pendingBreak = false;
    out += text;
    lineStart = text.endsWith('\n');
  };
  const pieces = html
    .replace(/<!--[\s\S]*?-->|<style[\s\S]*?>[\s\S]*?<\/style>|<script[\s\S]*?>[\s\S]*?<\/script>/gi, '')
    .split(/(<[^>]*>)/);
  for (const piece of pieces) {
    const tag = /^<(\/?)([a-z][a-z0-9]*)\b[^>]*>$/i.exec(piece);
    if (!tag) {
      // Text between tags; a `<` that opens no tag is kept as it was. A line break in the source is a space, as a
      // browser (and Anki's html_to_text_line) shows it, and only layout between two blocks.
      const text = piece.replace(/\r?\n/g, ' ');
      if (text && !((lineStart || pendingBreak) && text.trim() === '')) write(decodeHTML(text).replace(/\u00a0/g, ' '));
      continue;
    }
    const name = tag[2]!.toLowerCase();
    if (name === 'br') write('\n');
    else if (BLOCK_TAGS.has(name) && !lineStart && !pendingBreak) {
      if (tag[1]) pendingBreak = true;
      else write('\n');
    }
  }
  return out;
}

/**
 * The source passage Lectio's export appends to the Back / Back Extra field, in each shape it comes back in: as
 * written (after a blank line); after Anki's plain-text export, which turns each line break into a space and trims
 * the field (rslib/src/text.rs, html_to_text_line), so the blank line is two spaces, or, when the field held nothing
 * else, the field starts with it. Those last two shapes are only looked for in a Lectio note, so a note of someone
 * else's that happens to start "Source: “" keeps its text.
 */
const SOURCE_START = 'Source: “';
const SOURCE_REST = /^Source: “[^\n]*”(?: — [^\n]*)?$/;
const BLANK_LINE = SOURCE_MARK.replace(/Source: $/, '');
const FLATTENED_BLANK_LINE = BLANK_LINE.replace(/\n/g, ' ');

/** The Back field without the source passage Lectio's export appended to it. */
export function stripSource(back: string, fromLectio = false): string {
  const at = back.lastIndexOf(SOURCE_START);
  if (at < 0 || !SOURCE_REST.test(back.slice(at))) return back;
  const before = back.slice(0, at);
  if (before.endsWith(BLANK_LINE)) return before.slice(0, -BLANK_LINE.length);
  if (!fromLectio) return back;
  if (before === '') return '';
  // Anki trimmed the field, so the text before the source line was trimmed at its end too, and is trimmed here alike.
  return before.endsWith(FLATTENED_BLANK_LINE) ? before.trimEnd() : back;
}

/** Parses the text; rows that cannot be cards are reported in `errors` (by line) and left out. */
export function parseAnkiText(text: string): ParsedAnkiText {
  let layout = layoutOf([]);
  const notes: ImportedNote[] = [];
  const errors: string[] = [];
  const headers: string[] = [];
  for (const entry of parseDelimited(text, (seen) => layoutOf(seen).separator)) {
    if ('header' in entry) {
      headers.push(entry.header);
      layout = layoutOf(headers);
      continue;
    }
    if ('comment' in entry) {
      // Anki skips it too; said aloud because a file written before Lectio quoted a GUID starting with # has cards
      // in such lines.
      if (entry.comment.includes(layout.separator)) {
        errors.push(
          `Line ${entry.line}: it starts with # and so is a comment, as Anki reads it too; if it is a card, put its first field in double quotes and import again.`,
        );
      }
      continue;
    }
    const row = entry.fields.map(unguardFormula);
    const at = (column: number | null) => (column === null ? undefined : row[column - 1]);
    const meta = new Set([layout.guid, layout.notetype, layout.deck, layout.tags]);
    const fields = row
      .filter((_, index) => !meta.has(index + 1))
      .map((field) => (layout.html ? htmlToText(field) : field));
    const kind: CardKind = /cloze/i.test(at(layout.notetype) ?? '') ? 'cloze' : 'basic';
    const front = fields[0] ?? '';
    const guid = at(layout.guid)?.trim() || null;
    const back = stripSource(fields[1] ?? '', guid?.startsWith(GUID_PREFIX) ?? false);
    const problem = checkCardContent(kind, front, back);
    if (problem) {
      errors.push(`Line ${entry.line}: ${problem}`);
      continue;
    }
    const tags = cleanCardTags((at(layout.tags) ?? '').split(/\s+/));
    notes.push({ line: entry.line, guid, kind, front, back, tags });
  }
  return { notes, errors };
}

/**
 * Whether `theirs` is `mine` after a trip through Anki and nothing else: Anki stores a field without ASCII control
 * characters other than line break and tab, in Unicode NFC (rslib/src/notes/mod.rs, normalize_field), and its
 * plain-text export (HTML off) writes each line break as a space and trims the field (rslib/src/text.rs,
 * html_to_text_line), decoding a no-break space to a space.
 */
export function sameAfterAnki(mine: string, theirs: string): boolean {
  if (mine === theirs) return true;
  // eslint-disable-next-line no-control-regex -- Anki strips exactly these control characters from a field
  const stored = mine.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').normalize('NFC');
  const line = stored.replace(/\n/g, ' ').trim();
  return theirs === stored || theirs === line || theirs === line.replace(/\u00a0/g, ' ');
}

export interface ImportPlan {
  created: StoredCard[];
  updated: StoredCard[];
  unchanged: number;
  errors: string[];
}

export interface PlanOptions {
  now: Date;
  newId: () => string;
}

/** Decides what importing `notes` does to `cards`; pure, so the service only has to save the result. */
export function planImport(
  cards: readonly StoredCard[],
  notes: readonly ImportedNote[],
  options: PlanOptions,
): ImportPlan {
  const byGuid = new Map(cards.map((card) => [ankiGuid(card), card]));
  const seen = new Set<string>();
  const plan: ImportPlan = { created: [], updated: [], unchanged: 0, errors: [] };
  const at = options.now.toISOString();
  for (const note of notes) {
    if (note.guid !== null) {
      if (seen.has(note.guid)) {
        plan.errors.push(
          `Line ${note.line}: the GUID ${note.guid} appeared earlier in the file; this row was skipped.`,
        );
        continue;
      }
      seen.add(note.guid);
    }
    const existing = note.guid === null ? undefined : byGuid.get(note.guid);
    if (existing) {
      // Anki cannot hold a space inside a tag; a tag that only lost its spaces on the way out is the same tag.
      const tags = ankiTags(existing.tags) === ankiTags(note.tags) ? existing.tags : note.tags;
      // Text that only went through what Anki does to every field is the card's own: keep the card's, line breaks and all.
      const front = sameAfterAnki(existing.front, note.front) ? existing.front : note.front;
      const back = sameAfterAnki(existing.back, note.back) ? existing.back : note.back;
      const same =
        existing.kind === note.kind && front === existing.front && back === existing.back && tags === existing.tags;
      if (same) plan.unchanged++;
      else plan.updated.push({ ...existing, kind: note.kind, front, back, tags, updatedAt: at });
      continue;
    }
    const id = options.newId();
    // Keep a foreign GUID (or one from another Lectio library) so the next import of that file matches this card.
    const guid = note.guid !== null && note.guid !== `${GUID_PREFIX}${id}` ? note.guid : null;
    plan.created.push({
      id,
      kind: note.kind,
      front: note.front,
      back: note.back,
      tags: note.tags,
      source: null,
      highlightId: null,
      color: null,
      suspended: false,
      guid,
      createdAt: at,
      updatedAt: at,
    });
  }
  return plan;
}
