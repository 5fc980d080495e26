/**
 * A save from a web address the reader started: while it runs, how far the service has got (the page, then its
 * pictures: webImportProgress, one call at a time) and a Cancel (cancelWebImport). A page
 * refused for having no article is remembered, so the panel can offer to import its whole text instead.
 */
import type { DocumentSummary, LectioApi } from '@contract';
import { isLectioError } from '@core/errors';
import { errorMessage } from '../api-client.svelte';
import { formatCount } from '../format';
import { pollProgress } from '../poll-progress';

const POLL_MS = 200;

export type WebImportOutcome = { saved: DocumentSummary } | { cancelled: true } | { error: string; noArticle: boolean };

export class WebImportTask {
  running = $state(false);
  cancelling = $state(false);
  /** Pictures downloaded of all; 0 of 0 while the page itself is being fetched. */
  progress = $state<{ done: number; total: number }>({ done: 0, total: 0 });

  /** `api` is the client it asks for progress and sends Cancel through (the app's own, or a test's over the service). */
  constructor(private readonly api: LectioApi) {}

  /** "Fetching the page from example.org…", then "Downloading pictures… 3 of 12". */
  text(host: string): string {
    const { done, total } = this.progress;
    return total > 0
      ? `Downloading pictures… ${formatCount(done)} of ${formatCount(total)}`
      : `Fetching the page from ${host}…`;
  }

  /** Saves the page at `url` (its whole text with `wholePage`); never throws. */
  async run(
    url: string,
    wholePage: boolean,
    save: (url: string, wholePage: boolean) => Promise<DocumentSummary>,
  ): Promise<WebImportOutcome> {
    this.running = true;
    this.cancelling = false;
    this.progress = { done: 0, total: 0 };
    const stop = pollProgress(
      () => this.api.webImportProgress({}),
      (now) => {
        if (now.running && this.running) this.progress = { done: now.done, total: now.total };
      },
      POLL_MS,
    );
    try {
      // A document that arrives although Cancel was pressed was stored before the Cancel reached the service: it is
      // in the library, so it is shown, not hidden behind a "cancelled".
      return { saved: await save(url, wholePage) };
    } catch (error) {
      if (this.cancelling || isLectioError(error, 'cancelled')) return { cancelled: true };
      const message = errorMessage(error);
      return { error: message, noArticle: /^No article found on this page/.test(message) };
    } finally {
      stop();
      this.running = false;
      this.cancelling = false;
    }
  }

  /** Stops the save under way; its run() then ends with { cancelled: true } and nothing is stored. */
  async cancel(): Promise<void> {
    if (!this.running || this.cancelling) return;
    this.cancelling = true;
    try {
      await this.api.cancelWebImport({});
    } catch {
      // The service's answer decides what was stored; a failed cancel call leaves the save to finish or fail itself.
    }
  }
}
