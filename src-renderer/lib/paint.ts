/**
 * Draws ranges of the canonical text with the CSS Custom Highlight API: no element is added to the article and its
 * DOM is never mutated, so Svelte's rendering and the offset map stay intact. Each layer is a named highlight styled
 * by `::highlight(name)` in the stylesheet.
 */
import { layoutVersion, rangeFromOffsets, staticRangesFromOffsets } from './anchoring/text-map';
import { isLongText, spansIn, textWindow } from './paint-window';

export interface Span {
  start: number;
  end: number;
}

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * What each layer was last drawn from, so that repainting an unchanged layer costs a comparison, not its ranges.
 * The spans are kept as given: callers pass fresh arrays of spans they never change (highlights are replaced, not edited).
 */
const drawn = new Map<string, { root: Element; version: number; spans: readonly Span[]; count: number }>();

function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i]?.start !== b[i]?.start || a[i]?.end !== b[i]?.end) return false;
  }
  return true;
}

/** Layers drawn by window (see paint-window.ts), with every span they hold, to redraw as the window moves. */
const windowed = new Map<string, { root: Element; spans: readonly Span[]; priority: number }>();

function redrawWindow(root: Element): void {
  const window = textWindow(root, redrawWindow);
  for (const [name, layer] of windowed)
    if (layer.root === root) draw(root, name, spansIn(layer.spans, window), layer.priority);
}

/**
 * Replaces layer `name` with `spans`; returns how many ranges were drawn (0 where the API is missing). A layer
 * drawn from the same spans over the same, unchanged DOM is left as it is. With `windowed`, a long text draws only
 * the spans near the view and the rest as the reader scrolls to them (for layers of many spans: highlights, an
 * actor's mentions).
 */
export function paintLayer(
  root: Element,
  name: string,
  spans: readonly Span[],
  priority = 0,
  options: { windowed?: boolean } = {},
): number {
  if (!supported()) return 0;
  if (!options.windowed) {
    windowed.delete(name);
    return draw(root, name, spans, priority);
  }
  windowed.set(name, { root, spans, priority });
  return draw(root, name, spansIn(spans, textWindow(root, redrawWindow)), priority);
}

function draw(root: Element, name: string, spans: readonly Span[], priority: number): number {
  const version = layoutVersion(root);
  const last = drawn.get(name);
  const registered = CSS.highlights.get(name);
  if (
    last &&
    last.root === root &&
    last.version === version &&
    (registered?.priority ?? priority) === priority &&
    (registered?.size ?? 0) === last.count &&
    sameSpans(last.spans, spans)
  ) {
    return last.count;
  }
  const ranges = staticRangesFromOffsets(root, spans);
  drawn.set(name, { root, version, spans, count: ranges.length });
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return 0;
  }
  const layer = new Highlight(...ranges);
  layer.priority = priority;
  CSS.highlights.set(name, layer);
  return ranges.length;
}

export function clearLayer(name: string): void {
  drawn.delete(name);
  windowed.delete(name);
  if (supported()) CSS.highlights.delete(name);
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Scrolls `block` to the middle of the view. In a long text the blocks off screen are not laid out (content-visibility)
 * and count at an estimated height, so a jump far down lands near the block, not on it, and a smooth scroll aims at a
 * place that moves while it travels: there the jump is instant and repeated on the next frames, as the blocks it
 * lands among are laid out, until one leaves the block where it is.
 */
function scrollToBlock(root: Element, block: Element): void {
  if (!isLongText(root)) {
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    block.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    return;
  }
  let tries = 0;
  const settle = () => {
    const before = block.getBoundingClientRect().top;
    block.scrollIntoView({ block: 'center', behavior: 'auto' });
    if (++tries < 20 && Math.abs(block.getBoundingClientRect().top - before) > 1) requestAnimationFrame(settle);
  };
  settle();
}

/** Scrolls `span` into the middle of the view and flashes it; returns false when it is not in the rendered text. */
export function revealSpan(root: Element, span: Span): boolean {
  const range = rangeFromOffsets(root, span.start, span.end);
  if (!range) return false;
  const block = range.startContainer.parentElement?.closest('[data-start]');
  if (block) scrollToBlock(root, block);
  paintLayer(root, 'lectio-flash', [span], 10);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => clearLayer('lectio-flash'), 2400);
  return true;
}
