/**
 * Saving an article from a web address: the page is fetched and read, its pictures downloaded, and only then is
 * anything stored, so a failure or the reader's Cancel leaves the library as it was. One save runs at a time; how far
 * it has got (the page, then its pictures) can be read meanwhile, and it can be cancelled.
 */
import type { DocumentMeta } from '../../core/model';
import { countWords, deriveTitle } from '../../core/text-stats';
import { DEFAULT_LIMITS, fetchWebPage, webImportCancelled } from '../../import/fetch-page';
import { DEFAULT_IMAGE_LIMITS, downloadImages, storeArticleImages } from '../../import/article-images';
import type { DocumentSummary, LectioApi } from '../contract';
import type { ServiceDeps } from './deps';
import { SingleJob } from './single-job';

type WebImportMethods = Pick<LectioApi, 'importFromUrl' | 'webImportProgress' | 'cancelWebImport'>;

function clip(value: string, max: number): string {
  return value.trim().slice(0, max);
}

/** The metadata fields a saved page gives, set only when it gives them (absent fields stay absent in the file). */
function pageFields(article: { authors: string[]; siteName: string; language: string; canonicalUrl: string; modifiedDate: string | null }): Partial<DocumentMeta> {
  const fields: Partial<DocumentMeta> = {};
  const authors = article.authors.map((name) => clip(name, 200)).filter(Boolean);
  if (authors.length > 0) fields.authors = authors;
  if (article.siteName.trim()) fields.siteName = clip(article.siteName, 300);
  if (article.language) fields.language = article.language;
  if (article.canonicalUrl) fields.canonicalUrl = article.canonicalUrl.slice(0, 4000);
  if (article.modifiedDate) fields.modifiedDate = article.modifiedDate;
  return fields;
}

export function webImportMethods(deps: ServiceDeps): WebImportMethods {
  const { storage, now, newId, options } = deps;
  // No `cancelled` override: a Cancel that arrives once the document is stored must not report it as never saved.
  const job = new SingleJob({ busy: 'A page is already being saved: wait for it, or cancel it first.' });

  return {
    async importFromUrl({ url, wholePage }) {
      return job.run({ total: 0 }, async ({ signal, progress }): Promise<DocumentSummary> => {
        // A page Lectio cannot fetch or read fails with the 'page-fetch' error, which says why; nothing is stored.
        const page = await fetchWebPage(url, options.webLimits ?? DEFAULT_LIMITS, { signal });
        // Loaded on first use: jsdom is large, and most sessions never save a web page.
        const { webPageToArticle } = await import('../../import/web-article');
        const article = webPageToArticle(page, { wholePage });
        // The page's own lead picture (og:image) is fetched only when the article has none to lead with.
        const lead = article.leadImageUrl && article.images.length === 0 ? [article.leadImageUrl] : [];
        const downloaded = await downloadImages([...article.images.map((image) => image.src), ...lead], { limits: options.imageLimits ?? DEFAULT_IMAGE_LIMITS, signal, progress });
        if (signal.aborted) throw webImportCancelled();
        const ids = await storeArticleImages(storage.images, article.body.blocks, article.images, downloaded);
        const leadBytes = article.leadImageUrl ? downloaded.bytes.get(article.leadImageUrl) : undefined;
        const leadImage = ids[0] ?? (leadBytes ? (await storage.images.put(leadBytes)).id : undefined);
        const meta: DocumentMeta = {
          id: newId(),
          title: clip(article.title, 300) || deriveTitle(article.body.text),
          source: clip(article.source, 300),
          publishedDate: article.publishedDate,
          addedAt: now().toISOString(),
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
        return { ...meta, highlightCount: 0 };
      });
    },

    async webImportProgress() {
      return job.progress();
    },

    async cancelWebImport() {
      return job.cancel();
    },
  };
}
