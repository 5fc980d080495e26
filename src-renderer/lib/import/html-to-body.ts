/**
 * HTML import, in the renderer where a real DOM parser lives: the page's nesting is capped (flatten-markup.ts), its
 * metadata read (html-metadata.ts), then it is sanitised with DOMPurify before anything else reads it, reduced to its
 * article with Readability, sanitised again, and walked into Lectio's document model (article-builder.ts). Nothing
 * from the page is ever inserted into the app's DOM: DOMParser documents are inert (no scripts run, no images load),
 * and what leaves this module is plain data.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import type { DocumentBody } from '../../../src-main/core/model';
import { buildBody } from './article-builder';
import { flattenMarkup } from './flatten-markup';
import { readPageMetadata } from './html-metadata';

export interface HtmlArticle {
  title: string;
  /** Who wrote it and where, as the Source field shows it ("The Harbour Times, Ana Costa"); empty when unknown. */
  byline: string;
  /** The page's published date (YYYY-MM-DD), or null. */
  publishedDate: string | null;
  body: DocumentBody;
  /** True when no article was found: the text is mostly link text (navigation, a list of headlines). */
  noArticle: boolean;
}

/** Above this share of its text in links, a page is navigation or a list of headlines, not an article. */
const MAX_LINK_SHARE = 0.5;

const PURIFY = {
  WHOLE_DOCUMENT: true,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'video', 'audio', 'img', 'picture', 'source', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset', 'src', 'background', 'poster'],
};

function bylineOf(siteName: string, author: string): string {
  if (!siteName || !author || siteName.toLowerCase() === author.toLowerCase()) return siteName || author;
  return `${siteName}, ${author}`;
}

/** The article in an HTML page or fragment; its body is empty when the page holds no readable text. */
export function htmlToArticle(html: string): HtmlArticle {
  const flat = flattenMarkup(html);
  const metadata = readPageMetadata(new DOMParser().parseFromString(flat, 'text/html'));
  const clean = DOMPurify.sanitize(flat, { ...PURIFY, RETURN_DOM: false }) as string;
  const page = new DOMParser().parseFromString(clean, 'text/html');
  const fallbackTitle = page.title.trim();
  const article = new Readability(page.cloneNode(true) as Document).parse();
  const content = article?.content ? (DOMPurify.sanitize(article.content, { ...PURIFY, WHOLE_DOCUMENT: false }) as string) : page.body.innerHTML;
  const root = new DOMParser().parseFromString(`<body>${content}</body>`, 'text/html').body;
  const { body, linkShare } = buildBody(root);
  return {
    title: (metadata.title || article?.title || fallbackTitle).trim(),
    byline: bylineOf(metadata.siteName || (article?.siteName ?? '').trim(), metadata.author || (article?.byline ?? '').trim()),
    publishedDate: metadata.publishedDate,
    body,
    noArticle: body.text.trim().length === 0 || linkShare > MAX_LINK_SHARE,
  };
}
