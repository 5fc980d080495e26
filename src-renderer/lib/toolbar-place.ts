/** Where the selection toolbar goes beside a span of the article: above its first line, or below its last. */
import { rangeFromOffsets } from './anchoring/text-map';

export interface Toolbar {
  x: number;
  y: number;
  /** True when the toolbar sits under the text (`y` is then the text's bottom): above, it would be hidden. */
  below: boolean;
  start: number;
  end: number;
  highlightId: string | null;
}

/** The toolbar's height and its gap to the text, in CSS pixels, with a little to spare. */
const TOOLBAR_ROOM = 56;

/** The toolbar for [start, end) in viewport coordinates; null when the span is not in the rendered article. */
export function toolbarFor(root: Element, start: number, end: number, highlightId: string | null): Toolbar | null {
  const range = rangeFromOffsets(root, start, end);
  const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
  if (!rect) return null;
  // Above the first line unless that puts it under the sticky top bar or off the screen (a sentence reached with ↓
  // near the top): then below the last line, where it can be seen and clicked.
  const topbar = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  const below = rect.top - TOOLBAR_ROOM < topbar;
  const rects = range?.getClientRects();
  const at = below ? (rects?.[rects.length - 1] ?? rect) : rect;
  return { x: at.left + at.width / 2, y: below ? at.bottom : at.top, below, start, end, highlightId };
}
