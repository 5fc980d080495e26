/**
 * Settings › Scheduling parameters: how many reviews the log holds against what FSRS's optimiser needs, optimising
 * (the fit and its figures, kept only when it predicts the reader's reviews better), and going back to the defaults.
 */
import type { FsrsOptimiseResult, FsrsStatus, LectioApi } from '@contract';
import { TaskState } from './task-state.svelte';

export class FsrsOptimiserState extends TaskState {
  status = $state<FsrsStatus | null>(null);
  /** The last optimisation run from this screen, kept or not. */
  result = $state<FsrsOptimiseResult | null>(null);
  /** What the last action did, for the status line. */
  message = $state('');

  constructor(private readonly api: LectioApi) {
    super();
  }

  /** Whether the log is long enough for the optimiser. */
  get ready(): boolean {
    return this.status !== null && this.status.reviews >= this.status.needed;
  }

  async load(): Promise<void> {
    const status = await this.run(() => this.api.getFsrsStatus({}));
    if (status) this.status = status;
  }

  async optimise(): Promise<void> {
    this.message = '';
    const result = await this.run(() => this.api.optimiseFsrs({}));
    if (!result) return;
    this.result = result;
    this.status = result.status;
    this.message = result.applied
      ? 'Optimised: your cards are now scheduled with parameters fitted to your reviews.'
      : 'The parameters in use already predict your reviews as well as a new fit would, so they were kept.';
  }

  async reset(): Promise<void> {
    this.message = '';
    const status = await this.run(() => this.api.resetFsrsParameters({}));
    if (!status) return;
    this.status = status;
    this.result = null;
    this.message = 'Back to FSRS’s default parameters.';
  }
}
