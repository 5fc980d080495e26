/**
 * The drawing baseline, run inside the page: Hypothesis's way of drawing highlights (its `highlightRange`: split the
 * text nodes at the span's ends and wrap each run of adjacent text nodes in an element), with `<mark>`, over a copy of the
 * Reader's own article DOM put in its place. Offsets are mapped to DOM positions through the blocks' `data-start`
 * (a binary search, then a walk of one block's current text nodes): the same shortcut Lectio's text map takes, so the
 * comparison isolates the cost of mutating the DOM. Self-contained: Playwright serialises these functions.
 */

export interface MarkRun {
  /** JavaScript time to map and wrap every span. */
  scriptMs: number;
  /** From the start until the frame after it (style, layout and paint of the wrapped article included). */
  frameMs: number;
  marksAdded: number;
  elementsBefore: number;
  elementsAfter: number;
}

/** Wraps every span of `spans` in `<mark>` on a fresh copy of `.article-body`, then restores the original. */
export async function wrapWithMarks(spans: readonly { start: number; end: number }[]): Promise<MarkRun> {
  const original = document.querySelector('.article-body');
  if (!original) throw new Error('no article on the page');
  const copy = original.cloneNode(true) as Element;
  original.replaceWith(copy);
  const blocks = [...copy.querySelectorAll('[data-start]')];
  const starts = blocks.map((block) => Number(block.getAttribute('data-start')));
  const elementsBefore = copy.querySelectorAll('*').length;

  const blockIndex = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const locate = (offset: number, preferEnd: boolean): [Node, number] | null => {
    const index = blockIndex(offset);
    const block = blocks[index] as Element;
    let remaining = offset - (starts[index] as number);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (remaining < node.length || (preferEnd && remaining === node.length)) return [node, remaining];
      remaining -= node.length;
      last = node;
    }
    return last ? [last, last.length] : null;
  };
  // Hypothesis's wholeTextNodesInRange, without its live Range and NodeIterator: every live one stays registered with
  // the document until garbage-collected and is updated on each later mutation, which made a faithful copy quadratic
  // (0.3 s at 1,000 highlights, 18 s at 5,000 in a trial run). The baseline is the mark approach at its best.
  const wholeTextNodes = (from: [Node, number], to: [Node, number]): Text[] => {
    const [firstNode, startOffset] = from as [Text, number];
    let startNode = firstNode;
    let [endNode, endOffset] = to as [Text, number];
    if (startNode === endNode && startOffset >= endOffset) return [];
    if (startOffset > 0 && startOffset < startNode.length) {
      const rest = startNode.splitText(startOffset);
      if (endNode === startNode) {
        endNode = rest;
        endOffset -= startOffset;
      }
      startNode = rest;
    }
    if (endOffset < endNode.length) endNode.splitText(endOffset);
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    walker.currentNode = startNode;
    for (let node: Node | null = startNode; node; node = walker.nextNode()) {
      nodes.push(node as Text);
      if (node === endNode) break;
    }
    return nodes;
  };
  const highlightRange = (from: [Node, number], to: [Node, number]): number => {
    const runs: Text[][] = [];
    let previous: Text | null = null;
    for (const node of wholeTextNodes(from, to)) {
      const run = runs[runs.length - 1];
      if (run && previous && previous.nextSibling === node) run.push(node);
      else runs.push([node]);
      previous = node;
    }
    let added = 0;
    for (const run of runs) {
      if (run.every((node) => /^\s*$/.test(node.data))) continue;
      const first = run[0] as Text;
      const mark = document.createElement('mark');
      mark.className = 'bench-highlight';
      first.parentNode?.replaceChild(mark, first);
      for (const node of run) mark.appendChild(node);
      added += 1;
    }
    return added;
  };

  const started = performance.now();
  let marksAdded = 0;
  for (const span of spans) {
    const from = locate(span.start, false);
    const to = locate(span.end, true);
    if (from && to) marksAdded += highlightRange(from, to);
  }
  const scriptMs = performance.now() - started;
  await new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
  const frameMs = performance.now() - started;
  const elementsAfter = copy.querySelectorAll('*').length;
  copy.replaceWith(original);
  return { scriptMs, frameMs, marksAdded, elementsBefore, elementsAfter };
}
