/**
 * Cards as Anki-importable text (File > Import in Anki 2.1.55+): tab-separated, with header lines naming the GUID,
 * note type, deck and tags columns. The GUID is derived from the card id, so importing a newer export into Anki
 * updates the notes it made last time instead of adding duplicates. Stock note types only ("Basic": Front, Back;
 * "Cloze": Text, Back Extra), because Anki drops columns a note type has no field for: the source passage therefore
 * travels at the end of the second field, after a fixed marker that the Lectio import strips again. A field that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, which the Lectio import removes.
 */
import type { StoredCard } from './card';
import { guardFormula, quoteField } from './tsv';

export interface ExportItem {
  card: StoredCard;
  documentTitle: string | null;
  /** The source passage's text, or null for a card made by hand. */
  passage: string | null;
}

export const GUID_PREFIX = 'lectio-';
export const DECK_ROOT = 'Lectio';
/** Starts the source passage inside the Back / Back Extra field. */
export const SOURCE_MARK = '\n\nSource: ';
const SEPARATOR = '\t';

/** The Anki GUID of a card: the one it was imported with, else `lectio-<id>`. */
export function ankiGuid(card: StoredCard): string {
  return card.guid ?? `${GUID_PREFIX}${card.id}`;
}

/** `Lectio::<title>`: one sub-deck per document; "::" in a title would nest decks, so it is softened. */
export function ankiDeck(documentTitle: string | null): string {
  const title = documentTitle?.replace(/::/g, ':').replace(/\s+/g, ' ').trim();
  return title ? `${DECK_ROOT}::${title}` : DECK_ROOT;
}

/** Anki tags are space-separated, so a space inside a tag becomes an underscore. */
export function ankiTags(tags: readonly string[]): string {
  return tags
    .map((tag) => tag.trim().replace(/\s+/g, '_'))
    .filter(Boolean)
    .join(' ');
}

export function sourceLine(passage: string, documentTitle: string | null): string {
  return `“${passage.replace(/\s+/g, ' ').trim()}”${documentTitle ? ` — ${documentTitle}` : ''}`;
}

/** The header lines Anki reads the columns from. */
const HEADER = [
  '#separator:tab',
  '#html:false',
  '#guid column:1',
  '#notetype column:2',
  '#deck column:3',
  '#tags column:6',
  `#columns:${['GUID', 'Note type', 'Deck', 'Front / Text', 'Back / Back Extra', 'Tags'].join(SEPARATOR)}`,
];

/** One card's line of the file (without its line break). */
export function ankiLine({ card, documentTitle, passage }: ExportItem): string {
  const back = passage ? `${card.back}${SOURCE_MARK}${sourceLine(passage, documentTitle)}` : card.back;
  // The reader's text is guarded: people open these files in spreadsheets too, where a card starting with = would run
  // as a formula. The GUID is not: Anki matches it to the letter to update a note, and Anki's own GUIDs may start with
  // + - = or @, so a guarded one would make a duplicate instead.
  const content = [card.front, back, ankiTags(card.tags)].map(guardFormula);
  const fields = [ankiGuid(card), card.kind === 'cloze' ? 'Cloze' : 'Basic', ankiDeck(documentTitle), ...content];
  return fields.map((field) => quoteField(field, SEPARATOR)).join(SEPARATOR);
}

/** The file around card lines made by ankiLine: the header, then one line each, ending in a newline. */
export function ankiFile(lines: readonly string[]): string {
  return `${[...HEADER, ...lines].join('\n')}\n`;
}

export function toAnkiText(items: readonly ExportItem[]): string {
  return ankiFile(items.map(ankiLine));
}
