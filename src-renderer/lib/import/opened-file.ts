/** What importing a file takes, whatever brought the file in (the import panel, the desktop's file associations). */
import type { ImportDocumentInput, OpenedFile } from '../../../src-main/api/contract';
import { htmlToArticle } from './html-to-body';

/** The import request for a decoded file: HTML is sanitised and reduced here, text and Markdown go as they are. */
export function importInputFor(file: OpenedFile): ImportDocumentInput {
  if (/\.html?$/i.test(file.fileName)) {
    const article = htmlToArticle(file.text);
    if (!article.body.text.trim()) throw new Error(`No readable text was found in ${file.fileName}.`);
    return {
      text: article.body.text,
      format: 'structured',
      body: article.body,
      title: article.title || file.fileName.replace(/\.html?$/i, ''),
      ...(article.byline ? { source: article.byline } : {}),
      fileName: file.fileName,
    };
  }
  return { text: file.text, format: file.format, title: file.fileName.replace(/\.(txt|md|markdown)$/i, ''), fileName: file.fileName };
}
