/**
 * The EPUB part of the service: a book from a file the reader chose (its bytes sent as base64) or fetched from a web
 * address (importFromUrl hands EPUB responses here), read whole, checked like any structured body, and stored as one
 * document whose chapters are its sections. A book that cannot be read leaves the library as it was.
 */
import { MAX_FILE_BYTES } from '../../core/import/decode';
import { isEpubBytes } from '../../core/import/sniff';
import { checkStructuredBody } from '../../core/import/structured';
import { storeArticleImages } from '../../import/article-images';
import type { DocumentMeta } from '../../core/model';
import { countWords, deriveTitle } from '../../core/text-stats';
import type { EpubBook } from '../../import/epub/epub-book';
import type { EpubReader, ImportStep } from '../../import/epub/epub-reader';
import type { DocumentSummary, LectioApi } from '../contract';
import { LectioError } from '../../core/errors';
import type { ServiceDeps } from './deps';

export { ImportCancelledError, type EpubReader, type ImportStep } from '../../import/epub/epub-reader';

/** Reads the book in process (tests, tools); the hosts pass a worker-thread reader (import/epub-runner.ts). */
export const inProcessEpub: EpubReader = {
  async read(bytes, onProgress) {
    // Loaded on first use: jsdom is large, and most sessions never import a book.
    const { readEpub } = await import('../../import/epub/epub-book');
    return readEpub(bytes, undefined, (done, total) => onProgress?.({ done, total }));
  },
  // An in-process read is synchronous: by the time a cancel could arrive, there is nothing left to stop.
  cancel: () => 0,
};

/** The books being imported by each service, with how far each has got (the latest started is the one shown). */
const importing = new WeakMap<ServiceDeps, Map<number, ImportStep>>();
let nextImport = 1;

function importsOf(deps: ServiceDeps): Map<number, ImportStep> {
  let map = importing.get(deps);
  if (!map) importing.set(deps, (map = new Map()));
  return map;
}

/** The book read by the service's reader; rejects with EpubError ('unreadable-file') or ImportCancelledError. */
export async function readBook(deps: ServiceDeps, bytes: Uint8Array): Promise<EpubBook> {
  const imports = importsOf(deps);
  const key = nextImport++;
  imports.set(key, { done: 0, total: 0 });
  try {
    return await (deps.options.epub ?? inProcessEpub).read(bytes, (step) => imports.set(key, step));
  } finally {
    imports.delete(key);
  }
}

/** Stores a book read whole; `origin` is its file name or its web host. */
export async function saveBook(
  deps: ServiceDeps,
  book: EpubBook,
  origin: string,
  url?: string,
): Promise<DocumentSummary> {
  const checked = checkStructuredBody(book.body);
  if ('error' in checked) throw new LectioError('invalid-argument', `This book cannot be imported: ${checked.error}`);
  const body = { ...checked.body, sections: book.body.sections };
  const source = book.authors.join(', ') || book.publisher;
  const meta: DocumentMeta = {
    id: deps.newId(),
    title: book.title.slice(0, 300) || book.body.sections[0]?.title || deriveTitle(body.text),
    source: source.slice(0, 300),
    publishedDate: book.publishedDate,
    addedAt: deps.now().toISOString(),
    wordCount: countWords(body.text),
    origin,
    ...(url ? { url } : {}),
    ...(book.authors.length > 0 ? { authors: book.authors.map((name) => name.slice(0, 300)) } : {}),
    ...(book.publisher ? { siteName: book.publisher.slice(0, 300) } : {}),
    ...(book.language ? { language: book.language.slice(0, 35) } : {}),
  };
  // The book's pictures are stored once each by content (storage/image-store.ts); a file that is not an image by its
  // bytes, or was over the limits, is left out with its block.
  const pending = (book.images ?? []).flatMap(({ block, path }) => {
    const found = body.blocks[block];
    return found?.kind === 'image' ? [{ block: found, src: path }] : [];
  });
  const ids = await storeArticleImages(deps.storage.images, body.blocks, pending, {
    bytes: book.imageBytes ?? new Map(),
    failed: new Map(),
  });
  if (ids[0]) meta.leadImage = ids[0];
  try {
    await deps.storage.documents.add(meta, body);
  } catch (error) {
    // The pictures were stored for this book alone: without it they would be orphans.
    await deps.storage.images.removeUnused(ids).catch(() => undefined);
    throw error;
  }
  return { ...meta, highlightCount: 0 };
}

export function bookImportMethods(
  deps: ServiceDeps,
): Pick<LectioApi, 'importEpub' | 'importProgress' | 'cancelImport'> {
  return {
    async importProgress() {
      const latest = [...importsOf(deps).values()].at(-1);
      return latest ? { running: true, ...latest } : { running: false, done: 0, total: 0 };
    },

    async cancelImport() {
      return { stopped: (deps.options.epub ?? inProcessEpub).cancel() };
    },

    async importEpub({ fileName, data }) {
      const bytes = Buffer.from(data, 'base64');
      // Novels are 0.3 to 3 MB; the limit is the one every file Lectio opens has (the schema enforces it on the base64).
      if (bytes.length > MAX_FILE_BYTES)
        throw new LectioError(
          'invalid-argument',
          `${fileName} is ${(bytes.length / 1e6).toFixed(1)} MB; Lectio opens files up to ${MAX_FILE_BYTES / 1e6} MB.`,
        );
      if (!isEpubBytes(bytes))
        throw new LectioError(
          'invalid-argument',
          `${fileName} is not an EPUB book: it does not start as an EPUB file does.`,
        );
      const book = await readBook(deps, bytes);
      return saveBook(deps, book, fileName);
    },
  };
}
