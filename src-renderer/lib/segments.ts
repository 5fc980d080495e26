/**
 * Splits a block of the document model into inline segments, each with the marks that cover it, so the Reader can
 * render emphasis and links without ever turning stored text into HTML.
 */
import type { Block, Mark } from '@core/model';

export interface Segment {
  start: number;
  end: number;
  text: string;
  emphasis: boolean;
  strong: boolean;
  code: boolean;
  href: string | null;
}

/** Returns the segments of `block` in order; marks outside the block are ignored. */
export function blockSegments(text: string, block: Block, marks: readonly Mark[]): Segment[] {
  const inside = marks.filter((mark) => mark.start < block.end && mark.end > block.start);
  const cuts = new Set<number>([block.start, block.end]);
  for (const mark of inside) {
    cuts.add(Math.max(mark.start, block.start));
    cuts.add(Math.min(mark.end, block.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = inside.filter((mark) => mark.start <= start && mark.end >= end);
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      emphasis: covering.some((mark) => mark.kind === 'emphasis'),
      strong: covering.some((mark) => mark.kind === 'strong'),
      code: covering.some((mark) => mark.kind === 'code'),
      href: covering.find((mark) => mark.kind === 'link')?.href ?? null,
    });
  }
  return segments;
}
