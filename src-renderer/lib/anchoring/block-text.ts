/**
 * Cached text layout of the reader: the blocks (elements carrying `data-start`) in a root, and per block its text
 * nodes with cumulative lengths, so offset <-> DOM lookups are binary searches instead of tree walks.
 */

export interface BlockText {
  element: Element;
  /** Offset of the block's first character in the canonical text. */
  start: number;
  /** The block's own text nodes in document order (not those of a nested block). */
  nodes: Text[];
  /** ends[i] = total length of nodes[0..i], relative to `start`. */
  ends: number[];
  /** Position of each node in `nodes`. */
  indexOf: Map<Text, number>;
  length: number;
}

export const BLOCK_SELECTOR = '[data-start]';

const blockTexts = new WeakMap<Element, BlockText>();
const blockLists = new WeakMap<Element, Element[]>();

/** The block's data-start as an offset, or null when missing or malformed (then the element is not a block). */
export function blockStart(element: Element): number | null {
  const raw = element.getAttribute('data-start');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

/** The nearest block containing `node` inside `root`; null when the node sits outside every block. */
export function closestBlock(root: Element, node: Node): Element | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest(BLOCK_SELECTOR) ?? null;
  return block && root.contains(block) && blockStart(block) !== null ? block : null;
}

function measure(element: Element, start: number): BlockText {
  const nodes: Text[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(BLOCK_SELECTOR) === element) nodes.push(node as Text);
  }
  const ends: number[] = [];
  const indexOf = new Map<Text, number>();
  let length = 0;
  nodes.forEach((node, i) => {
    length += node.length;
    ends.push(length);
    indexOf.set(node, i);
  });
  const measured = { element, start, nodes, ends, indexOf, length };
  blockTexts.set(element, measured);
  return measured;
}

/** Whether a cached layout still matches the DOM: same start, every node still inside and of the same length. */
function isFresh(cached: BlockText, start: number): boolean {
  if (cached.start !== start) return false;
  let previous = 0;
  for (let i = 0; i < cached.nodes.length; i += 1) {
    const node = cached.nodes[i];
    const end = cached.ends[i] ?? -1;
    if (!node || node.parentNode === null || !cached.element.contains(node) || node.length !== end - previous) {
      return false;
    }
    previous = end;
  }
  return true;
}

/**
 * The text layout of a block, from cache when it still matches the DOM (checked in O(nodes in the block), which
 * is small: one paragraph), or measured afresh when `refresh`. Returns null when the element has no valid
 * data-start.
 */
export function blockText(element: Element, refresh = false): BlockText | null {
  const start = blockStart(element);
  if (start === null) return null;
  const cached = refresh ? undefined : blockTexts.get(element);
  return cached && isFresh(cached, start) ? cached : measure(element, start);
}

/** The blocks under `root` in document order; cached until a lookup finds the list stale or invalidate() is called. */
export function blocksOf(root: Element, refresh = false): Element[] {
  const cached = blockLists.get(root);
  if (cached && !refresh) return cached;
  const blocks = [...root.querySelectorAll(BLOCK_SELECTOR)].filter((element) => blockStart(element) !== null);
  blockLists.set(root, blocks);
  return blocks;
}

/** Forgets every cached layout under `root`; call after re-rendering the article. */
export function invalidate(root: Element): void {
  for (const block of blockLists.get(root) ?? []) blockTexts.delete(block);
  blockLists.delete(root);
}
