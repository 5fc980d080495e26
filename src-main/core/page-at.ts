/**
 * The page of a PDF a passage is on, from the page its block starts on: what lets a highlight, a card and a quiz
 * question say "p. 7". Documents that are not PDFs have no pages, and get undefined.
 */
import type { Block } from './model';

/** The page of the block holding `offset` (the last block starting at or before it); undefined when blocks have none. */
export function pageAt(blocks: readonly Block[], offset: number): number | undefined {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found === -1 ? blocks[0]?.page : blocks[found]!.page;
}

/** "p. 7" for a passage on page 7; '' when the passage has no page. */
export function pageLabel(page: number | undefined): string {
  return page === undefined ? '' : `p. ${page}`;
}
