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
  const touched = blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => block.kind !== 'image' && block.start < end && block.end > start);
  const first = touched[0];
  const last = touched.at(-1);
  if (!first || !last) return [];
  const inside = blocks
    .slice(first.index, last.index + 1)
    .map(pictureOf)
    .filter((picture): picture is CardPicture => picture !== null);
  const found = [beside(blocks, first.index - 1, -1), ...inside, beside(blocks, last.index + 1, 1)].filter(
    (picture): picture is CardPicture => picture !== null,
  );
  const unique = new Map(found.map((picture) => [picture.imageId, picture]));
  return [...unique.values()].slice(0, MAX_CARD_PICTURES);
}
