/**
 * Markdown importer: parses with mdast-util-from-markdown (CommonMark) and flattens the tree into Lectio's document
 * model, keeping headings, paragraphs, list items, block quotes, emphasis, strong, code and links. Raw HTML and
 * images are dropped, so nothing imported can run; link targets other than http(s) and mailto are dropped too.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parents } from 'mdast';
import type { Block, BlockKind, DocumentBody, Mark, MarkKind } from '../model';
import { safeHref } from './safe-href';

interface Builder {
  text: string;
  blocks: Block[];
  marks: Mark[];
}

const INLINE_MARKS: Partial<Record<Nodes['type'], MarkKind>> = {
  emphasis: 'emphasis',
  strong: 'strong',
  link: 'link',
};

function appendInline(builder: Builder, node: Nodes): void {
  switch (node.type) {
    case 'text':
      builder.text += node.value.replace(/\s*\n\s*/g, ' ');
      return;
    case 'inlineCode': {
      const start = builder.text.length;
      builder.text += node.value;
      builder.marks.push({ kind: 'code', start, end: builder.text.length });
      return;
    }
    case 'break':
      builder.text += ' ';
      return;
    default:
      break;
  }
  const kind = INLINE_MARKS[node.type];
  if (!('children' in node)) return;
  const start = builder.text.length;
  for (const child of node.children) appendInline(builder, child as Nodes);
  if (!kind || builder.text.length === start) return;
  const mark: Mark = { kind, start, end: builder.text.length };
  if (node.type === 'link') {
    const href = safeHref(node.url);
    if (!href) return;
    mark.href = href;
  }
  builder.marks.push(mark);
}

function appendBlock(builder: Builder, kind: BlockKind, node: Parents, level?: number): void {
  if (builder.text.length > 0) builder.text += '\n';
  const start = builder.text.length;
  for (const child of node.children) appendInline(builder, child as Nodes);
  // Trim what the inline walk left at the edges, so the block range covers visible text only.
  const raw = builder.text.slice(start);
  const trimmedEnd = start + raw.trimEnd().length;
  builder.text = builder.text.slice(0, trimmedEnd);
  if (trimmedEnd === start) {
    builder.text = builder.text.replace(/\n$/, '');
    return;
  }
  builder.blocks.push(level === undefined ? { kind, start, end: trimmedEnd } : { kind, start, end: trimmedEnd, level });
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

/** Converts Markdown to a document body; never throws (CommonMark accepts every input). */
export function importMarkdown(source: string): DocumentBody {
  const builder: Builder = { text: '', blocks: [], marks: [] };
  walkBlocks(builder, fromMarkdown(source.replace(/^\uFEFF/, '')), { kind: 'paragraph' });
  builder.marks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text: builder.text, blocks: builder.blocks, marks: builder.marks };
}
