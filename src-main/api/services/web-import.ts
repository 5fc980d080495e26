/**
 * Saving an article from a web address: the page is fetched and read, its pictures downloaded, and only then is
 * anything stored, so a failure or the reader's Cancel leaves the library as it was. One save runs at a time; how far
 * it has got (the page, then its pictures) can be read meanwhile, and it can be cancelled.
 */
import { DEFAULT_LIMITS, fetchWebPage, type FetchedPage } from '../../import/fetch-page';
import { isEpubBytes } from '../../core/import/sniff';
import { readBook, saveBook } from './book-import';
import type { DocumentSummary, LectioApi } from '../contract';
import type { ServiceDeps } from './deps';
import { importPdfBytes, isPdfPage } from './pdf-import';
import { SingleJob } from './single-job';
import { storeWebArticle } from './web-article-save';

/** Whether a fetched page is an EPUB book: by the type its server gives, or by its bytes whatever the type says. */
export function isEpubPage(page: FetchedPage): boolean {
  return page.mediaType === 'application/epub+zip' || isEpubBytes(page.bytes);
}

type WebImportMethods = Pick<LectioApi, 'importFromUrl' | 'webImportProgress' | 'cancelWebImport'>;

export function webImportMethods(deps: ServiceDeps): WebImportMethods {
  const { options } = deps;
  // No `cancelled` override: a Cancel that arrives once the document is stored must not report it as never saved.
  const job = new SingleJob({ busy: 'A page is already being saved: wait for it, or cancel it first.' });

  return {
    async importFromUrl({ url, wholePage }) {
      return job.run({ total: 0 }, async ({ signal, progress }): Promise<DocumentSummary> => {
        // A page Lectio cannot fetch or read fails with the 'page-fetch' error, which says why; nothing is stored.
        const page = await fetchWebPage(url, options.webLimits ?? DEFAULT_LIMITS, { signal });
        // A PDF is read page by page like a PDF file (pdf-import.ts), not as a web page.
        if (isPdfPage(page)) return importPdfBytes(deps, page.bytes, { url: page.url });
        // A book goes the way of a book from a file (book-import.ts); its host stands for the file name.
        if (isEpubPage(page))
          return saveBook(deps, await readBook(deps, page.bytes), new URL(page.url).hostname, page.url);
        // Loaded on first use: jsdom is large, and most sessions never save a web page.
        const { webPageToArticle } = await import('../../import/web-article');
        const article = webPageToArticle(page, { wholePage });
        const meta = await storeWebArticle(deps, article, { signal, progress, imageLimits: options.imageLimits });
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
