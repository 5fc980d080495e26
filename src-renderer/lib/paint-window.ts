/**
 * Which part of a long article to draw highlights in. A 100,000-word article with 5,000 highlights shows a few
 * dozen of them at a time; building ranges for all of them costs the page tens of milliseconds on every change
 * (and the browser as much again to lay out its highlight markers). So for long texts the painter draws the
 * highlights within a screen above and two below the view, and redraws as the reader scrolls past that margin.
 *
 * The window is found without hit-testing: blocks are in reading order top to bottom, so a binary search over
 * their boxes finds the first and last one near the view (about 2 x 11 box reads, with layout already clean on
 * scroll). Before the first layout (an article just rendered) it is estimated from the top of the text, and checked
 * just before the first frame is drawn (in requestAnimationFrame, when the frame needs the layout anyway), so a view
 * that holds more text than the estimate is still drawn whole in its first frame.
 */
import { firstIndex } from '@core/first-index';
import { blocksOf, blockStart, layoutVersion } from './anchoring/block-text';

export interface TextWindow {
  start: number;
  end: number;
}

/** Texts shorter than this (in characters; the sample article has about 35,000) are drawn whole. */
export const LONG_TEXT = 100_000;
/**
 * Before the first layout, the window covers this much text from the top (about 1,300 words): the three screens the
 * window spans once laid out hold 4,000 to 8,000 characters at the Reader's measure. It is checked before the first
 * frame either way.
 */
const FIRST_WINDOW = 8_000;

interface RootWindow {
  window: TextWindow;
  /** Called when the reader has scrolled near the window's edge or the text reflowed. */
  onChange: Set<(root: Element) => void>;
  dispose: () => void;
}

const windows = new WeakMap<Element, RootWindow>();
/** isLongText's answer per root, for the DOM at `version` (a paint asks once per layer). */
const lengths = new WeakMap<Element, { version: number; long: boolean }>();

/** Whether `root` holds a long text, whose highlights are drawn by window. */
export function isLongText(root: Element): boolean {
  const version = layoutVersion(root);
  const known = lengths.get(root);
  if (known?.version === version) return known.long;
  const long = lastBlockStart(root) > LONG_TEXT;
  lengths.set(root, { version, long });
  return long;
}

/** The start of the last block under `root` (0 when none), found from the end: no need to list every block. */
function lastBlockStart(root: Element): number {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  // The last element in document order is the deepest last descendant; from there, walk backwards.
  while (walker.lastChild());
  for (let node: Node | null = walker.currentNode; node && node !== root; node = walker.previousNode()) {
    const start = blockStart(node as Element);
    if (start !== null) return start;
  }
  return 0;
}

/** The text of the blocks whose boxes meet the band [top, bottom) of the viewport, in CSS pixels. */
function textBetween(root: Element, top: number, bottom: number): TextWindow | null {
  const { blocks, starts } = blocksOf(root);
  if (blocks.length === 0) return null;
  // Boxes are monotone in reading order: blocks stack top to bottom.
  const first = Math.min(
    firstIndex(blocks, (block) => block.getBoundingClientRect().bottom > top),
    blocks.length - 1,
  );
  const afterLast = Math.max(
    firstIndex(blocks, (block) => block.getBoundingClientRect().top >= bottom),
    first + 1,
  );
  return { start: starts[first] ?? 0, end: starts[afterLast] ?? Number.POSITIVE_INFINITY };
}

function viewportHeight(root: Element): number {
  return root.ownerDocument.defaultView?.innerHeight ?? 1000;
}

/** Re-checks the window of `root` against the view; returns true when it moved (the layers must be redrawn). */
function recheck(root: Element, state: RootWindow): boolean {
  if (!root.isConnected) return false;
  const height = viewportHeight(root);
  const visible = textBetween(root, 0, height);
  if (!visible) return false;
  if (state.window.start <= visible.start && visible.end <= state.window.end) return false;
  const wanted = textBetween(root, -height, 2 * height);
  if (!wanted) return false;
  state.window = wanted;
  return true;
}

/**
 * Starts following the view over `root` if it holds a long text (a no-op otherwise, or when already watched). The
 * Reader calls it once the article is rendered, before anything is drawn; textWindow() starts it if nobody did.
 */
export function watchTextWindow(root: Element): void {
  if (isLongText(root)) watched(root);
}

/**
 * The window of `root` to draw in, watched from now on: `onChange` (registered once however often it is passed)
 * runs after the reader scrolled near its edge, the window was resized or the text reflowed (font, size, sidebar).
 * Returns null for a short text (draw it all).
 */
export function textWindow(root: Element, onChange: (root: Element) => void): TextWindow | null {
  if (!isLongText(root)) return null;
  const state = watched(root);
  state.onChange.add(onChange);
  return state.window;
}

function watched(root: Element): RootWindow {
  let state = windows.get(root);
  if (!state) {
    const top = blocksOf(root, 0).starts[0] ?? 0;
    const created: RootWindow = {
      window: { start: top, end: top + FIRST_WINDOW },
      onChange: new Set(),
      dispose: () => undefined,
    };
    const view = root.ownerDocument.defaultView;
    const check = () => {
      if (!recheck(root, created)) return;
      const started = performance.now();
      for (const callback of created.onChange) callback(root);
      performance.measure('lectio:paint-window', { start: started, detail: created.window });
    };
    // Scroll events arrive once a frame, before it is drawn; capture sees the scrolling of any element.
    root.ownerDocument.addEventListener('scroll', check, { capture: true, passive: true });
    view?.addEventListener('resize', check, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check);
    resized?.observe(root);
    // The first estimate is checked before the first frame: its layout is due then anyway.
    view?.requestAnimationFrame(check);
    created.dispose = () => {
      root.ownerDocument.removeEventListener('scroll', check, { capture: true });
      view?.removeEventListener('resize', check);
      resized?.disconnect();
    };
    windows.set(root, created);
    state = created;
  }
  return state;
}

/** Stops watching `root` (the article was closed or re-rendered). */
export function forgetTextWindow(root: Element): void {
  windows.get(root)?.dispose();
  windows.delete(root);
}

/** Span lists known to be sorted by start, with the length of their longest span (see sortedSpans). */
const longestOf = new WeakMap<readonly TextWindow[], number>();

/**
 * Notes that `spans` are sorted by start (checked here, in one pass), so that spansIn() finds the spans of a window
 * among them by binary search instead of a pass over all of them. Returns `spans`, which must not change after.
 */
export function sortedSpans<T extends TextWindow>(spans: readonly T[]): readonly T[] {
  let longest = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    if (span.start < previous) return spans;
    previous = span.start;
    longest = Math.max(longest, span.end - span.start);
  }
  longestOf.set(spans, longest);
  return spans;
}

/** The spans that meet the window (all of them when there is none), in their order. */
export function spansIn<T extends TextWindow>(spans: readonly T[], window: TextWindow | null): readonly T[] {
  if (!window) return spans;
  const longest = longestOf.get(spans);
  if (longest === undefined) return spans.filter((span) => span.end >= window.start && span.start <= window.end);
  // Sorted by start: a span meeting the window starts within it or at most `longest` before it.
  const from = firstIndex(spans, (span) => span.start >= window.start - longest);
  const to = firstIndex(spans, (span) => span.start > window.end);
  const inside: T[] = [];
  for (let i = from; i < to; i += 1) {
    const span = spans[i] as T;
    if (span.end >= window.start) inside.push(span);
  }
  return inside;
}
