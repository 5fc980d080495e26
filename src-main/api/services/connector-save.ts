/**
 * What the browser connector does with a page the extension sent: the page's rendered HTML goes through the same
 * reading and storing as a page Lectio fetches itself (htmlToWebArticle, then storeWebArticle), and the reader's
 * selection on the page becomes the document's first highlight, found in the saved text by its words and context.
 * A page already in the library (by address) is not saved twice; its selection is still added to it.
 */
import { findPageQuote, type PageQuote } from '../../core/anchoring/page-quote';
import { pairingTokenMatches } from '../../connector/pairing';
import type { LectioApi } from '../contract';
import type { ServiceDeps } from './deps';
import { storeWebArticle } from './web-article-save';

export interface PageCapture {
  /** The page's address as the browser shows it. */
  url: string;
  /** The tab's title, used when the page's own metadata has none. */
  title: string;
  /** `document.documentElement.outerHTML` after the page's scripts ran. */
  html: string;
  selection: PageQuote | null;
}

/**
 * 'none': nothing was selected; 'saved': the selection is a highlight now; 'already': the document already had that
 * highlight; 'not-found': the selected words are not in the saved text (the importer dropped that part of the page).
 */
export type SelectionOutcome = 'none' | 'saved' | 'already' | 'not-found';

export interface SaveOutcome {
  status: 'saved' | 'already-saved';
  documentId: string;
  title: string;
  selection: SelectionOutcome;
}

export interface ConnectorService {
  readonly version: string;
  /** Whether `token` is the pairing token made in Settings. */
  isPaired(token: string | undefined): boolean;
  /** Saves the page; throws a 'page-fetch' LectioError (with a reader's message) when it holds no article. */
  save(capture: PageCapture): Promise<SaveOutcome>;
}

/** The address without its fragment: a page reached at #section is the same page. */
function pageKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

export function createConnectorService(
  deps: Pick<ServiceDeps, 'storage' | 'now' | 'newId'> & { version: string },
  api: LectioApi,
): ConnectorService {
  // Saves run one at a time, so two clicks on one page cannot both find it missing and store it twice.
  let queue: Promise<unknown> = Promise.resolve();

  async function highlight(documentId: string, selection: PageQuote | null): Promise<SelectionOutcome> {
    if (!selection || !selection.exact.trim()) return 'none';
    const doc = await api.getDocument({ id: documentId });
    const range = findPageQuote(doc.body.text, selection);
    if (!range) return 'not-found';
    const { highlights } = await api.getAnnotations({ documentId });
    if (highlights.some((h) => h.anchor?.start === range.start && h.anchor.end === range.end)) return 'already';
    await api.createHighlight({ documentId, start: range.start, end: range.end, color: 1 });
    return 'saved';
  }

  async function save(capture: PageCapture): Promise<SaveOutcome> {
    const key = pageKey(capture.url);
    const existing = deps.storage.documents
      .list()
      .find((doc) => (doc.url && pageKey(doc.url) === key) || (doc.canonicalUrl && pageKey(doc.canonicalUrl) === key));
    if (existing)
      return {
        status: 'already-saved',
        documentId: existing.id,
        title: existing.title,
        selection: await highlight(existing.id, capture.selection),
      };
    // Loaded on first use, as importFromUrl does: jsdom is large.
    const { htmlToWebArticle } = await import('../../import/web-article');
    const article = htmlToWebArticle(capture.html, capture.url);
    const meta = await storeWebArticle(deps, { ...article, title: article.title || capture.title.trim() });
    return {
      status: 'saved',
      documentId: meta.id,
      title: meta.title,
      selection: await highlight(meta.id, capture.selection),
    };
  }

  return {
    version: deps.version,
    isPaired: (token) => pairingTokenMatches(token, deps.storage.settings.connectorPairing()?.tokenHash),
    save(capture) {
      const run = queue.then(() => save(capture));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
