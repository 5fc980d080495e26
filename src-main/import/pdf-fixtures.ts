/**
 * PDFs built for the tests and the benchmark, so every case is made here from text rather than kept as opaque files:
 * pdf-lib writes the ordinary ones (with real fonts, metadata and positioned text), and the two it cannot make, an
 * encrypted file and a broken one, are written by hand.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

/** A run of text placed as on paper: `top` is the baseline's distance from the page's top, in points. */
export interface PlacedText {
  text: string;
  x: number;
  top: number;
  size?: number;
}

export interface PdfFixtureMeta {
  title?: string;
  author?: string;
  created?: Date;
}

export const LETTER = { width: 612, height: 792 };

/** A PDF whose pages hold exactly the given runs, in the given order (the order a writer emits them in). */
export async function buildPdf(pages: PlacedText[][], meta: PdfFixtureMeta = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font: PDFFont = await doc.embedFont(StandardFonts.Helvetica);
  if (meta.title) doc.setTitle(meta.title);
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.created) doc.setCreationDate(meta.created);
  for (const runs of pages) {
    const page = doc.addPage([LETTER.width, LETTER.height]);
    for (const run of runs)
      page.drawText(run.text, { x: run.x, y: LETTER.height - run.top, size: run.size ?? 11, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** Lines of body text set from `top` down at 14 pt spacing, at `x`. */
export function column(lines: string[], x: number, top: number, size = 11): PlacedText[] {
  return lines.map((text, index) => ({ text, x, top: top + index * 14, size }));
}

/** A page with a running header, a page number in the footer and `body` between them. */
export function withRunningLines(
  body: PlacedText[],
  page: number,
  header = 'Journal of Careful Reading · Vol. 12',
): PlacedText[] {
  return [{ text: header, x: 72, top: 40, size: 9 }, ...body, { text: String(page), x: 300, top: 760, size: 9 }];
}

/** A PDF whose page is only a filled shape: what a scan looks like to a text reader, a page with no text on it. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([LETTER.width, LETTER.height]);
  page.drawRectangle({ x: 72, y: 72, width: 400, height: 600 });
  return doc.save();
}

/** Assembles a PDF from numbered object bodies, with a correct cross-reference table. */
function assemble(objects: string[], trailer: string): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/**
 * A PDF encrypted with the standard security handler and a user password: its /U entry does not match the empty
 * password, so a reader must ask for one, as it must for any password-protected file.
 */
export function encryptedPdf(): Uint8Array {
  const hex = (seed: number) =>
    Array.from({ length: 32 }, (_, i) => ((seed * (i + 7)) % 256).toString(16).padStart(2, '0')).join('');
  return assemble(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
      '<< /Length 8 >>\nstream\n\x01\x02\x03\x04\x05\x06\x07\x08\nendstream',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(31)}> /U <${hex(57)}> /P -44 >>`,
    ],
    `/Encrypt 5 0 R /ID [<${hex(3).slice(0, 32)}> <${hex(3).slice(0, 32)}>]`,
  );
}

/** A file that starts as a PDF and then is not one: a download cut short after its header. */
export function brokenPdf(): Uint8Array {
  return new TextEncoder().encode(
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthe rest of this file never arrived',
  );
}

const WORDS =
  'the council met on monday to weigh the harbour plan which the mayor had put forward after a long winter of storms and rising costs while engineers from the port authority argued that the old sea wall could not hold another season'.split(
    ' ',
  );

/** Body text for the benchmark: sentences of eleven words, capitalised and closed, in lines of seven words. */
function sentenceWriter(): (words: number) => string {
  let word = 0;
  return (count) => {
    const out: string[] = [];
    for (let i = 0; i < count; i += 1, word += 1) {
      let next = WORDS[word % WORDS.length]!;
      if (word % 11 === 0) next = next[0]!.toUpperCase() + next.slice(1);
      if (word % 11 === 10) next += '.';
      out.push(next);
    }
    return out.join(' ');
  };
}

/**
 * A long report for the benchmark: `pages` pages of two columns of body text in paragraphs of six lines, each page with
 * a running header, a page number and, every fifth page, a section heading. Deterministic, so every run reads the same.
 */
export async function longReportPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  doc.setTitle(`A Report of ${pages} Pages`);
  doc.setAuthor('Lectio Benchmarks');
  const line = sentenceWriter();
  for (let number = 1; number <= pages; number += 1) {
    const page = doc.addPage([LETTER.width, LETTER.height]);
    const draw = (text: string, x: number, top: number, size: number) =>
      page.drawText(text, { x, y: LETTER.height - top, size, font });
    draw('A Report on the Harbour · Lectio Benchmarks', 72, 40, 9);
    let start = 80;
    if (number % 5 === 1) {
      draw(`Section ${Math.ceil(number / 5)}: The Harbour Plan`, 72, start, 16);
      start += 30;
    }
    for (const x of [72, 318]) {
      for (let top = start, row = 0; top < 740; top += row % 6 === 5 ? 20 : 13, row += 1) draw(line(7), x, top, 10);
    }
    draw(String(number), 300, 765, 9);
  }
  return doc.save({ useObjectStreams: false });
}
