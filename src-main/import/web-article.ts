/// <reference lib="dom" />
/**
 * Turns a fetched web page into a document for the library, in the main process: the content type decides the path
 * (HTML is read as an article; PDFs go to the PDF import before this; EPUB is refused as the file import refuses it;
 * anything else by name), and the page goes through the very pipeline the renderer uses for HTML files
 * (html-to-body.ts), run in a jsdom window whose address is the page's own, so relative links resolve against the site. jsdom runs no scripts and loads nothing here:
 * runScripts and resources are left unset, and DOMParser documents are inert besides.
 */
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { decodeText } from '../core/import/decode';
import { isLectioError } from '../core/errors';
import { documentFormatRefusal, looksLikeHtml } from '../core/import/sniff';
import type { DocumentBody } from '../core/model';
import type { PendingImage } from '@html-import/article-builder';
import { htmlToArticle } from '@html-import/html-to-body';
import { pageFetchError, type FetchedPage } from './fetch-page';

export interface WebArticle {
  title: string;
  /** The site name and author when the page gives them, else the site's host. */
  source: string;
  publishedDate: string | null;
  body: DocumentBody;
  /** The page's address after redirects. */
  url: string;
  authors: string[];
  siteName: string;
  language: string;
  /** The canonical address the page names, when it is http(s) and differs from `url`; else ''. */
  canonicalUrl: string;
  modifiedDate: string | null;
  /** The pictures to download, each tied to its image block in `body`. */
  images: PendingImage[];
  /** The page's own lead picture's address (og:image), resolved; '' when none. */
  leadImageUrl: string;
}

/** `raw` resolved against `base` when it is an http(s) address; else ''. */
function webAddress(raw: string, base: string): string {
  if (!raw) return '';
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/** How the article is read: `wholePage` takes the page's whole text when it has no article (the reader's choice). */
export interface WebArticleOptions {
  wholePage?: boolean;
}

/** The message a page without an article is refused with; the UI offers to import the whole page then. */
export const NO_ARTICLE_MESSAGE =
  'No article found on this page: most of its text is links (a menu or a list of headlines), or it has no text at all.';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Decodes the page's bytes in the charset its server named, falling back to the file import's own detection. */
function pageText(page: FetchedPage): string {
  if (page.charset) {
    try {
      return new TextDecoder(page.charset).decode(page.bytes);
    } catch {
      // An unknown charset name: let the bytes speak for themselves.
    }
  }
  try {
    return decodeText(page.bytes, 'This page');
  } catch (error) {
    if (isLectioError(error, 'unreadable-file')) throw pageFetchError(error.message);
    throw error;
  }
}

/** Refuses what is not a web page, naming what it is instead. */
function checkKind(page: FetchedPage): void {
  const formatRefusal = documentFormatRefusal(page.bytes);
  // PDFs never get here: the service sends them to the PDF import (isPdfPage in services/pdf-import.ts).
  if (page.mediaType === 'application/epub+zip' || (formatRefusal && /EPUB/.test(formatRefusal))) {
    throw pageFetchError(
      'This address is an EPUB e-book, and EPUB import is not available yet. Open it in its own reader, copy the text and paste it here.',
    );
  }
  if (HTML_TYPES.has(page.mediaType)) return;
  // No type at all: the bytes may still be a page.
  if (!page.mediaType && !formatRefusal && looksLikeHtml(new TextDecoder().decode(page.bytes.subarray(0, 4096))))
    return;
  throw pageFetchError(
    `This address is not a web page (it is ${page.mediaType || 'of an unknown type'}), so there is no article to save.`,
  );
}

/** The article in a fetched page; throws pageFetchError when the page is not HTML or holds no article. */
export function webPageToArticle(page: FetchedPage, options: WebArticleOptions = {}): WebArticle {
  checkKind(page);
  return htmlToWebArticle(pageText(page), page.url, options);
}

/**
 * The article in a page's HTML, read as if it had come from `url` (relative links resolve against it): the parse half
 * of webPageToArticle, also given the rendered DOM the browser extension sends. Throws pageFetchError when it holds no
 * article.
 */
export function htmlToWebArticle(html: string, url: string, options: WebArticleOptions = {}): WebArticle {
  const { window } = new JSDOM('', { url });
  try {
    const article = htmlToArticle(
      html,
      { parser: new window.DOMParser(), purify: DOMPurify(window), appOrigin: '' },
      { imagesFrom: url, wholePage: options.wholePage },
    );
    if (!article.body.text.trim() || article.noArticle) throw pageFetchError(NO_ARTICLE_MESSAGE);
    const host = new URL(url).hostname.replace(/^www\./, '');
    const { metadata } = article;
    const canonical = webAddress(metadata.canonicalUrl, url);
    return {
      title: article.title,
      source: article.byline || host,
      publishedDate: article.publishedDate,
      body: article.body,
      url: url,
      authors: metadata.authors,
      siteName: article.siteName,
      language: metadata.language,
      canonicalUrl: canonical && canonical !== url ? canonical : '',
      modifiedDate: metadata.modifiedDate,
      images: article.images,
      leadImageUrl: webAddress(metadata.image, url),
    };
  } finally {
    window.close();
  }
}
