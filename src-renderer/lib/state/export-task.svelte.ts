/**
 * An export the reader started (highlights, cards), downloaded when it is done. One that runs longer than
 * SHOW_AFTER_MS shows how far the service has got (exportProgress, one call at a time) and a Cancel (cancelExport).
 * Cancel wins: a file that arrives after it was pressed is dropped, never downloaded.
 */
import type { ExportedFile, LectioApi } from '@contract';
import { errorMessage } from '../api-client.svelte';
import { isLectioError } from '@core/errors';
import { downloadFile } from '../download';
import { formatCount } from '../format';
import { pollProgress } from '../poll-progress';

/** Exports quicker than this finish without a progress bar flashing up. */
export const SHOW_AFTER_MS = 200;
const POLL_MS = 150;

export type ExportOutcome = { file: ExportedFile } | { cancelled: true } | { error: string };

export class ExportTask {
  running = $state(false);
  /** While the bar shows: done of total, both 0 until the service's first answer. */
  progress = $state<{ done: number; total: number } | null>(null);
  cancelling = $state(false);

  /**
   * `noun` names what is counted: "cards", "highlights". `download` saves the file (the browser's download by
   * default); `showAfterMs` is how long an export runs before its progress shows.
   */
  constructor(
    private readonly api: LectioApi,
    private readonly noun: string,
    private readonly download: (file: ExportedFile) => void = downloadFile,
    private readonly showAfterMs = SHOW_AFTER_MS,
  ) {}

  /** "Exporting… 1,200 of 20,000 cards", or "Exporting…" until the service has said how many. */
  get text(): string {
    const p = this.progress;
    return p && p.total > 0
      ? `Exporting… ${formatCount(p.done)} of ${formatCount(p.total)} ${this.noun}`
      : 'Exporting…';
  }

  /** Runs `start` and downloads its file; null when an export of this task is already running. Never throws. */
  async run(start: () => Promise<ExportedFile>): Promise<ExportOutcome | null> {
    if (this.running) return null;
    this.running = true;
    this.cancelling = false;
    let stopPolling: () => void = () => undefined;
    const show = setTimeout(() => {
      this.progress = { done: 0, total: 0 };
      stopPolling = pollProgress(
        () => this.api.exportProgress({}),
        (now) => {
          if (now.running && this.running) this.progress = { done: now.done, total: now.total };
        },
        POLL_MS,
      );
    }, this.showAfterMs);
    try {
      const file = await start();
      if (this.cancelling) return { cancelled: true };
      this.download(file);
      return { file };
    } catch (error) {
      if (this.cancelling || isLectioError(error, 'cancelled')) return { cancelled: true };
      return { error: errorMessage(error) };
    } finally {
      stopPolling();
      clearTimeout(show);
      this.progress = null;
      this.running = false;
      this.cancelling = false;
    }
  }

  /** Stops the running export; its run() then ends with { cancelled: true } whatever the service answers. */
  async cancel(): Promise<void> {
    if (!this.running || this.cancelling) return;
    this.cancelling = true;
    try {
      await this.api.cancelExport({});
    } catch {
      // The export's file is dropped when it comes, so the reader's Cancel holds even if this call failed.
    }
  }
}
