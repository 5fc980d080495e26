/**
 * Maps between canonical-text offsets and DOM positions in the reader, whose block elements carry `data-start` and
 * whose text nodes inside a block concatenate to exactly that block's slice of the canonical text.
 */
import { blocksOf, blockStart, blockText, closestBlock, invalidate, type BlockText } from './block-text';

export { invalidate as invalidateTextMap };

export type Bias = 'forward' | 'backward';

interface Position {
  node: Node;
  offset: number;
}

/** Index of the first item for which `isAfter` holds, or items.length (isAfter must be monotone). */
function firstIndex<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isAfter(items[mid] as T)) high = mid;
    else low = mid + 1;
  }
  return low;
}

function blockEnd(block: Element): number | null {
  const layout = blockText(block);
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
  const blocks = blocksOf(root);
  const at = boundary(root, node, offset);
  const next = firstIndex(blocks, (block) => at.comparePoint(block, 0) >= 0);
  const nextBlock = blocks[next];
  const previousBlock = blocks[next - 1];
  if (bias === 'backward' && previousBlock) return blockEnd(previousBlock);
  if (nextBlock) return blockText(nextBlock)?.start ?? null;
  return previousBlock ? blockEnd(previousBlock) : null;
}

/**
 * The canonical-text offset of the DOM boundary (node, offset), as a caret or selection reports it. `node` may be a
 * text node or an element anywhere under `root`; a boundary between blocks resolves to the next block's start (or,
 * with bias 'backward', the previous block's end). Returns null when the boundary is outside `root` or `root`
 * holds no blocks.
 */
export function offsetFromPoint(root: Element, node: Node, offset: number, bias: Bias = 'forward'): number | null {
  if (!root.contains(node)) return null;
  const block = closestBlock(root, node);
  let layout = block ? blockText(block) : null;
  if (!layout) return offsetBetweenBlocks(root, node, offset, bias);
  const isText = node.nodeType === Node.TEXT_NODE;
  // A text node the cache has never seen means the block was re-rendered since it was measured.
  if (isText && !layout.indexOf.has(node as Text)) layout = blockText(layout.element, true) ?? layout;
  const index = isText ? layout.indexOf.get(node as Text) : undefined;
  if (index === undefined) return offsetInBlock(root, layout, node, offset);
  const nodeStart = index === 0 ? 0 : (layout.ends[index - 1] ?? 0);
  return layout.start + nodeStart + Math.min(Math.max(0, offset), (node as Text).length);
}

function layoutAt(blocks: readonly Element[], index: number): BlockText | null {
  const block = blocks[index];
  return block ? blockText(block) : null;
}

/** The block whose text holds `offset` (its end included), found by binary search; refreshes a stale cache once. */
function blockAt(root: Element, offset: number): { index: number; blocks: Element[] } {
  for (const refresh of [false, true]) {
    const blocks = blocksOf(root, refresh);
    // Only the start attribute is compared: validating each probed block's cached layout made this search O(log n x nodes).
    const index = firstIndex(blocks, (block) => (blockStart(block) ?? Infinity) > offset) - 1;
    const block = blocks[index];
    if (!block || (block.isConnected && root.contains(block))) return { index, blocks };
  }
  return { index: -1, blocks: [] };
}

/**
 * The DOM position of a canonical offset; at a node or block boundary `bias` picks the side ('forward' for a range
 * start, 'backward' for its end), so a range never begins at the end of a block or ends at the start of one.
 * null when there is no rendered text on that side.
 */
function positionAt(root: Element, offset: number, bias: Bias): Position | null {
  const { index, blocks } = blockAt(root, offset);
  const layout = layoutAt(blocks, index);
  if (bias === 'forward') {
    if (layout && offset < layout.start + layout.length) return positionInBlock(layout, offset - layout.start, bias);
    const next = layoutAt(blocks, index + 1);
    return next ? positionInBlock(next, 0, bias) : layout ? positionInBlock(layout, layout.length, bias) : null;
  }
  const previous = layoutAt(blocks, index - 1);
  if (layout && offset === layout.start && previous) return positionInBlock(previous, previous.length, bias);
  if (!layout) return null;
  return positionInBlock(layout, Math.min(offset - layout.start, layout.length), bias);
}

function positionInBlock(layout: BlockText, relative: number, bias: Bias): Position {
  // 'forward' puts a boundary shared by two text nodes at the start of the later one, 'backward' at the end of
  // the earlier one, so a highlight range never starts or ends on text it does not include.
  const index = firstIndex(layout.ends, (end) => (bias === 'forward' ? end > relative : end >= relative));
  const node = layout.nodes[Math.min(index, layout.nodes.length - 1)];
  if (!node) return { node: layout.element, offset: 0 };
  const nodeIndex = layout.indexOf.get(node) ?? 0;
  const nodeStart = nodeIndex === 0 ? 0 : (layout.ends[nodeIndex - 1] ?? 0);
  return { node, offset: Math.min(node.length, relative - nodeStart) };
}

/**
 * A DOM range over canonical text [start, end), spanning blocks if need be; ends falling between blocks move
 * inward to the nearest rendered text, and an end past the last block is clamped to it. Returns a StaticRange when
 * `options.static` (cheaper for CSS.highlights: the browser need not update it on DOM changes), else a live Range.
 * Returns null for non-integer or reversed offsets, or when no rendered text lies between them.
 */
export function rangeFromOffsets(root: Element, start: number, end: number, options?: { static?: false }): Range | null;
export function rangeFromOffsets(root: Element, start: number, end: number, options: { static: true }): StaticRange | null;
export function rangeFromOffsets(
  root: Element,
  start: number,
  end: number,
  options: { static?: boolean } = {},
): Range | StaticRange | null {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end) return null;
  const from = positionAt(root, start, 'forward');
  const to = positionAt(root, end, start === end ? 'forward' : 'backward');
  if (!from || !to) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  if (range.comparePoint(to.node, to.offset) < 0) return null;
  range.setEnd(to.node, to.offset);
  if (start < end && range.collapsed) return null; // Only unrendered gap text lay between the offsets.
  if (!options.static) return range;
  const { startContainer, startOffset, endContainer, endOffset } = range;
  return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
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
  const atEnd = blockAt(root, end);
  const endLayout = layoutAt(atEnd.blocks, atEnd.index);
  const beforeEnd = layoutAt(atEnd.blocks, atEnd.index - 1);
  if (endLayout?.start === end && beforeEnd && beforeEnd.start + beforeEnd.length > start) {
    end = beforeEnd.start + beforeEnd.length;
  }
  const atStart = blockAt(root, start);
  const startLayout = layoutAt(atStart.blocks, atStart.index);
  const afterStart = layoutAt(atStart.blocks, atStart.index + 1);
  if (startLayout && startLayout.start + startLayout.length === start && afterStart && afterStart.start < end) {
    start = afterStart.start;
  }
  return start < end ? { start, end } : null;
}
