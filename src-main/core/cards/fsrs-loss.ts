/**
 * How well a set of FSRS parameters predicts a reader's own reviews, computed by ts-fsrs (the scheduler Lectio uses), so
 * "before" and "after" are measured by the same model that will schedule the cards. Each card's history is replayed
 * from its first grade; at every review made a day or more after the previous one, the predicted chance of recall is
 * compared with what happened (anything but Again is a recall).
 *
 * Two figures, as Anki shows them: log loss (lower is better; it punishes confident wrong predictions) and RMSE over
 * calibration bins (predictions grouped in twenty bins of predicted recall; the root of the squared gap between
 * predicted and actual recall, weighted by the size of each bin).
 */
import { fsrs, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { CardHistory } from './fsrs-history';

export interface FsrsLoss {
  logLoss: number;
  rmse: number;
  /** The reviews predicted (long-term reviews). */
  reviews: number;
}

const BINS = 20;
const EPSILON = 1e-6;

export function evaluateParameters(histories: readonly CardHistory[], parameters: readonly number[]): FsrsLoss {
  const model = fsrs(generatorParameters({ w: [...parameters], enable_short_term: true }));
  const bins = Array.from({ length: BINS }, () => ({ predicted: 0, actual: 0, count: 0 }));
  let loss = 0;
  let count = 0;
  for (const history of histories) {
    let state: FSRSState | null = null;
    for (const [index, review] of history.reviews.entries()) {
      if (index > 0 && review.days > 0 && state) {
        const p = Math.min(1 - EPSILON, Math.max(EPSILON, model.forgetting_curve(review.days, state.stability)));
        const recalled = review.grade > 1 ? 1 : 0;
        loss -= recalled * Math.log(p) + (1 - recalled) * Math.log(1 - p);
        count++;
        const bin = bins[Math.min(BINS - 1, Math.floor(p * BINS))] as (typeof bins)[number];
        bin.predicted += p;
        bin.actual += recalled;
        bin.count++;
      }
      state = model.next_state(state, review.days, review.grade);
    }
  }
  const squared = bins.reduce((sum, bin) => (bin.count ? sum + (bin.predicted - bin.actual) ** 2 / bin.count : sum), 0);
  return { logLoss: count ? loss / count : 0, rmse: count ? Math.sqrt(squared / count) : 0, reviews: count };
}
