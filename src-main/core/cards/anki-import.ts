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
const BLOCK_TAGS = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul']);

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
  const pieces = html.replace(/<!--[\s\S]*?-->|<style[\s\S]*?>[\s\S]*?<\/style>|<script[\s\S]*?>[\s\S]*?<\/script>/gi, '').split(/(<[^>]*>)/);
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

/** The Back field without the source passage Lectio's export appended to it. */
export function stripSource(back: string): string {
  const at = back.lastIndexOf(SOURCE_MARK);
  return at >= 0 && /^“[\s\S]*”( — [^\n]*)?$/.test(back.slice(at + SOURCE_MARK.length)) ? back.slice(0, at) : back;
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
        errors.push(`Line ${entry.line}: it starts with # and so is a comment, as Anki reads it too; if it is a card, put its first field in double quotes and import again.`);
      }
      continue;
    }
    const row = entry.fields.map(unguardFormula);
    const at = (column: number | null) => (column === null ? undefined : row[column - 1]);
    const meta = new Set([layout.guid, layout.notetype, layout.deck, layout.tags]);
    const fields = row.filter((_, index) => !meta.has(index + 1)).map((field) => (layout.html ? htmlToText(field) : field));
    const kind: CardKind = /cloze/i.test(at(layout.notetype) ?? '') ? 'cloze' : 'basic';
    const front = fields[0] ?? '';
    const back = stripSource(fields[1] ?? '');
    const problem = checkCardContent(kind, front, back);
    if (problem) {
      errors.push(`Line ${entry.line}: ${problem}`);
      continue;
    }
    const guid = at(layout.guid)?.trim() || null;
    const tags = cleanCardTags((at(layout.tags) ?? '').split(/\s+/));
    notes.push({ line: entry.line, guid, kind, front, back, tags });
  }
  return { notes, errors };
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
export function planImport(cards: readonly StoredCard[], notes: readonly ImportedNote[], options: PlanOptions): ImportPlan {
  const byGuid = new Map(cards.map((card) => [ankiGuid(card), card]));
  const seen = new Set<string>();
  const plan: ImportPlan = { created: [], updated: [], unchanged: 0, errors: [] };
  const at = options.now.toISOString();
  for (const note of notes) {
    if (note.guid !== null) {
      if (seen.has(note.guid)) {
        plan.errors.push(`Line ${note.line}: the GUID ${note.guid} appeared earlier in the file; this row was skipped.`);
        continue;
      }
      seen.add(note.guid);
    }
    const existing = note.guid === null ? undefined : byGuid.get(note.guid);
    if (existing) {
      // Anki cannot hold a space inside a tag; a tag that only lost its spaces on the way out is the same tag.
      const tags = ankiTags(existing.tags) === ankiTags(note.tags) ? existing.tags : note.tags;
      const same = existing.kind === note.kind && existing.front === note.front && existing.back === note.back && tags === existing.tags;
      if (same) plan.unchanged++;
      else plan.updated.push({ ...existing, kind: note.kind, front: note.front, back: note.back, tags, updatedAt: at });
      continue;
    }
    const id = options.newId();
    // Keep a foreign GUID (or one from another Lectio library) so the next import of that file matches this card.
    const guid = note.guid !== null && note.guid !== `${GUID_PREFIX}${id}` ? note.guid : null;
    plan.created.push({ id, kind: note.kind, front: note.front, back: note.back, tags: note.tags, source: null, highlightId: null, color: null, suspended: false, guid, createdAt: at, updatedAt: at });
  }
  return plan;
}
