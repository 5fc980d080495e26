/**
 * Delimited text as Anki reads and writes it (rslib/src/import_export/text/csv/: the Rust csv crate, flexible rows,
 * comment character `#`): a field holding the separator, a quote, a line break or a `#` is wrapped in double quotes
 * with inner quotes doubled. A line starting with `#` outside a field is a header line while the file has had no
 * record yet (metadata.rs reads `#key:value` lines only at the head) and a comment line after that.
 */

/**
 * A field a spreadsheet would run as a formula starts with =, +, -, @, a tab or a carriage return. OWASP's remedy is
 * a leading apostrophe, which spreadsheets read as "this is text" and hide. Fields already starting with apostrophes
 * before such a character get one more, so unguardFormula gives back exactly what was written, whatever it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** `field` with a leading apostrophe when a spreadsheet would otherwise take it for a formula. */
export function guardFormula(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

/** Undoes guardFormula: the field as it was before export. */
export function unguardFormula(field: string): string {
  return field.startsWith("'") && FORMULA_START.test(field.slice(1)) ? field.slice(1) : field;
}

/**
 * Quotes `field` when it needs it. A `#` counts: a record whose first field starts with one would be read as a comment
 * line, by Anki and by parseDelimited, and Anki's own GUIDs start with `#` about once in 91. Anki's writer (export.rs
 * builds its csv::Writer with `.comment(Some(b'#'))`) quotes every field holding a `#`, and so does this.
 */
export function quoteField(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n#]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export type TsvLine = { header: string } | { comment: string; line: number } | { fields: string[]; line: number };

/**
 * Splits `text` into header lines (without the `#`), comment lines (`#` lines after the first record, without the
 * `#`) and records; `line` is the 1-based line a record or comment starts on.
 */
export function parseDelimited(text: string, separatorOf: (headers: readonly string[]) => string): TsvLine[] {
  const out: TsvLine[] = [];
  const headers: string[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let inHead = true;
  while (at < text.length) {
    if (text[at] === '#') {
      const end = lineEnd(text, at);
      const content = text.slice(at + 1, end).replace(/\r$/, '');
      if (inHead) {
        headers.push(content);
        out.push({ header: content });
      } else {
        out.push({ comment: content, line });
      }
      at = end + 1;
      line++;
      continue;
    }
    inHead = false;
    const separator = separatorOf(headers);
    const start = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (text[at] === '"') {
        at++;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote < 0) {
            field += text.slice(at);
            at = text.length;
            break;
          }
          field += text.slice(at, quote);
          line += countLines(text.slice(at, quote));
          at = quote + 1;
          if (text[at] !== '"') break;
          field += '"';
          at++;
        }
      }
      const char = text[at];
      if (at >= text.length || char === '\n' || (char === '\r' && text[at + 1] === '\n')) {
        fields.push(field);
        at += char === '\r' ? 2 : 1;
        line++;
        break;
      }
      if (char === separator) {
        fields.push(field);
        field = '';
        at++;
        continue;
      }
      field += char;
      at++;
    }
    if (fields.length > 1 || fields[0] !== '') out.push({ fields, line: start });
  }
  return out;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function countLines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}
