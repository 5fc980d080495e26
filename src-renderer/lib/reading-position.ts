/**
 * Where the reader is in an article, in canonical-text offsets (which mean the same after a restart, a resize or a
 * font change, unlike a scroll offset), and taking them back there.
 */
import { offsetFromPoint, rangeFromOffsets } from './anchoring/text-map';

/** The bottom of whatever covers the top of the window (the sticky top bar), plus a little air. */
function coveredTop(): number {
  const bar = document.querySelector('.topbar');
  const bottom = bar && getComputedStyle(bar).position !== 'static' ? bar.getBoundingClientRect().bottom : 0;
  return Math.max(0, bottom) + 12;
}

/** The offset of the first text in view (at the top of the window, just inside the article); null when none is. */
export function offsetInView(root: HTMLElement): number | null {
  const box = root.getBoundingClientRect();
  const y = Math.max(coveredTop(), box.top + 2);
  if (y >= window.innerHeight || box.bottom <= y) return null;
  const caret = document.caretPositionFromPoint?.(box.left + 8, y);
  if (caret) {
    const offset = offsetFromPoint(root, caret.offsetNode, caret.offset);
    if (offset !== null) return offset;
  }
  // No caret there (a gap between blocks): the first block whose bottom is below the line.
  for (const block of root.querySelectorAll('[data-start]')) {
    if (block.getBoundingClientRect().bottom > y) return Number(block.getAttribute('data-start')) || 0;
  }
  return null;
}

/** How far down the article the bottom of the window has reached, 0 to 1. */
export function scrollProgress(root: HTMLElement): number {
  const box = root.getBoundingClientRect();
  if (box.height <= 0) return 0;
  const seen = window.innerHeight - box.top;
  return Math.min(1, Math.max(0, seen / box.height));
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Scrolls so that `offset` is at the top of the view. A long article lays out its far blocks only as they near the
 * view (content-visibility), so the first jump can land near rather than on the line: it is measured again once the
 * blocks there are laid out, and corrected. Returns false when the offset is not in the text.
 */
export async function scrollToOffset(root: HTMLElement, offset: number): Promise<boolean> {
  for (let pass = 0; pass < 3; pass++) {
    const range = rangeFromOffsets(root, offset, offset);
    if (!range) return false;
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const delta = rect.top - coveredTop();
    if (Math.abs(delta) < 2) return true;
    window.scrollTo({ top: window.scrollY + delta, behavior: 'instant' });
    await nextFrame();
    await nextFrame();
  }
  return true;
}
