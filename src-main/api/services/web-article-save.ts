/**
 * Stores an article read from a web page, whichever way the page arrived: fetched by Lectio (importFromUrl) or sent,
 * as the reader's browser rendered it, by the browser extension (the connector). One path, so both keep the same
 * metadata, download the same pictures within the same limits, and store nothing when a step fails.
 */
import type { DocumentMeta } from '../../core/model';
import { countWords, deriveTitle } from '../../core/text-stats';
import {
  DEFAULT_IMAGE_LIMITS,
  downloadImages,
  storeArticleImages,
  type ImageLimits,
} from '../../import/article-images';
import { webImportCancelled } from '../../import/fetch-page';
import type { WebArticle } from '../../import/web-article';
import type { ServiceDeps } from './deps';

function clip(value: string, max: number): string {
  return value.trim().slice(0, max);
}

/** The metadata fields a saved page gives, set only when it gives them (absent fields stay absent in the file). */
function pageFields(article: WebArticle): Partial<DocumentMeta> {
  const fields: Partial<DocumentMeta> = {};
  const authors = article.authors.map((name) => clip(name, 200)).filter(Boolean);
  if (authors.length > 0) fields.authors = authors;
  if (article.siteName.trim()) fields.siteName = clip(article.siteName, 300);
  if (article.language) fields.language = article.language;
  if (article.canonicalUrl) fields.canonicalUrl = article.canonicalUrl.slice(0, 4000);
  if (article.modifiedDate) fields.modifiedDate = article.modifiedDate;
  return fields;
}

export interface SaveRun {
  signal?: AbortSignal;
  /** `done` of `total` pictures downloaded so far. */
  progress?: (done: number, total: number) => void;
  imageLimits?: ImageLimits;
}

/**
 * Downloads the article's pictures, stores them and the article; returns its stored metadata. Throws the 'cancelled'
 * error when `run.signal` aborts before the article is stored; a picture that fails is left out, never the article.
 */
export async function storeWebArticle(
  deps: Pick<ServiceDeps, 'storage' | 'now' | 'newId'>,
  article: WebArticle,
  run: SaveRun = {},
): Promise<DocumentMeta> {
  const { storage } = deps;
  // The page's own lead picture (og:image) is fetched only when the article has none to lead with.
  const lead = article.leadImageUrl && article.images.length === 0 ? [article.leadImageUrl] : [];
  const downloaded = await downloadImages([...article.images.map((image) => image.src), ...lead], {
    limits: run.imageLimits ?? DEFAULT_IMAGE_LIMITS,
    ...(run.signal && { signal: run.signal }),
    ...(run.progress && { progress: run.progress }),
  });
  if (run.signal?.aborted) throw webImportCancelled();
  const ids = await storeArticleImages(storage.images, article.body.blocks, article.images, downloaded);
  const leadBytes = article.leadImageUrl ? downloaded.bytes.get(article.leadImageUrl) : undefined;
  const leadImage = ids[0] ?? (leadBytes ? (await storage.images.put(leadBytes)).id : undefined);
  const meta: DocumentMeta = {
    id: deps.newId(),
    title: clip(article.title, 300) || deriveTitle(article.body.text),
    source: clip(article.source, 300),
    publishedDate: article.publishedDate,
    addedAt: deps.now().toISOString(),
    wordCount: countWords(article.body.text),
    origin: new URL(article.url).hostname,
    url: article.url,
    ...pageFields(article),
    ...(leadImage ? { leadImage } : {}),
  };
  try {
    await storage.documents.add(meta, article.body);
  } catch (error) {
    // The pictures were stored for this document alone: without it they would be orphans.
    await storage.images.removeUnused([...ids, ...(leadImage ? [leadImage] : [])]).catch(() => undefined);
    throw error;
  }
  return meta;
}
