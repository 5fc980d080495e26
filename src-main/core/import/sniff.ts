/**
 * Decides what a file is from its bytes, not its name: a PDF, an EPUB or an office document is refused with a message
 * naming it (a PDF written in plain ASCII would otherwise import as `%PDF-1.4 1 0 obj …`), and a web page is read as
 * HTML whatever it is called. Only when the bytes cannot tell (text or Markdown) does the extension decide.
 */
import { decodeText, unreadableFile } from './decode';

/** How a file's text is imported. */
export type FileFormat = 'text' | 'markdown' | 'html';

const ASCII = new TextDecoder('latin1');

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

/** True when the bytes are an EPUB: a zip whose first entry is the stored `mimetype` naming the format. */
export function isEpubBytes(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) &&
    ASCII.decode(bytes.subarray(30, 58)) === 'mimetypeapplication/epub+zip'
  );
}

const COPY_INSTEAD =
  'Open it in its own reader, copy the article’s text, and paste it here; or save it as text, Markdown or HTML.';

/** Whether the bytes are a PDF: PDF readers accept the header anywhere in the first kilobyte, after junk a mail program may have added. */
export function isPdfBytes(bytes: Uint8Array): boolean {
  return /(?:^|[\r\n])%PDF-\d/.test(ASCII.decode(bytes.subarray(0, 1024)));
}

/** The message refusing a document format Lectio cannot read yet, or null when the bytes are none of them. */
export function documentFormatRefusal(bytes: Uint8Array): string | null {
  const head = ASCII.decode(bytes.subarray(0, 1024));
  if (isPdfBytes(bytes)) return `PDF import is not available yet: this file is a PDF document. ${COPY_INSTEAD}`;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (head.slice(30, 58) === 'mimetypeapplication/epub+zip')
      return `EPUB import is not available yet: this file is an EPUB e-book. ${COPY_INSTEAD}`;
    if (/word\/|ppt\/|xl\/|\[Content_Types\]\.xml|mimetypeapplication\/vnd\.oasis/.test(head))
      return `This file is an office document (Word, OpenDocument or similar), which Lectio cannot import. ${COPY_INSTEAD}`;
    return `This file is a ZIP archive, not an article. ${COPY_INSTEAD}`;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return `This file is an older office document (Word or Excel), which Lectio cannot import. ${COPY_INSTEAD}`;
  if (head.startsWith('{\\rtf')) return `This file is an RTF document, which Lectio cannot import. ${COPY_INSTEAD}`;
  return null;
}

/** A page announces itself in its first characters, after any comments: a doctype or an <html> tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .replace(/^(?:\s|<!--[\s\S]*?-->)*/, '');
  return /^<!doctype\s+html/i.test(head) || /^<html[\s>]/i.test(head);
}

function formatForName(name: string): FileFormat {
  if (/\.html?$/i.test(name)) return 'html';
  return /\.(md|markdown|mdown)$/i.test(name) ? 'markdown' : 'text';
}

/**
 * Returns the file's text and how to import it; throws the 'unreadable-file' error for document formats Lectio does not read
 * (PDF, EPUB, office files), binary files, files over the size limit and unknown encodings.
 */
export function readArticleBytes(bytes: Uint8Array, name: string): { text: string; format: FileFormat } {
  const refusal = documentFormatRefusal(bytes);
  if (refusal) throw unreadableFile(refusal);
  const text = decodeText(bytes, name);
  return { text, format: looksLikeHtml(text) ? 'html' : formatForName(name) };
}
