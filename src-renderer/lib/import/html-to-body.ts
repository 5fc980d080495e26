/**
 * HTML import, in the renderer where a real DOM parser lives: the page is sanitised with DOMPurify before anything
 * reads it, reduced to its article with Readability, sanitised again, and walked into Lectio's document model (text,
 * blocks, marks). Nothing from the page is ever inserted into the app's DOM: DOMParser documents are inert (no
 * scripts run, no images load), and what leaves this module is plain data.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import type { Block, BlockKind, DocumentBody, Mark, MarkKind } from '../../../src-main/core/model';
import { safeHref } from '../../../src-main/core/import/safe-href';

export interface HtmlArticle {
  title: string;
  byline: string;
  body: DocumentBody;
}

const PURIFY = {
  WHOLE_DOCUMENT: true,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'video', 'audio', 'img', 'picture', 'source', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset', 'src', 'background', 'poster'],
};

const BLOCKS: Record<string, { kind: BlockKind; level?: number }> = {
  P: { kind: 'paragraph' },
  DIV: { kind: 'paragraph' },
  PRE: { kind: 'paragraph' },
  LI: { kind: 'list-item', level: 1 },
  BLOCKQUOTE: { kind: 'quote' },
  H1: { kind: 'heading', level: 1 },
  H2: { kind: 'heading', level: 2 },
  H3: { kind: 'heading', level: 3 },
  H4: { kind: 'heading', level: 4 },
  H5: { kind: 'heading', level: 5 },
  H6: { kind: 'heading', level: 6 },
};

const INLINE: Record<string, MarkKind> = { EM: 'emphasis', I: 'emphasis', STRONG: 'strong', B: 'strong', A: 'link', CODE: 'code' };

interface Builder {
  text: string;
  blocks: Block[];
  marks: Mark[];
  /** Text of the block being built, before whitespace is settled. */
  open: boolean;
}

function appendText(builder: Builder, raw: string): void {
  const text = raw.replace(/\s+/g, ' ');
  if (!text) return;
  if (!builder.open) {
    if (builder.text.length > 0) builder.text += '\n';
    builder.open = true;
    builder.blocks.push({ kind: 'paragraph', start: builder.text.length, end: builder.text.length });
  }
  const block = builder.blocks[builder.blocks.length - 1] as Block;
  const atStart = builder.text.length === block.start;
  const collapsed = atStart || builder.text.endsWith(' ') ? text.replace(/^ /, '') : text;
  builder.text += collapsed;
  block.end = builder.text.length;
}

function closeBlock(builder: Builder, kind: BlockKind, level: number | undefined): void {
  if (!builder.open) return;
  builder.open = false;
  const block = builder.blocks[builder.blocks.length - 1] as Block;
  // Trailing spaces belong to no block; drop them from the text so the next block starts cleanly.
  const trimmed = builder.text.replace(/ +$/, '');
  builder.text = trimmed;
  block.end = Math.min(block.end, trimmed.length);
  block.kind = kind;
  if (level !== undefined) block.level = level;
  if (block.end <= block.start) builder.blocks.pop();
}

function walk(builder: Builder, node: Node, listDepth: number): void {
  if (node.nodeType === Node.TEXT_NODE) {
    appendText(builder, node.textContent ?? '');
    return;
  }
  if (!(node instanceof Element)) return;
  if (node.tagName === 'BR') return appendText(builder, ' ');
  const block = BLOCKS[node.tagName];
  const depth = node.tagName === 'UL' || node.tagName === 'OL' ? listDepth + 1 : listDepth;
  if (block) closeBlock(builder, 'paragraph', undefined);
  const markKind = INLINE[node.tagName];
  const start = builder.text.length;
  for (const child of node.childNodes) walk(builder, child, depth);
  if (markKind && builder.text.length > start) addMark(builder, node, markKind, start);
  if (block) closeBlock(builder, block.kind, block.kind === 'list-item' ? Math.max(1, depth) : block.level);
}

function addMark(builder: Builder, node: Element, kind: MarkKind, start: number): void {
  const mark: Mark = { kind, start, end: builder.text.length };
  if (kind === 'link') {
    const href = safeHref(node.getAttribute('href') ?? '');
    // Readability resolves relative links against the app's own page, which would turn `/x` (or a mangled scheme) into
    // a link to Lectio itself; such a link means nothing outside its site, so it is dropped like any unsafe one.
    if (!href || href.startsWith(`${window.location.origin}/`)) return;
    mark.href = href;
  }
  builder.marks.push(mark);
}

/** The article in an HTML page or fragment; its body is empty when the page holds no readable text. */
export function htmlToArticle(html: string): HtmlArticle {
  const clean = DOMPurify.sanitize(html, { ...PURIFY, RETURN_DOM: false }) as string;
  const page = new DOMParser().parseFromString(clean, 'text/html');
  const fallbackTitle = page.title.trim();
  const article = new Readability(page.cloneNode(true) as Document).parse();
  const content = article?.content ? (DOMPurify.sanitize(article.content, { ...PURIFY, WHOLE_DOCUMENT: false }) as string) : page.body.innerHTML;
  const root = new DOMParser().parseFromString(`<body>${content}</body>`, 'text/html').body;
  const builder: Builder = { text: '', blocks: [], marks: [], open: false };
  walk(builder, root, 0);
  closeBlock(builder, 'paragraph', undefined);
  const marks = builder.marks.filter((mark) => mark.end > mark.start && mark.end <= builder.text.length);
  return {
    title: (article?.title ?? fallbackTitle).trim(),
    byline: (article?.byline ?? article?.siteName ?? '').trim(),
    body: { text: builder.text, blocks: builder.blocks, marks: marks.sort((a, b) => a.start - b.start) },
  };
}
