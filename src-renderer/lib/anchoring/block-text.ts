/**
 * Cached text layout of the reader: the blocks (elements carrying `data-start`) in a root with their starts as
 * numbers, and per block its text nodes with cumulative lengths, so offset <-> DOM lookups are binary searches
 * instead of tree walks or attribute reads.
 *
 * The cache is kept exact by a MutationObserver on the root whose pending records are taken synchronously
 * (`takeRecords`) on every access: a change drops the block list and the layouts of the blocks it touched, so no
 * lookup has to re-check a cached layout against the DOM, and a paint of 5,000 ranges costs one check, not 5,000.
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

/**
 * The blocks of a root in document order, listed lazily: a paint near the top of a long article lists the first
 * few dozen blocks, not all 2,000 (querySelectorAll and reading every data-start cost more than the paint itself).
 */
export interface BlockList {
  /** The blocks listed so far, in document order. */
  readonly blocks: Element[];
  /** starts[i] = the data-start of blocks[i]. */
  readonly starts: number[];
  /** Lists blocks until one starts after `offset`, or until there are no more. */
  reach(offset: number): void;
}

interface RootLayout {
  /** The block list, or null until listed again after a change. */
  list: BlockList | null;
  /** Measured layouts of blocks of this root, dropped as the observer reports changes under them. */
  texts: WeakMap<Element, BlockText>;
  observer: MutationObserver | null;
  /** Changes whenever the DOM under the root changes (unique across roots and invalidations). */
  version: number;
}

let versions = 0;
const roots = new WeakMap<Element, RootLayout>();

/** The block's data-start as an offset, or null when missing or malformed (then the element is not a block). */
export function blockStart(element: Element): number | null {
  const raw = element.getAttribute('data-start');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * The text layout of the nearest block of `root` containing `node` (a caret's node, say); null when the node sits
 * outside every block of `root`. A block already measured is found without reading its attribute again.
 */
export function blockTextAround(root: Element, node: Node): BlockText | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest(BLOCK_SELECTOR);
  if (!block || !root.contains(block)) return null;
  const layout = rootLayout(root);
  const measured = layout.texts.get(block);
  if (measured) return measured;
  const start = blockStart(block);
  return start === null ? null : cachedLayout(layout, block, start);
}

function measure(element: Element, start: number): BlockText {
  const nodes: Text[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A text node directly in the block (the common case: one paragraph, one node) needs no ancestor search.
    const parent = node.parentElement;
    if (parent === element || parent?.closest(BLOCK_SELECTOR) === element) nodes.push(node as Text);
  }
  const ends: number[] = [];
  const indexOf = new Map<Text, number>();
  let length = 0;
  nodes.forEach((node, i) => {
    length += node.length;
    ends.push(length);
    indexOf.set(node, i);
  });
  return { element, start, nodes, ends, indexOf, length };
}

/** Drops what the pending mutations under `root` made stale: the block list, and the layouts of touched blocks. */
function applyMutations(root: Element, layout: RootLayout, records: readonly MutationRecord[]): void {
  if (records.length === 0) return;
  layout.list = null;
  versions += 1;
  layout.version = versions;
  for (const record of records) {
    const target = record.target;
    const element = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
    // The block the change happened in, and any block above it whose own text may include the changed nodes.
    for (
      let block = element?.closest(BLOCK_SELECTOR);
      block && root.contains(block);
      block = block.parentElement?.closest(BLOCK_SELECTOR)
    ) {
      layout.texts.delete(block);
    }
  }
}

function rootLayout(root: Element): RootLayout {
  let layout = roots.get(root);
  if (!layout) {
    versions += 1;
    layout = { list: null, texts: new WeakMap(), observer: null, version: versions };
    if (typeof MutationObserver !== 'undefined') {
      // The callback never needs to run: records are taken synchronously on each access.
      layout.observer = new MutationObserver(() => undefined);
      layout.observer.observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-start'],
      });
    }
    roots.set(root, layout);
  } else if (layout.observer) {
    applyMutations(root, layout, layout.observer.takeRecords());
  } else {
    layout.list = null; // Without an observer nothing can be trusted between calls.
    layout.texts = new WeakMap();
    versions += 1;
    layout.version = versions;
  }
  return layout;
}

function listBlocks(root: Element): BlockList {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  let done = false;
  const blocks: Element[] = [];
  const starts: number[] = [];
  return {
    blocks,
    starts,
    reach(offset) {
      while (!done && (starts.length === 0 || (starts[starts.length - 1] as number) <= offset)) {
        const next = walker.nextNode() as Element | null;
        if (!next) done = true;
        else if (next.hasAttribute('data-start')) {
          const start = blockStart(next);
          if (start !== null) {
            blocks.push(next);
            starts.push(start);
          }
        }
      }
    },
  };
}

/**
 * The blocks of `root`, exact for the DOM as it is now, listed as far as `reach` asks (all of them when `offset` is
 * omitted).
 */
export function blocksOf(root: Element, offset = Number.POSITIVE_INFINITY): BlockList {
  const layout = rootLayout(root);
  layout.list ??= listBlocks(root);
  layout.list.reach(offset);
  return layout.list;
}

/**
 * The text layout of `block` (a block of `root`), exact for the DOM as it is now: measured once, then kept until
 * the observer reports a change under it. Returns null when the element has no valid data-start.
 */
export function blockText(root: Element, block: Element): BlockText | null {
  const start = blockStart(block);
  return start === null ? null : cachedLayout(rootLayout(root), block, start);
}

/**
 * The layout of block `index` of a list blocksOf(root) returned in the same task (so no change can have happened
 * since): skips the pending-mutation check, which matters when a paint looks up thousands of offsets.
 */
export function layoutOf(root: Element, list: BlockList, index: number): BlockText | null {
  const block = list.blocks[index];
  const layout = roots.get(root);
  return block && layout ? cachedLayout(layout, block, list.starts[index] ?? 0) : null;
}

function cachedLayout(layout: RootLayout, block: Element, start: number): BlockText {
  let measured = layout.texts.get(block);
  if (!measured) {
    measured = measure(block, start);
    layout.texts.set(block, measured);
  }
  return measured;
}

/** A number that changes whenever the text layout under `root` may have changed: ranges drawn at another are stale. */
export function layoutVersion(root: Element): number {
  return rootLayout(root).version;
}

/** Forgets every cached layout under `root`; call after re-rendering the article. */
export function invalidate(root: Element): void {
  roots.get(root)?.observer?.disconnect();
  roots.delete(root);
}
