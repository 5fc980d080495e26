/**
 * Walks sanitised article markup into Lectio's document model: one canonical text, blocks and marks as offset ranges.
 * The text is collected as pieces and joined once, so a long article costs time in proportion to its length (growing
 * and re-scanning one string per paragraph took 77 s for a 2 MB page). Blocks that are only an advertising label
 * ("Advertisement", "Story continues below advertisement") are page furniture, not article, and are dropped.
 */
import type { Block, BlockKind, DocumentBody, Mark, MarkKind } from '@core/model';
import { safeHref } from '@core/import/safe-href';

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
  FIGCAPTION: { kind: 'caption' },
};

/** The attribute page-images.ts leaves on each picture it kept: the address to download it from. */
const IMAGE_SOURCE = 'data-lectio-src';

/** A picture found in the article: its image block (its id filled in once downloaded) and where to fetch it. */
export interface PendingImage {
  block: Block;
  src: string;
}

const INLINE: Record<string, MarkKind> = {
  EM: 'emphasis',
  I: 'emphasis',
  STRONG: 'strong',
  B: 'strong',
  A: 'link',
  CODE: 'code',
};

/** A block's whole text, lower-cased and stripped of punctuation, that marks it as an advertising label. */
const AD_LABEL =
  /^(?:advertisements?|advertising|advertisement (?:scroll|swipe) to continue(?: reading)?|ads?|sponsored(?: content| post| links?)?|paid (?:content|post|partner content)|promoted(?: content| stories)?|partner content|(?:the )?(?:story|article|content|text) continues (?:below|after)(?: (?:this|the))? (?:advertisement|ad)|continue reading (?:below|the main story)|skip advertisement)$/;

/** True when a block holds nothing but an advertising label. */
export function isAdLabel(text: string): boolean {
  if (text.length > 80) return false;
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return AD_LABEL.test(words);
}

interface Builder {
  parts: string[];
  length: number;
  endsWithSpace: boolean;
  blocks: Block[];
  marks: Mark[];
  /** Characters of text inside `<a>` elements, whatever their target (a site's relative links are dropped as marks). */
  linked: number;
  /** Whether a block is being built, and where it began (its first piece, the marks before it, a newline before it). */
  open: { part: number; marks: number; newline: boolean } | null;
  /** The app's own origin when the page was parsed inside the app (links resolved against it mean nothing); or ''. */
  appOrigin: string;
  images: PendingImage[];
}

function push(builder: Builder, piece: string): void {
  builder.parts.push(piece);
  builder.length += piece.length;
  builder.endsWithSpace = piece.endsWith(' ');
}

function appendText(builder: Builder, raw: string): void {
  const text = raw.replace(/\s+/g, ' ');
  if (!text) return;
  if (!builder.open) {
    const newline = builder.length > 0;
    if (newline) push(builder, '\n');
    builder.open = { part: builder.parts.length, marks: builder.marks.length, newline };
    builder.blocks.push({ kind: 'paragraph', start: builder.length, end: builder.length });
  }
  const block = builder.blocks[builder.blocks.length - 1] as Block;
  const atStart = builder.length === block.start;
  const collapsed = atStart || builder.endsWithSpace ? text.replace(/^ /, '') : text;
  if (!collapsed) return;
  push(builder, collapsed);
  block.end = builder.length;
}

/** Takes the text back to `length`, dropping the pieces after `part`; marks that ran past it end there. */
function truncate(builder: Builder, part: number, length: number, marksFrom: number): void {
  builder.parts.length = part;
  builder.length = length;
  builder.endsWithSpace = false;
  for (let i = marksFrom; i < builder.marks.length; i++) {
    const mark = builder.marks[i] as Mark;
    mark.end = Math.min(mark.end, length);
  }
}

function closeBlock(builder: Builder, kind: BlockKind, level: number | undefined): void {
  const open = builder.open;
  if (!open) return;
  builder.open = null;
  const block = builder.blocks[builder.blocks.length - 1] as Block;
  // A trailing space belongs to no block; drop it so the next block starts cleanly.
  if (builder.endsWithSpace) {
    const last = builder.parts.pop() as string;
    builder.length -= last.length;
    push(builder, last.slice(0, -1));
  }
  block.end = Math.min(block.end, builder.length);
  block.kind = kind;
  if (level !== undefined) block.level = level;
  const empty = block.end <= block.start;
  if (empty || isAdLabel(builder.parts.slice(open.part).join(''))) {
    builder.blocks.pop();
    const part = open.newline ? open.part - 1 : open.part;
    truncate(builder, part, open.newline ? block.start - 1 : block.start, open.marks);
  }
}

function addMark(builder: Builder, node: Element, kind: MarkKind, start: number): void {
  const mark: Mark = { kind, start, end: builder.length };
  if (kind === 'link') {
    const href = safeHref(node.getAttribute('href') ?? '');
    // Readability resolves relative links against the app's own page, which would turn `/x` (or a mangled scheme) into
    // a link to Lectio itself; such a link means nothing outside its site, so it is dropped like any unsafe one.
    if (!href || (builder.appOrigin && href.startsWith(`${builder.appOrigin}/`))) return;
    mark.href = href;
  }
  builder.marks.push(mark);
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function walk(builder: Builder, node: Node, listDepth: number): void {
  // Node types by number, not `Node`/`Element` globals: the main process walks a jsdom document, whose classes are
  // its window's, not the global scope's.
  if (node.nodeType === TEXT_NODE) {
    appendText(builder, node.textContent ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE || !isElement(node)) return;
  if (node.tagName === 'BR') return appendText(builder, ' ');
  if (node.tagName === 'IMG') return addImage(builder, node);
  const block = BLOCKS[node.tagName];
  const depth = node.tagName === 'UL' || node.tagName === 'OL' ? listDepth + 1 : listDepth;
  if (block) closeBlock(builder, 'paragraph', undefined);
  const markKind = INLINE[node.tagName];
  const start = builder.length;
  for (const child of node.childNodes) walk(builder, child, depth);
  if (markKind && builder.length > start) addMark(builder, node, markKind, start);
  if (node.tagName === 'A') builder.linked += Math.max(0, builder.length - start);
  if (block) closeBlock(builder, block.kind, block.kind === 'list-item' ? Math.max(1, depth) : block.level);
}

function dimension(node: Element, name: string): number | undefined {
  const value = Number(node.getAttribute(name));
  return Number.isInteger(value) && value > 0 && value < 100_000 ? value : undefined;
}

/**
 * A picture: the block being built ends before it, and an image block holding no text stands at the end of the text so
 * far. Only pictures page-images.ts prepared (with an address to fetch) count; any other `<img>` is ignored.
 */
function addImage(builder: Builder, node: Element): void {
  const src = node.getAttribute(IMAGE_SOURCE);
  if (!src) return;
  closeBlock(builder, 'paragraph', undefined);
  const image: NonNullable<Block['image']> = {
    id: '',
    alt: (node.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim(),
  };
  const width = dimension(node, 'width');
  const height = dimension(node, 'height');
  if (width && height) Object.assign(image, { width, height });
  const block: Block = { kind: 'image', start: builder.length, end: builder.length, image };
  builder.blocks.push(block);
  builder.images.push({ block, src });
}

export interface BuiltBody {
  body: DocumentBody;
  /** The share of the text inside links: near 1 for a page of navigation or headlines, low for an article. */
  linkShare: number;
  /** The pictures to download, in reading order (none unless the markup was prepared by page-images.ts). */
  images: PendingImage[];
}

/** The document body of sanitised markup under `root` (empty when it holds no text), and how much of it is links. */
export function buildBody(root: Element, appOrigin = ''): BuiltBody {
  const builder: Builder = {
    parts: [],
    length: 0,
    endsWithSpace: false,
    blocks: [],
    marks: [],
    linked: 0,
    open: null,
    appOrigin,
    images: [],
  };
  walk(builder, root, 0);
  closeBlock(builder, 'paragraph', undefined);
  const text = builder.parts.join('');
  const marks = builder.marks.filter((mark) => mark.end > mark.start && mark.end <= text.length);
  return {
    body: { text, blocks: builder.blocks, marks: marks.sort((a, b) => a.start - b.start) },
    linkShare: text.length > 0 ? Math.min(1, builder.linked / text.length) : 0,
    images: builder.images,
  };
}
