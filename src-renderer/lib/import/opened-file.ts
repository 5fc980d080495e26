/** What importing a file takes, whatever brought the file in (the import panel, the desktop's file associations). */
import type { ImportDocumentInput, OpenedFile } from '@contract';
import { splitTitleLine } from '@core/import/plain-text';
import { splitMarkdownTitle } from '@core/import/markdown-title';
import { htmlToArticle } from './html-to-body';

/**
 * The import request for a decoded file: HTML is sanitised and reduced here, text and Markdown go as they are (a text
 * file's first line becomes its title when it is one). A PDF or an EPUB is not one of these: it goes to importPdf or importEpub as it is. Throws when a page holds no article: the import panel, which
 * can ask the reader, offers to import it anyway.
 */
export function importInputFor(file: OpenedFile): ImportDocumentInput {
  if (file.format === 'pdf') throw new Error(`${file.fileName} is a PDF: it is imported with importPdf, not as text.`);
  if (file.format === 'epub')
    throw new Error(`${file.fileName} is a book: it is imported with importEpub, not as an article.`);
  if (file.format === 'html') {
    const article = htmlToArticle(file.text);
    if (!article.body.text.trim()) throw new Error(`No readable text was found in ${file.fileName}.`);
    if (article.noArticle)
      throw new Error(
        `No article found in ${file.fileName}: most of its text is links. Open it from Import article to import it anyway.`,
      );
    return {
      text: article.body.text,
      format: 'structured',
      body: article.body,
      title: article.title || file.fileName.replace(/\.html?$/i, ''),
      ...(article.byline ? { source: article.byline } : {}),
      ...(article.publishedDate ? { publishedDate: article.publishedDate } : {}),
      fileName: file.fileName,
    };
  }
  // Its first line (text) or opening heading (Markdown) names it, and is not read twice.
  const split =
    file.format === 'text'
      ? splitTitleLine(file.text)
      : file.format === 'markdown'
        ? splitMarkdownTitle(file.text)
        : null;
  if (split) return { text: split.rest, format: file.format, title: split.title, fileName: file.fileName };
  return {
    text: file.text,
    format: file.format,
    title: file.fileName.replace(/\.(txt|md|markdown)$/i, ''),
    fileName: file.fileName,
  };
}
