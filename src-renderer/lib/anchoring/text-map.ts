/**
 * Maps between canonical-text offsets and DOM positions in the reader, whose block elements carry `data-start` and
 * whose text nodes inside a block concatenate to exactly that block's slice of the canonical text.
 */
import { firstIndex } from '@core/first-index';
import {
  blocksOf,
  blockText,
  blockTextAround,
  invalidate,
  layoutOf,
  layoutVersion,
  type BlockList,
  type BlockText,
} from './block-text';

export { invalidate as invalidateTextMap, layoutVersion };

export type Bias = 'forward' | 'backward';

interface Position {
  node: Node;
  offset: number;
  /** The canonical offset the position stands for (positions compare by it: blocks are in text order). */
  at: number;
}

function blockEnd(root: Element, block: Element): number | null {
  const layout = blockText(root, block);
  return layout ? layout.start + layout.length : null;
}

/** A collapsed range at the boundary, used to compare it with nodes in document order. */
function boundary(root: Element, node: Node, offset: number): Range {
  const range = root.ownerDocument.createRange();
  range.setStart(node, offset);
  return range;
}

/** Offset of a boundary that is not inside one of the block's own text nodes (an element or a nested node). */
function offsetInBlock(root: Element, layout: BlockText, node: Node, offset: number): number {
  const at = boundary(root, node, offset);
  const before = firstIndex(layout.nodes, (text) => at.comparePoint(text, 0) >= 0);
  return layout.start + (before === 0 ? 0 : (layout.ends[before - 1] ?? 0));
}

/** Offset of a boundary outside every block: the next block's start, or with 'backward' the previous block's end. */
function offsetBetweenBlocks(root: Element, node: Node, offset: number, bias: Bias): number | null {
  const { blocks } = blocksOf(root);
  const at = boundary(root, node, offset);
  const next = firstIndex(blocks, (block) => at.comparePoint(block, 0) >= 0);
  const nextBlock = blocks[next];
  const previousBlock = blocks[next - 1];
  if (bias === 'backward' && previousBlock) return blockEnd(root, previousBlock);
  if (nextBlock) return blockText(root, nextBlock)?.start ?? null;
  return previousBlock ? blockEnd(root, previousBlock) : null;
}

/**
 * The canonical-text offset of the DOM boundary (node, offset), as a caret or selection reports it. `node` may be a
 * text node or an element anywhere under `root`; a boundary between blocks resolves to the next block's start (or,
 * with bias 'backward', the previous block's end). Returns null when the boundary is outside `root` or `root`
 * holds no blocks.
 */
export function offsetFromPoint(root: Element, node: Node, offset: number, bias: Bias = 'forward'): number | null {
  const layout = blockTextAround(root, node);
  if (!layout) return root.contains(node) ? offsetBetweenBlocks(root, node, offset, bias) : null;
  const isText = node.nodeType === Node.TEXT_NODE;
  const index = isText ? layout.indexOf.get(node as Text) : undefined;
  if (index === undefined) return offsetInBlock(root, layout, node, offset);
  const nodeStart = index === 0 ? 0 : (layout.ends[index - 1] ?? 0);
  return layout.start + nodeStart + Math.min(Math.max(0, offset), (node as Text).length);
}

/** Index of the block whose text holds `offset` (its end included): the last block starting at or before it. */
function blockIndexAt(starts: readonly number[], offset: number): number {
  return firstIndex(starts, (start) => start > offset) - 1;
}

/**
 * The DOM position of a canonical offset; at a node or block boundary `bias` picks the side ('forward' for a range
 * start, 'backward' for its end), so a range never begins at the end of a block or ends at the start of one.
 * null when there is no rendered text on that side.
 */
function positionAt(root: Element, list: BlockList, offset: number, bias: Bias): Position | null {
  list.reach(offset);
  const index = blockIndexAt(list.starts, offset);
  const layout = layoutOf(root, list, index);
  if (bias === 'forward') {
    if (layout && offset < layout.start + layout.length) return positionInBlock(layout, offset - layout.start, bias);
    const next = layoutOf(root, list, index + 1);
    return next ? positionInBlock(next, 0, bias) : layout ? positionInBlock(layout, layout.length, bias) : null;
  }
  const previous = layoutOf(root, list, index - 1);
  if (layout && offset === layout.start && previous) return positionInBlock(previous, previous.length, bias);
  if (!layout) return null;
  return positionInBlock(layout, Math.min(offset - layout.start, layout.length), bias);
}

function positionInBlock(layout: BlockText, relative: number, bias: Bias): Position {
  // 'forward' puts a boundary shared by two text nodes at the start of the later one, 'backward' at the end of
  // the earlier one, so a highlight range never starts or ends on text it does not include.
  const { ends, nodes } = layout;
  const after = firstIndex(ends, (end) => (bias === 'forward' ? end > relative : end >= relative));
  const nodeIndex = Math.min(after, nodes.length - 1);
  const node = nodes[nodeIndex];
  if (!node) return { node: layout.element, offset: 0, at: layout.start };
  const nodeStart = nodeIndex === 0 ? 0 : (ends[nodeIndex - 1] ?? 0);
  const offset = Math.max(0, Math.min(node.length, relative - nodeStart));
  return { node, offset, at: layout.start + nodeStart + offset };
}

/**
 * A DOM range over canonical text [start, end), spanning blocks if need be; ends falling between blocks move
 * inward to the nearest rendered text, and an end past the last block is clamped to it. Returns a StaticRange when
 * `options.static` (cheaper for CSS.highlights: the browser need not update it on DOM changes), else a live Range.
 * Returns null for non-integer or reversed offsets, or when no rendered text lies between them.
 */
export function rangeFromOffsets(root: Element, start: number, end: number, options?: { static?: false }): Range | null;
export function rangeFromOffsets(
  root: Element,
  start: number,
  end: number,
  options: { static: true },
): StaticRange | null;
export function rangeFromOffsets(
  root: Element,
  start: number,
  end: number,
  options: { static?: boolean } = {},
): Range | StaticRange | null {
  const blocks = blocksOf(root, 0);
  // Built directly: a live Range would be registered with the document and updated on every DOM change.
  if (options.static) return staticRange(root, blocks, start, end);
  const ends = endsAt(root, blocks, start, end);
  if (!ends) return null;
  const [from, to] = ends;
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * StaticRanges over many spans of canonical text, for painting: the block list is checked once for all of them.
 * Spans that cover no rendered text are left out.
 */
export function staticRangesFromOffsets(
  root: Element,
  spans: readonly { start: number; end: number }[],
): StaticRange[] {
  const blocks = blocksOf(root, 0);
  const ranges: StaticRange[] = [];
  for (const { start, end } of spans) {
    const range = staticRange(root, blocks, start, end);
    if (range) ranges.push(range);
  }
  return ranges;
}

function staticRange(root: Element, blocks: BlockList, start: number, end: number): StaticRange | null {
  const ends = endsAt(root, blocks, start, end);
  return (
    ends &&
    new StaticRange({
      startContainer: ends[0].node,
      startOffset: ends[0].offset,
      endContainer: ends[1].node,
      endOffset: ends[1].offset,
    })
  );
}

/** Both ends of a range over [start, end), or null (see rangeFromOffsets). */
function endsAt(root: Element, blocks: BlockList, start: number, end: number): [Position, Position] | null {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end) return null;
  const from = positionAt(root, blocks, start, 'forward');
  const to = positionAt(root, blocks, end, start === end ? 'forward' : 'backward');
  if (!from || !to || to.at < from.at) return null;
  if (start < end && to.at === from.at) return null; // Only unrendered gap text lay between the offsets.
  return [from, to];
}

/**
 * The canonical-text offsets of the first range of a selection, clipped to `root` (a selection that runs out of
 * the reader keeps its part inside). Returns null when the selection is empty or collapsed, lies wholly outside
 * `root`, or covers no text.
 */
export function selectionToOffsets(root: Element, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const inside = root.ownerDocument.createRange();
  inside.selectNodeContents(root);
  let startSide: number;
  let endSide: number;
  try {
    startSide = inside.comparePoint(range.startContainer, range.startOffset);
    endSide = inside.comparePoint(range.endContainer, range.endOffset);
  } catch {
    return null; // The selection is in another document or a detached tree.
  }
  if (startSide > 0 || endSide < 0) return null;
  const start =
    startSide < 0 ? offsetFromPoint(root, root, 0) : offsetFromPoint(root, range.startContainer, range.startOffset);
  const end =
    endSide > 0
      ? offsetFromPoint(root, root, root.childNodes.length, 'backward')
      : offsetFromPoint(root, range.endContainer, range.endOffset, 'backward');
  if (start === null || end === null) return null;
  return tighten(root, start, end);
}

/**
 * Drops the gap a triple-click or a drag to the edge of a block adds: an end at the very start of a block moves
 * back to the previous block's end, a start at the very end of a block moves on to the next block's start.
 * null when nothing is left.
 */
function tighten(root: Element, start: number, end: number): { start: number; end: number } | null {
  const list = blocksOf(root, Math.max(start, end));
  const atEnd = blockIndexAt(list.starts, end);
  const endLayout = layoutOf(root, list, atEnd);
  const beforeEnd = layoutOf(root, list, atEnd - 1);
  if (endLayout?.start === end && beforeEnd && beforeEnd.start + beforeEnd.length > start) {
    end = beforeEnd.start + beforeEnd.length;
  }
  const atStart = blockIndexAt(list.starts, start);
  const startLayout = layoutOf(root, list, atStart);
  const afterStart = layoutOf(root, list, atStart + 1);
  if (startLayout && startLayout.start + startLayout.length === start && afterStart && afterStart.start < end) {
    start = afterStart.start;
  }
  return start < end ? { start, end } : null;
}
