/**
 * Which of a document's pictures belong with a card: those the passage holds, and the figure standing right beside
 * it (the picture just before the passage's first block or just after its last, captions between them skipped), which
 * is the picture the passage is about in a page laid out as picture, caption, text. Pictures elsewhere in the
 * article stay out: a card carries its own figure, not the whole gallery.
 */
import type { Block } from '../model';
import type { CardPicture } from './anki-note-type';

/** At most this many pictures per card: a passage between two figures gets both, never more. */
export const MAX_CARD_PICTURES = 3;

function pictureOf(block: Block | undefined): CardPicture | null {
  return block?.kind === 'image' && block.image ? { imageId: block.image.id, alt: block.image.alt } : null;
}

/** The picture reached from block `from` stepping by `step` over captions, or null when text comes first. */
function beside(blocks: readonly Block[], from: number, step: 1 | -1): CardPicture | null {
  for (let index = from; index >= 0 && index < blocks.length; index += step) {
    const block = blocks[index];
    if (block?.kind === 'caption') continue;
    return pictureOf(block);
  }
  return null;
}

/** The pictures of the passage [start, end) in document order, without repeats; none when it touches no block. */
export function picturesNear(blocks: readonly Block[], start: number, end: number): CardPicture[] {
  // One pass without allocating: an export calls this for every card, over a book's thousands of blocks.
  let first = -1;
  let last = -1;
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index] as Block;
    if (block.kind === 'image' || block.start >= end || block.end <= start) continue;
    if (first < 0) first = index;
    last = index;
  }
  if (first < 0) return [];
  const found: CardPicture[] = [];
  const add = (picture: CardPicture | null) => {
    if (picture && !found.some((seen) => seen.imageId === picture.imageId)) found.push(picture);
  };
  add(beside(blocks, first - 1, -1));
  for (let index = first; index <= last; index += 1) add(pictureOf(blocks[index]));
  add(beside(blocks, last + 1, 1));
  return found.slice(0, MAX_CARD_PICTURES);
}
