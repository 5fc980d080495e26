/**
 * Where the reader is in the article: which sentences are on screen. The keyboard's ↓/↑ start from what the reader
 * is looking at when no sentence has been clicked or reached (or that one has been scrolled away), not from the top.
 */
import { firstIndex } from '@core/first-index';
import type { Passage } from '@core/passages';
import { rangeFromOffsets } from './anchoring/text-map';

/** The part of the window the article shows through: under the sticky top bar, down to the window's bottom. */
function visibleBand(): { top: number; bottom: number } {
  const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  return { top, bottom: window.innerHeight };
}

/**
 * The box of a passage's first character (its first line). In a long article a block out of view is not laid out
 * (content-visibility) and its text has no box: the block's own box, which it keeps, stands in.
 */
function firstLine(root: Element, passage: Passage): DOMRect | null {
  const range = rangeFromOffsets(root, passage.start, Math.min(passage.end, passage.start + 1));
  const rect = range?.getClientRects()[0];
  if (rect && rect.height > 0) return rect;
  const node = range?.startContainer;
  const block = (node instanceof Element ? node : node?.parentElement)?.closest('[data-start]');
  return block?.getBoundingClientRect() ?? null;
}

/** How far below the article text's top the passage's first line is, in CSS pixels; null when it is not shown. */
export function firstLineTop(root: Element, passage: Passage): number | null {
  const line = rangeFromOffsets(root, passage.start, passage.end)?.getClientRects()[0];
  return line ? line.top - root.getBoundingClientRect().top : null;
}

/** True when any of the passage's lines is in the visible band. */
export function isPassageInView(root: Element, passage: Passage): boolean {
  const range = rangeFromOffsets(root, passage.start, passage.end);
  const rect = range?.getBoundingClientRect();
  if (!rect || rect.height === 0) return false;
  const band = visibleBand();
  return rect.bottom > band.top && rect.top < band.bottom;
}

/**
 * The index of the first passage that starts in the visible band (`edge` 'first'), or of the last one that does
 * ('last'): where ↓ or ↑ begins. Passages are in reading order, so their first lines go down the page and a binary
 * search over them costs a few range measurements even in a long article. Falls back to the article's first or last
 * passage when none starts in view (one sentence taller than the window).
 */
export function passageIndexInView(root: Element, passages: readonly Passage[], edge: 'first' | 'last'): number {
  if (passages.length === 0) return -1;
  const band = visibleBand();
  if (edge === 'first') {
    const index = firstIndex(
      passages,
      (passage) => (firstLine(root, passage)?.top ?? Number.NEGATIVE_INFINITY) >= band.top,
    );
    return Math.min(index, passages.length - 1);
  }
  const after = firstIndex(
    passages,
    (passage) => (firstLine(root, passage)?.bottom ?? Number.NEGATIVE_INFINITY) > band.bottom,
  );
  return Math.max(0, after - 1);
}
