/** The Reader screen's state: the open document, its actors and dates, and the reader's corrections to them. */
import type { AnalysisCorrection, AnalysisView, LectioApi, MethodOutput } from '@contract';
import type { LectioDocument } from '@core/model';
import { errorMessage } from '../api-client.svelte';
import { isLectioError } from '@core/errors';
import { pollProgress } from '../poll-progress';

export class ReaderState {
  // Raw (not deeply reactive): a long article is thousands of blocks, replaced whole, never edited in place.
  document = $state.raw<LectioDocument | null>(null);
  loading = $state(true);
  error = $state<string | null>(null);
  analysis = $state.raw<AnalysisView | null>(null);
  analysisError = $state<string | null>(null);
  analysing = $state(false);
  /** Set when the reader stopped the analysis; it runs again on request. */
  analysisStopped = $state(false);
  /** How far a book's analysis has got, chapter by chapter, while it runs; null for articles and when idle. */
  analysisStep = $state<{ done: number; total: number } | null>(null);
  /** How well the reader knows this document and its actors, from recent quizzes; null until read or when unreadable. */
  mastery = $state.raw<MethodOutput<'getMastery'> | null>(null);

  constructor(private readonly api: LectioApi) {}

  async load(id: string): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.document = await this.api.getDocument({ id });
    } catch (error) {
      this.document = null;
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  /** Reads the mastery meters; a failure leaves them out (they are a hint, and the article reads without them). */
  async loadMastery(): Promise<void> {
    if (!this.document) return;
    try {
      this.mastery = await this.api.getMastery({ documentId: this.document.id });
    } catch {
      this.mastery = null;
    }
  }

  async loadAnalysis(): Promise<void> {
    if (!this.document) return;
    this.analysing = true;
    this.analysisStopped = false;
    const id = this.document.id;
    const stopPolling = this.document.body.sections?.length
      ? pollProgress(
          () => this.api.analysisProgress({ id }),
          (step) =>
            (this.analysisStep = step.running && step.total > 1 ? { done: step.done, total: step.total } : null),
          400,
        )
      : () => {};
    try {
      this.analysis = await this.api.getAnalysis({ id: this.document.id });
      this.analysisError = null;
    } catch (error) {
      if (isLectioError(error, 'cancelled')) this.analysisStopped = true;
      else this.analysisError = errorMessage(error);
    } finally {
      stopPolling();
      this.analysisStep = null;
      this.analysing = false;
    }
  }

  /** Stops a long analysis (a book-length article can take seconds); the panel offers to run it again. */
  async cancelAnalysis(): Promise<void> {
    await this.api.cancelAnalysis({});
  }

  /** Stores one correction and shows the corrected result; returns the error message, or null on success. */
  async correct(correction: AnalysisCorrection): Promise<string | null> {
    if (!this.document) return 'No document is open.';
    try {
      this.analysis = await this.api.correctAnalysis({ id: this.document.id, correction });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  /** Sets (or clears) the published date that anchors relative dates, then re-runs the analysis. */
  async setPublishedDate(publishedDate: string | null): Promise<string | null> {
    if (!this.document) return 'No document is open.';
    try {
      const meta = await this.api.updateDocument({ id: this.document.id, publishedDate });
      this.document = { ...this.document, publishedDate: meta.publishedDate };
      await this.loadAnalysis();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }
}
