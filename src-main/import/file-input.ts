/// <reference lib="dom" />
/**
 * The import request for a file read in the main process (the command-line import): what the renderer's import panel
 * sends for the same file (opened-file.ts), with HTML reduced to its article by the same pipeline, run in jsdom.
 * Throws an 'unreadable-file' LectioError for what is not an article file (a PDF, an EPUB, a binary file) and when an HTML file
 * holds no article.
 */
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImportDocumentInput } from '../api/contract';
import { unreadableFile } from '../core/import/decode';
import { splitTitleLine } from '../core/import/plain-text';
import { readArticleBytes } from '../core/import/sniff';
import { htmlToArticle } from '@html-import/html-to-body';

function htmlInput(html: string, file: string, fileName: string): ImportDocumentInput {
  const { window } = new JSDOM('', { url: pathToFileURL(file).href });
  try {
    const article = htmlToArticle(html, { parser: new window.DOMParser(), purify: DOMPurify(window), appOrigin: '' });
    if (!article.body.text.trim()) throw unreadableFile(`No readable text was found in ${fileName}.`);
    if (article.noArticle) throw unreadableFile(`No article found in ${fileName}: most of its text is links.`);
    return {
      text: article.body.text,
      format: 'structured',
      body: article.body,
      title: article.title || fileName.replace(/\.html?$/i, ''),
      ...(article.byline ? { source: article.byline } : {}),
      ...(article.publishedDate ? { publishedDate: article.publishedDate } : {}),
      fileName,
    };
  } finally {
    window.close();
  }
}

/** The import request for the file at `file` whose bytes are `bytes`. */
export function fileImportInput(file: string, bytes: Uint8Array): ImportDocumentInput {
  const fileName = path.basename(file);
  const { text, format } = readArticleBytes(bytes, fileName);
  if (format === 'html') return htmlInput(text, file, fileName);
  const split = format === 'text' ? splitTitleLine(text) : null;
  if (split) return { text: split.rest, format: 'text', title: split.title, fileName };
  return { text, format, title: fileName.replace(/\.(txt|md|markdown)$/i, ''), fileName };
}
