/**
 * Markdown importer: parses with mdast-util-from-markdown (CommonMark) and flattens the tree into Lectio's document
 * model, keeping headings, paragraphs, list items, block quotes, emphasis, strong, code and links. Raw HTML and
 * images are dropped, so nothing imported can run; link targets other than http(s) and mailto are dropped too.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parents } from 'mdast';
import type { Block, BlockKind, DocumentBody, Mark, MarkKind } from '../model';
import { defuseMarkdown } from './markdown-defuse';
import { markdownChunks } from './markdown-chunks';
import { safeHref } from './safe-href';

/** The document so far: its text in pieces (joined once at the end), its length, blocks and marks. */
interface Builder {
  parts: string[];
  length: number;
  blocks: Block[];
  marks: Mark[];
}

/** One block's text and marks, counted from the block's start; short, so it is cheap to grow and trim. */
interface Inline {
  text: string;
  marks: Mark[];
}

const INLINE_MARKS: Partial<Record<Nodes['type'], MarkKind>> = {
  emphasis: 'emphasis',
  strong: 'strong',
  link: 'link',
};

function appendInline(inline: Inline, node: Nodes): void {
  switch (node.type) {
    case 'text':
      inline.text += node.value.replace(/\s*\n\s*/g, ' ');
      return;
    case 'inlineCode': {
      const start = inline.text.length;
      inline.text += node.value;
      inline.marks.push({ kind: 'code', start, end: inline.text.length });
      return;
    }
    case 'break':
      inline.text += ' ';
      return;
    default:
      break;
  }
  const kind = INLINE_MARKS[node.type];
  if (!('children' in node)) return;
  const start = inline.text.length;
  for (const child of node.children) appendInline(inline, child as Nodes);
  if (!kind || inline.text.length === start) return;
  const mark: Mark = { kind, start, end: inline.text.length };
  if (node.type === 'link') {
    const href = safeHref(node.url);
    if (!href) return;
    mark.href = href;
  }
  inline.marks.push(mark);
}

function appendBlock(builder: Builder, kind: BlockKind, node: Parents, level?: number): void {
  const inline: Inline = { text: '', marks: [] };
  for (const child of node.children) appendInline(inline, child as Nodes);
  // Only visible text counts: what the inline walk left at the end is trimmed, and an empty block is no block.
  const text = inline.text.trimEnd();
  if (text.length === 0) return;
  if (builder.length > 0) {
    builder.parts.push('\n');
    builder.length += 1;
  }
  const start = builder.length;
  builder.parts.push(text);
  builder.length += text.length;
  for (const mark of inline.marks) {
    const end = Math.min(mark.end, text.length);
    if (end > mark.start) builder.marks.push({ ...mark, start: start + mark.start, end: start + end });
  }
  builder.blocks.push(
    level === undefined ? { kind, start, end: builder.length } : { kind, start, end: builder.length, level },
  );
}

function walkBlocks(builder: Builder, node: Nodes, context: { kind: BlockKind; level?: number }): void {
  switch (node.type) {
    case 'heading':
      appendBlock(builder, 'heading', node, node.depth);
      return;
    case 'paragraph':
      appendBlock(builder, context.kind, node, context.level);
      return;
    case 'code': {
      appendBlock(builder, context.kind, { type: 'paragraph', children: [{ type: 'inlineCode', value: node.value }] });
      return;
    }
    case 'blockquote':
      for (const child of node.children) walkBlocks(builder, child, { kind: 'quote' });
      return;
    case 'list': {
      const level = context.kind === 'list-item' ? (context.level ?? 0) + 1 : 1;
      for (const item of node.children) {
        for (const child of item.children) walkBlocks(builder, child, { kind: 'list-item', level });
      }
      return;
    }
    case 'root':
      for (const child of node.children) walkBlocks(builder, child, context);
      return;
    default:
      return; // html, images, thematic breaks, definitions: nothing to read.
  }
}

/**
 * Converts Markdown to a document body, a long source parsed in pieces (markdown-chunks.ts), hostile delimiter runs
 * and nesting escaped first (markdown-defuse.ts), so that notes rendered on the UI thread stay quick too. The hosts
 * still parse imports in a worker with a time budget (src-main/import/markdown-runner.ts), as a second guard.
 */
export function importMarkdown(source: string, pieces: (source: string) => string[] = markdownChunks): DocumentBody {
  const builder: Builder = { parts: [], length: 0, blocks: [], marks: [] };
  for (const chunk of pieces(defuseMarkdown(source.replace(/^\uFEFF/, ''))))
    walkBlocks(builder, fromMarkdown(chunk), { kind: 'paragraph' });
  builder.marks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text: builder.parts.join(''), blocks: builder.blocks, marks: builder.marks };
}
