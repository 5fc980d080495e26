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
import { buildBody, type PendingImage } from './article-builder';
import { liftByline } from './byline-block';
import { flattenMarkup } from './flatten-markup';
import { readPageMetadata, type PageMetadata } from './html-metadata';
import { removeFurniture, removeLinkBoxes } from './page-clutter';
import { preparePageImages } from './page-images';

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

/** How a page is read: by default its article alone, without pictures (a file's pictures are not at hand). */
export interface HtmlReadOptions {
  /** The page's own address: its pictures are kept as image blocks to download, their addresses resolved against it. */
  imagesFrom?: string;
  /** Read the whole page's text instead of looking for an article (the reader's "Import anyway"). */
  wholePage?: boolean;
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
  /** Everything the page says about itself (authors, dates, language...). */
  metadata: PageMetadata;
  /** The pictures to download (only with `imagesFrom`), each tied to its image block in `body`. */
  images: PendingImage[];
}

/** Above this share of its text in links, a page is navigation or a list of headlines, not an article. */
const MAX_LINK_SHARE = 0.5;

/** What DOMPurify removes from imported markup (web pages, HTML files, book chapters): anything that runs, embeds or styles. */
export const PURIFY_FORBIDDEN = {
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'frame',
    'object',
    'embed',
    'svg',
    'math',
    'video',
    'audio',
    'img',
    'picture',
    'source',
    'link',
    'meta',
    'base',
  ],
  FORBID_ATTR: ['style', 'srcset', 'src', 'background', 'poster'],
};

const PURIFY = { WHOLE_DOCUMENT: true, ...PURIFY_FORBIDDEN };

/**
 * The same, keeping `<img>` for pictures page-images.ts prepared: still no `src` or `srcset` (nothing can load), only
 * the address to download from in a data attribute, read by the main process and never put back into any page.
 */
const PURIFY_WITH_IMAGES = { ...PURIFY, FORBID_TAGS: PURIFY.FORBID_TAGS.filter((tag) => tag !== 'img') };

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
export function htmlToArticle(
  html: string,
  env: HtmlEnvironment = browserEnvironment(),
  options: HtmlReadOptions = {},
): HtmlArticle {
  const { parser, purify } = env;
  const flat = flattenMarkup(html);
  const parsed = parser.parseFromString(flat, 'text/html');
  const metadata = readPageMetadata(parsed);
  let markup = flat;
  if (options.imagesFrom) {
    preparePageImages(parsed, options.imagesFrom);
    markup = `<!doctype html>${parsed.documentElement.outerHTML}`;
  }
  const config = options.imagesFrom ? PURIFY_WITH_IMAGES : PURIFY;
  const clean = purify.sanitize(markup, { ...config, RETURN_DOM: false }) as string;
  const page = parser.parseFromString(clean, 'text/html');
  const fallbackTitle = page.title.trim();
  // Furniture goes before Readability scores the page, so a share bar can neither win nor split the article.
  removeFurniture(page.body);
  const article = options.wholePage ? null : new Readability(page.cloneNode(true) as Document).parse();
  const content = article?.content
    ? (purify.sanitize(article.content, { ...config, WHOLE_DOCUMENT: false }) as string)
    : page.body.innerHTML;
  const root = parser.parseFromString(`<body>${content}</body>`, 'text/html').body;
  if (!options.wholePage) {
    removeFurniture(root);
    removeLinkBoxes(root);
  }
  const built = buildBody(root, env.appOrigin);
  const { linkShare, images } = built;
  const siteName = metadata.siteName || (article?.siteName ?? '').trim();
  // The page's own byline line goes (its names are in the metadata); a date in it stays, as the dateline.
  const writers = [
    ...metadata.authors,
    ...(article?.byline ?? '').replace(/^by\s+/i, '').split(/\s*(?:,|\band\b|&)\s*/),
  ];
  const body = options.wholePage ? built.body : liftByline(built.body, writers, siteName);
  return {
    title: withoutSiteName((metadata.title || article?.title || fallbackTitle).trim(), siteName),
    byline: bylineOf(siteName, metadata.author || (article?.byline ?? '').trim()),
    siteName,
    publishedDate: metadata.publishedDate,
    body,
    noArticle: body.text.trim().length === 0 || (!options.wholePage && linkShare > MAX_LINK_SHARE),
    metadata,
    images,
  };
}
