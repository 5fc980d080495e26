/**
 * Reads a PDF's own document information (Title, Author, CreationDate) into the document's metadata, keeping only
 * what is plausible: writers fill these fields with file names ("Microsoft Word - draft3.docx"), placeholders
 * ("untitled") and dates from the epoch, and a wrong title or date is worse than none (the date anchors the engine).
 */

export interface PdfInfoFields {
  title?: string;
  authors?: string[];
  /** YYYY-MM-DD. */
  publishedDate?: string;
}

const PLACEHOLDER_TITLE = /^(?:untitled|no title|title|document\d*|unknown|slide \d+|\s*)$/i;
const FILE_NAME_TITLE =
  /(?:^microsoft (?:word|powerpoint|excel) - )|\.(?:docx?|rtf|odt|pdf|tex|dvi|indd|qxd|pages|pptx?|xlsx?)$/i;

function cleanString(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/** The title when it names the document, else undefined. */
export function plausibleTitle(raw: unknown): string | undefined {
  const title = cleanString(raw);
  if (!title || PLACEHOLDER_TITLE.test(title) || FILE_NAME_TITLE.test(title) || !/\p{L}/u.test(title)) return undefined;
  return title.slice(0, 300);
}

/**
 * Authors from an Author field: split on ";", " and ", "&" and, when every part is a full name ("Ada Lovelace,
 * Charles Babbage"), on commas; a single "Lovelace, Ada" stays one name.
 */
export function splitAuthors(raw: unknown): string[] {
  const field = cleanString(raw);
  if (!field || /^(?:unknown|author|admin(?:istrator)?|user)$/i.test(field)) return [];
  let parts = field.split(/\s*(?:;|\band\b|&)\s*/i).filter(Boolean);
  parts = parts.flatMap((part) => {
    const pieces = part.split(/\s*,\s*/).filter(Boolean);
    return pieces.length > 1 && pieces.every((piece) => /\S\s+\S/.test(piece)) ? pieces : [part];
  });
  return parts.map((part) => part.slice(0, 200)).slice(0, 50);
}

/**
 * A PDF date ("D:20240315093000+01'00'") as YYYY-MM-DD, when it is a real calendar day from 1900 to `today`
 * (YYYY-MM-DD); undefined otherwise.
 */
export function pdfDate(raw: unknown, today: string): string | undefined {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(cleanString(raw));
  if (!match || !match[2] || !match[3]) return undefined;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) return undefined;
  return date >= '1900-01-01' && date <= today ? date : undefined;
}

/** The fields of a PDF's information dictionary worth keeping; `today` (YYYY-MM-DD) bounds the date. */
export function pdfInfoFields(info: Record<string, unknown>, today: string): PdfInfoFields {
  const fields: PdfInfoFields = {};
  const title = plausibleTitle(info.Title);
  if (title) fields.title = title;
  const authors = splitAuthors(info.Author);
  if (authors.length) fields.authors = authors;
  const date = pdfDate(info.CreationDate, today);
  if (date) fields.publishedDate = date;
  return fields;
}
