/**
 * HTML import, in the renderer where a real DOM parser lives: the page's nesting is capped (flatten-markup.ts), its
 * metadata read (html-metadata.ts), then it is sanitised with DOMPurify before anything else reads it, reduced to its
 * article with Readability, sanitised again, and walked into Lectio's document model (article-builder.ts). Nothing
 * from the page is ever inserted into the app's DOM: DOMParser documents are inert (no scripts run, no images load),
 * and what leaves this module is plain data.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import type { DocumentBody } from '@core/model';
import { buildBody } from './article-builder';
import { flattenMarkup } from './flatten-markup';
import { readPageMetadata } from './html-metadata';

/**
 * The DOM the pipeline runs in: the renderer's own by default; the main process passes a jsdom window's parser and a
 * DOMPurify bound to that window (web-page import, src-main/import/web-article.ts).
 */
export interface HtmlEnvironment {
  parser: DOMParser;
  purify: Pick<typeof DOMPurify, 'sanitize'>;
  /** The origin of the page the parser's documents belong to when it is the app's own (links to it are dropped). */
  appOrigin: string;
}

function browserEnvironment(): HtmlEnvironment {
  return { parser: new DOMParser(), purify: DOMPurify, appOrigin: window.location.origin };
}

export interface HtmlArticle {
  title: string;
  /** Who wrote it and where, as the Source field shows it ("The Harbour Times, Ana Costa"); empty when unknown. */
  byline: string;
  /** The page's site name as it gives it, or ''. */
  siteName: string;
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

/** A page title without the site's name that `<title>` often appends ("Tide gauges | Coastal Notes"). */
function withoutSiteName(title: string, siteName: string): string {
  if (!siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s+[|–—·:-]\\s+${escaped}\\s*$`, 'i'), '').trim();
  return stripped || title;
}

/** The article in an HTML page or fragment; its body is empty when the page holds no readable text. */
export function htmlToArticle(html: string, env: HtmlEnvironment = browserEnvironment()): HtmlArticle {
  const { parser, purify } = env;
  const flat = flattenMarkup(html);
  const metadata = readPageMetadata(parser.parseFromString(flat, 'text/html'));
  const clean = purify.sanitize(flat, { ...PURIFY, RETURN_DOM: false }) as string;
  const page = parser.parseFromString(clean, 'text/html');
  const fallbackTitle = page.title.trim();
  const article = new Readability(page.cloneNode(true) as Document).parse();
  const content = article?.content ? (purify.sanitize(article.content, { ...PURIFY, WHOLE_DOCUMENT: false }) as string) : page.body.innerHTML;
  const root = parser.parseFromString(`<body>${content}</body>`, 'text/html').body;
  const { body, linkShare } = buildBody(root, env.appOrigin);
  const siteName = metadata.siteName || (article?.siteName ?? '').trim();
  return {
    title: withoutSiteName((metadata.title || article?.title || fallbackTitle).trim(), siteName),
    byline: bylineOf(siteName, metadata.author || (article?.byline ?? '').trim()),
    siteName,
    publishedDate: metadata.publishedDate,
    body,
    noArticle: body.text.trim().length === 0 || linkShare > MAX_LINK_SHARE,
  };
}
