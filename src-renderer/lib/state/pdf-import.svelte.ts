/**
 * A PDF the reader chose, imported by the service page by page: how far it has got (pdfImportProgress, polled one
 * call at a time) and a Cancel (cancelPdfImport). A cancel that reaches the service while it reads stores nothing;
 * one that arrives after the document was stored is too late, and the document (which is in the library) opens.
 */
import type { DocumentSummary, LectioApi } from '@contract';
import { isLectioError } from '@core/errors';
import { errorMessage } from '../api-client.svelte';
import { formatCount } from '../format';
import { pollProgress } from '../poll-progress';

export type PdfImportOutcome = { doc: DocumentSummary } | { cancelled: true } | { error: string };

export class PdfImportTask {
  /** The file being imported, while one is. */
  name = $state<string | null>(null);
  /** Pages read of the total, both 0 until the service's first answer. */
  progress = $state({ done: 0, total: 0 });
  cancelling = $state(false);

  constructor(private readonly api: LectioApi) {}

  /** "Reading report.pdf… page 12 of 300", or "Reading report.pdf…" until the service has counted the pages. */
  get text(): string {
    const { done, total } = this.progress;
    return total > 0
      ? `Reading ${this.name}… page ${formatCount(done)} of ${formatCount(total)}`
      : `Reading ${this.name}…`;
  }

  /** Imports the PDF whose bytes `data` holds in base64; never throws. */
  async run(name: string, data: string): Promise<PdfImportOutcome> {
    this.name = name;
    this.progress = { done: 0, total: 0 };
    this.cancelling = false;
    const stopPolling = pollProgress(
      () => this.api.pdfImportProgress({}),
      (now) => {
        if (now.running && this.name !== null) this.progress = { done: now.done, total: now.total };
      },
    );
    try {
      const doc = await this.api.importPdf({ data, fileName: name });
      return { doc };
    } catch (error) {
      if (isLectioError(error, 'cancelled')) return { cancelled: true };
      return { error: errorMessage(error) };
    } finally {
      stopPolling();
      this.name = null;
    }
  }

  /**
   * Follows `work` (a save from a web address) in case the service finds a PDF at the address: the bar shows once the
   * service reports a PDF import running, named after `name` (the site). Resolves or rejects as `work` does.
   */
  async follow<T>(name: string, work: () => Promise<T>): Promise<T> {
    let following = true;
    const stopPolling = pollProgress(
      () => this.api.pdfImportProgress({}),
      (now) => {
        if (!following || !now.running) return;
        this.name = name;
        this.progress = { done: now.done, total: now.total };
      },
    );
    this.cancelling = false;
    try {
      return await work();
    } finally {
      following = false;
      stopPolling();
      this.name = null;
    }
  }

  cancel(): void {
    if (this.name === null || this.cancelling) return;
    this.cancelling = true;
    void this.api.cancelPdfImport({}).catch(() => undefined);
  }
}
