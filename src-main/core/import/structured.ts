/**
 * A document body built elsewhere (the renderer's HTML importer) is checked here before it is stored: every block and
 * mark must lie inside the text, blocks in order and apart, and links only http(s) or mailto. The checks make a body
 * sent straight to the API by a hostile page as harmless as one from the importer.
 */
import type { DocumentBody, Mark } from '../model';
import { safeHref } from './safe-href';

/** Returns the body with unsafe links dropped, or a message saying why it cannot be stored. */
export function checkStructuredBody(body: DocumentBody): { body: DocumentBody } | { error: string } {
  const length = body.text.length;
  let previousEnd = 0;
  for (const block of body.blocks) {
    // A picture holds no text (start === end); every other block holds some.
    const empty = block.kind === 'image' ? block.end !== block.start : block.end <= block.start;
    if (block.start < previousEnd || empty || block.end > length) {
      return { error: 'The article’s paragraphs do not match its text.' };
    }
    previousEnd = block.end;
  }
  const marks: Mark[] = [];
  for (const mark of body.marks) {
    if (mark.start < 0 || mark.end <= mark.start || mark.end > length)
      return { error: 'The article’s formatting does not match its text.' };
    if (mark.kind !== 'link') {
      marks.push({ kind: mark.kind, start: mark.start, end: mark.end });
      continue;
    }
    const href = safeHref(mark.href ?? '');
    if (href) marks.push({ kind: 'link', start: mark.start, end: mark.end, href });
  }
  return { body: { text: body.text, blocks: body.blocks.map((b) => ({ ...b })), marks } };
}
