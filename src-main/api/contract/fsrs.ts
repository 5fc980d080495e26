/** The FSRS optimiser part of the API contract: fit the scheduler's parameters to the reader's own reviews, or go back. */
import type { Empty } from './common';

export interface FsrsLossView {
  /** Lower is better: how surprised the model is by what the reader recalled and forgot. */
  logLoss: number;
  /** Gap between predicted and actual recall over calibration bins (0..1); lower is better. */
  rmse: number;
}

export interface FsrsOptimisation {
  optimisedAt: string;
  /** Long-term reviews (a day or more after the card's previous one) the fit was measured on. */
  reviews: number;
  /** The parameters in use before the fit, and the fit's, on the same reviews. */
  before: FsrsLossView;
  after: FsrsLossView;
}

export interface FsrsStatus {
  /** The 21 parameters the scheduler uses now. */
  parameters: number[];
  /** Whether they are the reader's own (optimised) rather than FSRS's defaults. */
  custom: boolean;
  /** Long-term reviews in the log now, and how many the optimiser needs. */
  reviews: number;
  needed: number;
  /** The fit that set the parameters in use, or null while they are the defaults. */
  optimisation: FsrsOptimisation | null;
}

export interface FsrsOptimiseResult {
  status: FsrsStatus;
  /** Whether the fit was kept: only parameters that predict the reviews better than those in use are. */
  applied: boolean;
  /** The fit's figures against those in use, kept or not. */
  fit: FsrsOptimisation;
}

export interface FsrsMethods {
  getFsrsStatus: { input: Empty; output: FsrsStatus };
  /** Fails with 'invalid-argument' when the log is too short, saying how many more reviews it needs. */
  optimiseFsrs: { input: Empty; output: FsrsOptimiseResult };
  resetFsrsParameters: { input: Empty; output: FsrsStatus };
}
