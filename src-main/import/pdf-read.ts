/**
 * Reads a PDF with pdf.js (pdfjs-dist 5.6, its legacy build: the newest line whose engines still include Node 20.19;
 * 5.7 and 6.x need Node 22) into the pages' positioned text and the file's information dictionary, then lays the text
 * out with core/import/pdf-layout.ts. pdf.js runs its parser in this same thread (no nested worker): the caller runs
 * this in a worker thread of its own (pdf-worker.ts), so a 300-page file never holds up the main process.
 */
import './pdfjs-globals';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsParser from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { isLectioError, LectioError } from '../core/errors';
import type { DocumentBody } from '../core/model';
import { layoutPdf, type PdfPageText, type PdfTextItem } from '../core/import/pdf-layout';

/** A PDF Lectio cannot read: an 'unreadable-file' error whose message says why in a reader's words. */
export function pdfUnreadable(message: string): LectioError {
  return new LectioError('unreadable-file', message);
}

export const NO_TEXT_LAYER =
  'This PDF has no text layer: it is probably scanned, its pages are pictures of text. Run it through OCR (text recognition) in a PDF tool first, then import the result.';
export const ENCRYPTED =
  'This PDF is protected by a password, so its text cannot be read. Open it in a PDF reader with the password, save or print it as a PDF without protection, and import that copy.';
export const BROKEN =
  'This file could not be read as a PDF: it is damaged or incomplete. Download or export it again and import the new copy.';

/** Pages read between two of pdf.js's cache clean-ups. */
const CLEANUP_EVERY = 20;

export interface PdfContent {
  body: DocumentBody;
  pageCount: number;
  /** The information dictionary (Title, Author, CreationDate, …) as pdf.js gives it. */
  info: Record<string, unknown>;
}

// pdf.js looks for its parser here before it would start a worker of its own: registered, it parses in this thread.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsParser;

function readerError(error: unknown): Error {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return pdfUnreadable(ENCRYPTED);
  if (
    name === 'InvalidPDFException' ||
    name === 'FormatError' ||
    name === 'UnknownErrorException' ||
    name === 'MissingPDFException'
  )
    return pdfUnreadable(BROKEN);
  return error instanceof Error ? error : pdfUnreadable(BROKEN);
}

/**
 * Reads the PDF in `bytes`, calling `onPage(done, total)` after each page. Rejects with an 'unreadable-file' LectioError when the file
 * is encrypted, broken, or has no text on any page.
 */
export async function readPdf(
  bytes: Uint8Array,
  onPage: (done: number, total: number) => void = () => undefined,
): Promise<PdfContent> {
  // pdf.js takes the buffer over; a copy keeps the caller's bytes intact.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw readerError(error);
  }
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      pages.push(await pageText(document, number));
      onPage(number, document.numPages);
      // pdf.js keeps every page it has parsed (and its resources) until told otherwise: without this, reading a
      // 300-page file holds hundreds of megabytes at its end.
      if (number % CLEANUP_EVERY === 0) await document.cleanup();
    }
    if (!pages.some((page) => page.items.some((item) => /[\p{L}\p{N}]/u.test(item.text))))
      throw pdfUnreadable(NO_TEXT_LAYER);
    const body = layoutPdf(pages);
    if (!/[\p{L}\p{N}]/u.test(body.text)) throw pdfUnreadable(NO_TEXT_LAYER);
    const { info } = await document.getMetadata().catch(() => ({ info: {} }));
    return { body, pageCount: document.numPages, info: (info ?? {}) as Record<string, unknown> };
  } catch (error) {
    throw isLectioError(error, 'unreadable-file') ? error : readerError(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

type LoadedDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

/** One page's text items in page units, y downward from the top (the viewport's transform applied, so rotation too). */
async function pageText(document: LoadedDocument, number: number): Promise<PdfPageText> {
  const page = await document.getPage(number);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      items.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) || item.height });
    }
    return { width: viewport.width, height: viewport.height, items };
  } finally {
    page.cleanup();
  }
}
