/**
 * Draws ranges of the canonical text with the CSS Custom Highlight API: no element is added to the article and its
 * DOM is never mutated, so Svelte's rendering and the offset map stay intact. Each layer is a named highlight styled
 * by `::highlight(name)` in the stylesheet.
 */
import { rangeFromOffsets } from './anchoring/text-map';

export interface Span {
  start: number;
  end: number;
}

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Replaces layer `name` with `spans`; returns how many could be drawn (0 where the API is missing). */
export function paintLayer(root: Element, name: string, spans: readonly Span[], priority = 0): number {
  if (!supported()) return 0;
  const ranges: StaticRange[] = [];
  for (const span of spans) {
    const range = rangeFromOffsets(root, span.start, span.end, { static: true });
    if (range) ranges.push(range);
  }
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
  if (supported()) CSS.highlights.delete(name);
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Scrolls `span` into the middle of the view and flashes it; returns false when it is not in the rendered text. */
export function revealSpan(root: Element, span: Span): boolean {
  const range = rangeFromOffsets(root, span.start, span.end);
  if (!range) return false;
  const block = range.startContainer.parentElement?.closest('[data-start]');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  block?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
  paintLayer(root, 'lectio-flash', [span], 10);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => clearLayer('lectio-flash'), 2400);
  return true;
}
