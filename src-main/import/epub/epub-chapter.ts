/// <reference lib="dom" />
/**
 * One chapter's XHTML into Lectio's document model, through the same steps as an HTML file, less Readability (a
 * chapter is all article: there is no page furniture to find): nesting capped (flatten-markup.ts), DOMPurify, then the
 * article builder. Nothing in the chapter can run: the markup is parsed by an inert jsdom parser, scripts, handlers,
 * styles, forms and embedded objects are removed by DOMPurify, and what leaves is plain data. Links inside the book
 * (`chapter3.xhtml#note2`) resolve to nothing on the web and are dropped as marks; web links are kept.
 */
import type DOMPurify from 'dompurify';
import type { DocumentBody } from '../../core/model';
import { buildBody } from '@html-import/article-builder';
import { flattenMarkup, VOID_ELEMENTS } from '@html-import/flatten-markup';
import { PURIFY_FORBIDDEN } from '@html-import/html-to-body';

/**
 * XHTML's self-closed elements as HTML would read them: `<a id="p7"/>` or `<div class="rule"/>` is an empty element
 * in XML, but an open one to an HTML parser, which would then swallow the paragraphs after it into a link or a div.
 */
export function openSelfClosed(xhtml: string): string {
  return xhtml.replace(
    /<([a-zA-Z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/>/g,
    (whole, name: string, attrs: string) =>
      VOID_ELEMENTS.has(name.toLowerCase()) ? whole : `<${name}${attrs}></${name}>`,
  );
}

export interface ChapterEnvironment {
  purify: Pick<typeof DOMPurify, 'sanitize'>;
}

/**
 * The chapter's body (empty when it holds no text: a cover image, a blank page). DOMPurify hands back the sanitised
 * `<body>` itself (RETURN_DOM), walked as it is: serialising it and parsing it again would double the cost of a book.
 * The `<head>` (its `<title>`, styles, scripts) is not part of what it returns.
 */
export function chapterBody(xhtml: string, env: ChapterEnvironment): DocumentBody {
  return chapterContent(xhtml, env).body;
}

/** A chapter's body and its pictures: each image block's index in `body.blocks` and the book file it shows. */
export interface ChapterContent {
  body: DocumentBody;
  images: { block: number; path: string }[];
}

// Pictures pass DOMPurify as `<img>` with no address at all (nothing can load): only the book file they show, in the
// attribute the article builder reads (article-builder.ts), set here from `src` resolved inside the book.
const PURIFY_WITH_IMAGES = {
  ...PURIFY_FORBIDDEN,
  FORBID_TAGS: PURIFY_FORBIDDEN.FORBID_TAGS.filter((tag) => tag !== 'img'),
};
const IMG_SRC = /<img\b([^>]*?)\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * As chapterBody, keeping the chapter's pictures: `resolve` turns an `<img src>` into the book file it names (null for
 * anything outside the book, which is never fetched). Without `resolve`, pictures are dropped.
 */
export function chapterContent(
  xhtml: string,
  env: ChapterEnvironment,
  resolve?: (src: string) => string | null,
): ChapterContent {
  let markup = openSelfClosed(xhtml);
  if (resolve)
    markup = markup.replace(IMG_SRC, (_whole, before: string, double?: string, single?: string) => {
      const file = resolve(double ?? single ?? '');
      return file ? `<img${before} data-lectio-src="${encodeURI(file)}"` : `<img${before}`;
    });
  const flat = flattenMarkup(markup);
  const config = resolve ? PURIFY_WITH_IMAGES : PURIFY_FORBIDDEN;
  const root = env.purify.sanitize(flat, { ...config, RETURN_DOM: true }) as unknown as Element;
  const built = buildBody(root, '');
  const images = built.images.map(({ block, src }) => ({
    block: built.body.blocks.indexOf(block),
    path: decodeURI(src),
  }));
  return { body: built.body, images: images.filter((image) => image.block >= 0) };
}
