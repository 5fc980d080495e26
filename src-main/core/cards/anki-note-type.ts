/**
 * Lectio's own Anki note types and what a card puts in their fields, shared by the .apkg export and AnkiConnect.
 * Anki matches an imported note to one it has by GUID, and then updates it only when the note type's id and its field
 * and template names are unchanged (rslib import_export/package/apkg/import/notes.rs: `schema_hash`). So the ids below
 * are fixed forever and the field and template names never change: a later Lectio adds fields only as a new note type.
 * Fields hold HTML, as every Anki field does: the reader's text is escaped, line breaks become <br>.
 */
import type { StoredCard } from './card';
import { ankiDeck, ankiGuid } from './anki-export';

export interface AnkiNoteType {
  /** Anki note type ids are creation times in ms; these are fixed (2024-12-07) so every export names the same type. */
  id: number;
  name: string;
  cloze: boolean;
  fields: readonly string[];
  template: { name: string; front: string; back: string };
}

const EXTRA = [
  '{{#Source}}<div class="lectio-source">{{Source}}</div>{{/Source}}',
  '{{#Pictures}}<div class="lectio-pictures">{{Pictures}}</div>{{/Pictures}}',
  '{{#Link}}<div class="lectio-link">{{Link}}</div>{{/Link}}',
].join('\n');

export const LECTIO_BASIC: AnkiNoteType = {
  id: 1733529600001,
  name: 'Lectio',
  cloze: false,
  fields: ['Front', 'Back', 'Source', 'Link', 'Pictures', 'Lectio id'],
  template: { name: 'Card 1', front: '{{Front}}', back: `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n${EXTRA}` },
};

export const LECTIO_CLOZE: AnkiNoteType = {
  id: 1733529600002,
  name: 'Lectio Cloze',
  cloze: true,
  fields: ['Text', 'Back Extra', 'Source', 'Link', 'Pictures', 'Lectio id'],
  template: { name: 'Cloze', front: '{{cloze:Text}}', back: `{{cloze:Text}}<br>\n{{Back Extra}}\n${EXTRA}` },
};

export const LECTIO_NOTE_TYPES: readonly AnkiNoteType[] = [LECTIO_BASIC, LECTIO_CLOZE];

/** The field that finds a card's note again in a collection (AnkiConnect's search), whatever its GUID. */
export const LECTIO_ID_FIELD = 'Lectio id';

export const LECTIO_CSS = `.card { font-family: Georgia, serif; font-size: 20px; line-height: 1.5; text-align: left;
  color: #1f1f1f; background: #fffdf8; max-width: 40em; margin: 0 auto; }
.cloze { font-weight: bold; color: #1f4e99; }
.nightMode .cloze { color: #8fb6ff; }
.lectio-source { margin-top: 1.2em; font-size: 0.8em; color: #555; border-left: 3px solid #c9b78f; padding-left: 0.6em; }
.lectio-pictures img { max-width: 100%; max-height: 60vh; margin-top: 0.8em; }
.lectio-link { margin-top: 0.8em; font-size: 0.75em; }`;

/** A picture to travel with a card: the stored image's id and its alt text. */
export interface CardPicture {
  imageId: string;
  alt: string;
}

/** What a card's note is made from: the card, its re-anchored passage, and its document's title, address and pictures. */
export interface AnkiNoteSource {
  card: StoredCard;
  documentTitle: string | null;
  /** The passage as it reads now, with its offsets (null offsets when it can no longer be found). */
  passage: { text: string; start: number | null; end: number | null; page?: number } | null;
  /** The document's web address, when it was saved from the web. */
  url?: string;
  pictures: readonly CardPicture[];
}

export interface AnkiNote {
  guid: string;
  noteType: AnkiNoteType;
  deck: string;
  /** In the note type's field order. */
  fields: string[];
  tags: string[];
  /** File names the fields refer to, each with the stored image it is. */
  media: { fileName: string; imageId: string }[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as Anki field HTML: markup characters escaped (so a "<" the reader typed stays a "<"), line breaks as <br>. */
export function fieldHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char] ?? char).replace(/\r?\n/g, '<br>');
}

/** The media file name of a stored picture: its content hash, so the same picture is one file in Anki too. */
export function mediaName(imageId: string): string {
  return `lectio-${imageId}`;
}

/** Lectio's address of a passage: the Reader's own route (`#/read/<id>?at=<start>-<end>`) under the lectio: scheme. */
export function lectioLink(documentId: string, start: number | null, end: number | null): string {
  const at = start !== null && end !== null && end > start ? `?at=${start}-${end}` : '';
  return `lectio://read/${encodeURIComponent(documentId)}${at}`;
}

function sourceHtml(source: AnkiNoteSource): string {
  if (!source.passage) return '';
  const passage = fieldHtml(source.passage.text.replace(/\s+/g, ' ').trim());
  const title = source.documentTitle ? ` — <i>${fieldHtml(source.documentTitle)}</i>` : '';
  const page = source.passage.page !== undefined ? `, p. ${source.passage.page}` : '';
  return `“${passage}”${title}${page}`;
}

function linkHtml(source: AnkiNoteSource): string {
  const stored = source.card.source;
  if (!stored) return '';
  const links = [
    `<a href="${fieldHtml(lectioLink(stored.documentId, source.passage?.start ?? null, source.passage?.end ?? null))}">Open in Lectio</a>`,
  ];
  if (source.url && /^https?:\/\//i.test(source.url))
    links.push(`<a href="${fieldHtml(source.url)}">The original article</a>`);
  return links.join(' · ');
}

/** The note a card becomes in Anki: Lectio's note type for its kind, its fields, deck, tags and pictures. */
export function ankiNote(source: AnkiNoteSource): AnkiNote {
  const { card } = source;
  const media = source.pictures.map((picture) => ({ fileName: mediaName(picture.imageId), imageId: picture.imageId }));
  const pictures = source.pictures
    .map((picture) => `<img src="${fieldHtml(mediaName(picture.imageId))}" alt="${fieldHtml(picture.alt)}">`)
    .join('');
  return {
    guid: ankiGuid(card),
    noteType: card.kind === 'cloze' ? LECTIO_CLOZE : LECTIO_BASIC,
    deck: ankiDeck(source.documentTitle),
    fields: [fieldHtml(card.front), fieldHtml(card.back), sourceHtml(source), linkHtml(source), pictures, card.id],
    tags: card.tags.map((tag) => tag.trim().replace(/\s+/g, '_')).filter(Boolean),
    media,
  };
}

/** The note's fields by name, as AnkiConnect takes them. */
export function fieldsByName(note: AnkiNote): Record<string, string> {
  return Object.fromEntries(note.noteType.fields.map((name, index) => [name, note.fields[index] ?? '']));
}
