/**
 * The highlight Lectio stores: W3C selectors over a document's canonical text plus the reader's colour, note and tags.
 */
import type { HighlightSelectors } from '../anchoring/selectors';

export type HighlightColor = 1 | 2 | 3 | 4 | 5;

export const HIGHLIGHT_COLORS: readonly HighlightColor[] = [1, 2, 3, 4, 5];

/** What each colour means to this reader (for example 1 = "Key idea"); the app's settings supply it. */
export type ColorLabels = Readonly<Record<HighlightColor, string>>;

export interface Highlight {
  id: string;
  documentId: string;
  color: HighlightColor;
  selectors: HighlightSelectors;
  note: string;
  tags: string[];
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  /** The id another tool gave it (a W3C annotation IRI), kept when it was imported; its Lectio id is `id`. */
  foreignId?: string;
}

/** True for 1..5; narrows unknown input to a colour. */
export function isHighlightColor(value: unknown): value is HighlightColor {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/**
 * Reading order: by `positions` (the offsets the highlights anchor at now, by id) or else the stored position, then by
 * creation time and id so the order is stable. Returns a new array.
 */
export function inReadingOrder(highlights: readonly Highlight[], positions?: ReadonlyMap<string, number>): Highlight[] {
  const at = (h: Highlight) => positions?.get(h.id) ?? h.selectors[0].start;
  return [...highlights].sort(
    (a, b) => at(a) - at(b) || a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
