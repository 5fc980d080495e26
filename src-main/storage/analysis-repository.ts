/**
 * Each document's cached engine result (`analysis/<id>.json`): derived data, kept so an article is not analysed again
 * on every open, and recomputed when the engine, the text or the reference date changes. Saving goes through
 * `#write`, which reports it to the change feed (as a derived kind, which sync recomputes rather than copies).
 */
import type { ChangeFeed } from './change-feed';
import type { AnalysisFile } from './file-schemas';
import type { PerDocumentStore } from './per-document-store';

/** The engine's result with what it was computed from (engine version, reference date, text length). */
export type AnalysisCache = NonNullable<AnalysisFile['cache']>;

export class AnalysisRepository {
  constructor(
    private readonly files: PerDocumentStore<AnalysisFile>,
    private readonly feed: ChangeFeed,
  ) {}

  /** The cached result for the document, or null when it was never analysed (or the cache was dropped). */
  async cached(documentId: string): Promise<Readonly<AnalysisCache> | null> {
    return (await this.files.get(documentId)).data.cache;
  }

  /** Keeps the engine's result for the document, replacing any earlier one. */
  async store(documentId: string, cache: AnalysisCache): Promise<void> {
    await this.#write(documentId, (data) => {
      data.cache = cache;
    });
  }

  /** The one place an analysis file is changed: saved under the file's lock, then reported. */
  async #write(documentId: string, change: (data: AnalysisFile) => void): Promise<void> {
    await this.files.update(documentId, change);
    this.feed.emit([{ kind: 'analysis', id: documentId, documentId, op: 'put' }]);
  }
}
