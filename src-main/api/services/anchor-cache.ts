/**
 * Anchors stored with the annotations, so reading a document does not re-anchor its highlights every time. A
 * highlight is anchored once per version of the document's text (named by a digest of it) and the result kept in the
 * annotations file (annotation-repository.ts); a misplaced highlight's fuzzy search can cost milliseconds, and a
 * thousand of them used to hold the service for seconds on every open. Long runs of anchoring give way to other calls
 * now and then.
 */
import { createHash } from 'node:crypto';
import { anchor, type Anchored } from '../../core/anchoring/anchor';
import type { Highlight } from '../../core/annotations/highlight';

/** The last text digested per document: a document's text is one string kept in memory, so a reread is free. */
const digests = new Map<string, { text: string; key: string }>();

/** A digest naming this version of the document's text. */
export function textKeyOf(documentId: string, text: string): string {
  const known = digests.get(documentId);
  if (known && known.text === text) return known.key;
  const key = `sha256:${createHash('sha256').update(text).digest('hex')}`;
  digests.set(documentId, { text, key });
  return key;
}

/** Work this long without a pause holds up every other call (the service is one event loop), so the loop yields. */
const SLICE_MS = 20;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Anchors each highlight in `text`, giving way to other work every SLICE_MS; returns the anchors by highlight id. */
export async function anchorAll(
  text: string,
  highlights: readonly Highlight[],
): Promise<Record<string, Anchored | null>> {
  const at: Record<string, Anchored | null> = {};
  let sliceStart = performance.now();
  for (const highlight of highlights) {
    at[highlight.id] = anchor(text, highlight.selectors);
    if (performance.now() - sliceStart > SLICE_MS) {
      await pause();
      sliceStart = performance.now();
    }
  }
  return at;
}
