/**
 * For the round-trip tests: what Anki desktop does to a file of notes when it imports it and exports its notes again
 * ("Notes in Plain Text", with GUID, note type, deck and tags), re-implemented from Anki's own source rather than
 * guessed (github.com/ankitects/anki, read at c32cb29):
 * - rslib/src/import_export/text/csv/metadata.rs: `#key:value` lines are read only at the head of the file;
 * - rslib/src/import_export/text/csv/import.rs: a csv reader with comment character `#`, flexible rows; with
 *   `#html:false` a field is stored as htmlescape::encode_minimal(field) with each "\n" replaced by "<br>";
 * - rslib/src/notes/mod.rs (normalize_field): ASCII control characters other than "\n" and "\t" removed, Unicode NFC;
 * - rslib/src/import_export/text/csv/export.rs: header `#separator:tab`, `#html:<with html>`, the four column lines;
 *   each field loses `<style>` elements and `[[type:…]]`, and without HTML goes through html_to_text_line
 *   (rslib/src/text.rs): `<br>`, `<div>` and "\n" become a space, `[sound:…]` goes, tags are stripped, entities decoded
 *   (a no-break space becoming a space), and the field is trimmed; a csv writer with comment character `#` quotes a
 *   field holding a tab, a quote, "\r", "\n" or `#`.
 * It is a model for tests, not part of Lectio: it shares no code with Lectio's reader and writer on purpose.
 */
import { decodeHTMLStrict } from 'entities';

interface AnkiNote {
  guid: string;
  notetype: string;
  deck: string;
  fields: string[];
  tags: string[];
}

const DELIMITERS: Record<string, string> = {
  tab: '\t',
  '\t': '\t',
  comma: ',',
  ',': ',',
  semicolon: ';',
  ';': ';',
  pipe: '|',
  '|': '|',
  colon: ':',
  ':': ':',
  space: ' ',
  ' ': ' ',
};

/** The csv crate's reader as Anki builds it: quotes doubled inside quoted fields, `#` at a record's start a comment. */
function readRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === '#') {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
      continue;
    }
    if (text[at] === '\n' || text.startsWith('\r\n', at)) {
      at += text[at] === '\n' ? 1 : 2;
      continue;
    }
    const record: string[] = [];
    let field = '';
    let quoted = false;
    for (;;) {
      const char = text[at];
      if (quoted) {
        if (char === undefined) break;
        if (char === '"' && text[at + 1] === '"') {
          field += '"';
          at += 2;
        } else if (char === '"') {
          quoted = false;
          at++;
        } else {
          field += char;
          at++;
        }
        continue;
      }
      if (char === undefined || char === '\n' || char === '\r') {
        record.push(field);
        at += char === '\r' && text[at + 1] === '\n' ? 2 : 1;
        break;
      }
      if (char === delimiter) {
        record.push(field);
        field = '';
      } else if (char === '"' && field === '') {
        quoted = true;
      } else {
        field += char;
      }
      at++;
    }
    records.push(record);
  }
  return records;
}

function encodeMinimal(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[char]!,
  );
}

function normalizeField(field: string): string {
  // eslint-disable-next-line no-control-regex -- Anki strips exactly these control characters from a field
  return field.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').normalize('NFC');
}

/** Anki importing `text`, a file with header lines naming its separator, HTML flag and meta columns. */
export function ankiImport(text: string): AnkiNote[] {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  const meta = new Map<string, string>();
  let head = 0;
  for (; head < lines.length && lines[head]!.startsWith('#'); head++) {
    const [key, ...value] = lines[head]!.slice(1).split(':');
    meta.set(key!.trim().toLowerCase(), value.join(':').replace(/\r$/, ''));
  }
  const delimiter = DELIMITERS[meta.get('separator')?.toLowerCase() ?? 'tab'] ?? '\t';
  const isHtml = meta.get('html')?.trim().toLowerCase() === 'true';
  const column = (key: string) => Number.parseInt(meta.get(`${key} column`) ?? '0', 10);
  const [guid, notetype, deck, tags] = [column('guid'), column('notetype'), column('deck'), column('tags')];
  const metaColumns = new Set([guid, notetype, deck, tags]);
  return readRecords(lines.slice(head).join('\n'), delimiter).map((record) => ({
    guid: record[guid - 1] ?? '',
    notetype: record[notetype - 1] ?? '',
    deck: record[deck - 1] ?? '',
    fields: record
      .filter((_, index) => !metaColumns.has(index + 1))
      .map((field) => normalizeField(isHtml ? field : encodeMinimal(field).replace(/\n/g, '<br>'))),
    tags: (record[tags - 1] ?? '').split(/\s+/).filter(Boolean),
  }));
}

function decodeEntities(html: string): string {
  return html.includes('&') ? decodeHTMLStrict(html).replace(/\u00a0/g, ' ') : html;
}

/** rslib/src/text.rs html_to_text_line(html, false). */
function htmlToTextLine(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>|<div>|\n/gi, ' ')
      .replace(/\[\[type:[^\]]+\]\]/g, '')
      .replace(/\[sound:[^\]]+\]/g, '')
      .replace(
        /(<!--[\s\S]*?-->)|(<style[\s\S]*?>[\s\S]*?<\/style>)|(<script[\s\S]*?>[\s\S]*?<\/script>)|(<[\s\S]*?>)/gi,
        '',
      ),
  ).trim();
}

function writeField(field: string): string {
  return /[\t"\r\n#]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Anki exporting `notes` as "Notes in Plain Text" with GUID, note type, deck and tags, with or without HTML. */
export function ankiExport(notes: readonly AnkiNote[], withHtml: boolean): string {
  const fieldColumns = Math.max(0, ...notes.map((note) => note.fields.length));
  const header = [
    '#separator:tab',
    `#html:${withHtml}`,
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    `#tags column:${4 + fieldColumns}`,
  ];
  const records = notes.map((note) => {
    const fields = note.fields.map((field) => {
      const text = field.replace(/<style>[\s\S]*?<\/style>|\[\[type:[^\]]+\]\]/gi, '');
      return withHtml ? text : htmlToTextLine(text);
    });
    while (fields.length < fieldColumns) fields.push('');
    return [note.guid, note.notetype, note.deck, ...fields, note.tags.join(' ')].map(writeField).join('\t');
  });
  return `${[...header, ...records].join('\n')}\n`;
}

/** A file through Anki: imported, then exported again. */
export function throughAnki(text: string, withHtml: boolean): string {
  return ankiExport(ankiImport(text), withHtml);
}
