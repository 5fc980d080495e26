/**
 * Downloads a saved article's pictures, with the page's own fetch rules (http and https only, each redirect
 * re-checked, a deadline, a cap enforced while the bytes stream in): at most 20 MB a picture and 50 MB for the whole
 * article, a few at a time. A picture that fails (gone, too large, not an image by its bytes) is left out with its
 * block; it never fails the save. Nothing is written until every download has finished, so a Cancel (or any failure
 * before the document is stored) leaves no file behind.
 */
import type { Block } from '../core/model';
import type { PendingImage } from '@html-import/article-builder';
import { sniffImage } from '../storage/image-sniff';
import type { ImageStore } from '../storage/image-store';
import { isLectioError } from '../core/errors';
import { fetchWebPage, webImportCancelled, type FetchLimits } from './fetch-page';

export interface ImageLimits extends FetchLimits {
  /** All the article's pictures together. */
  maxArticleBytes: number;
  /** Downloads at once. */
  concurrency: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  maxArticleBytes: 50 * 1024 * 1024,
  concurrency: 6,
};

const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1';

export interface DownloadedImages {
  /** The pictures downloaded, keyed by address, with their bytes (not yet stored). */
  bytes: Map<string, Uint8Array>;
  /** Addresses that failed, with why (for logs and tests; the reader only sees fewer pictures). */
  failed: Map<string, string>;
}

export interface DownloadOptions {
  limits?: ImageLimits;
  signal?: AbortSignal;
  /** `done` of `total` pictures so far. */
  progress?: (done: number, total: number) => void;
}

/** Downloads each distinct address in `urls`; throws the 'cancelled' error (webImportCancelled) when the signal aborts, nothing else. */
export async function downloadImages(
  urls: readonly string[],
  options: DownloadOptions = {},
): Promise<DownloadedImages> {
  const limits = options.limits ?? DEFAULT_IMAGE_LIMITS;
  const distinct = [...new Set(urls)];
  const result: DownloadedImages = { bytes: new Map(), failed: new Map() };
  let used = 0;
  let done = 0;
  let next = 0;
  options.progress?.(0, distinct.length);
  const worker = async () => {
    while (next < distinct.length) {
      const url = distinct[next++] as string;
      if (options.signal?.aborted) throw webImportCancelled();
      try {
        const fetched = await fetchWebPage(url, limits, {
          signal: options.signal,
          accept: IMAGE_ACCEPT,
          what: 'image',
          // The article's budget is shared: every chunk of every download counts against it as it arrives.
          onChunk: (bytes) => (used += bytes) <= limits.maxArticleBytes,
        });
        if (!sniffImage(fetched.bytes)) throw new Error(`not an image (${fetched.mediaType || 'no type'})`);
        result.bytes.set(url, fetched.bytes);
      } catch (error) {
        if (isLectioError(error, 'cancelled')) throw error;
        result.failed.set(url, error instanceof Error ? error.message : String(error));
      }
      options.progress?.(++done, distinct.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, distinct.length) }, worker));
  if (options.signal?.aborted) throw webImportCancelled();
  return result;
}

/**
 * Stores the downloaded pictures and fills in their blocks' ids; blocks whose picture failed are removed from
 * `blocks`. Returns the ids stored, in reading order (the first is the lead image unless the page names one).
 */
export async function storeArticleImages(
  store: ImageStore,
  blocks: Block[],
  pending: readonly PendingImage[],
  downloaded: DownloadedImages,
): Promise<string[]> {
  const ids: string[] = [];
  const idOf = new Map<string, string>();
  for (const { block, src } of pending) {
    const bytes = downloaded.bytes.get(src);
    if (!bytes || !block.image) continue;
    let id = idOf.get(src);
    if (!id) {
      const stored = await store.put(bytes);
      id = stored.id;
      idOf.set(src, id);
      if (!block.image.width && stored.width && stored.height)
        Object.assign(block.image, { width: stored.width, height: stored.height });
    }
    block.image.id = id;
    if (!ids.includes(id)) ids.push(id);
  }
  const kept = blocks.filter((block) => block.kind !== 'image' || Boolean(block.image?.id));
  blocks.splice(0, blocks.length, ...kept);
  return ids;
}
