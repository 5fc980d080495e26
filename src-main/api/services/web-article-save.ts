/**
 * Stores an article read from a web page, whichever way the page arrived: fetched by Lectio (importFromUrl) or sent,
 * as the reader's browser rendered it, by the browser extension (the connector). One path, so both keep the same
 * metadata and the same limits.
 */
import type { DocumentMeta } from '../../core/model';
import { countWords, deriveTitle } from '../../core/text-stats';
import type { WebArticle } from '../../import/web-article';
import type { ServiceDeps } from './deps';

/** Adds the article to the library; returns its stored metadata. */
export async function storeWebArticle(deps: Pick<ServiceDeps, 'storage' | 'now' | 'newId'>, article: WebArticle): Promise<DocumentMeta> {
  const meta: DocumentMeta = {
    id: deps.newId(),
    title: article.title.slice(0, 300) || deriveTitle(article.body.text),
    source: article.source.slice(0, 300),
    publishedDate: article.publishedDate,
    addedAt: deps.now().toISOString(),
    wordCount: countWords(article.body.text),
    origin: new URL(article.url).hostname,
    url: article.url,
  };
  await deps.storage.documents.add(meta, article.body);
  return meta;
}
