/**
 * FSRS parameters fitted to the reader's own review log: the fit (fsrs-rs, off the main thread) is measured by ts-fsrs,
 * the scheduler, against the parameters in use on the same reviews, and kept only when it predicts them better (as
 * Anki does); going back to FSRS's defaults is one call. The scheduler reads the kept parameters on every call
 * (CardContext.scheduler), so they apply from the next review on.
 */
import { default_w } from 'ts-fsrs';
import { optimiseParameters } from '../../cards/fsrs-optimiser';
import { cardHistories, longTermReviews, MIN_OPTIMISE_REVIEWS, trainingItems } from '../../core/cards/fsrs-history';
import { evaluateParameters } from '../../core/cards/fsrs-loss';
import { LectioError } from '../../core/errors';
import type { FsrsOptimisation, FsrsStatus, LectioApi } from '../contract';
import { CardContext } from './card-views';
import type { ServiceDeps } from './deps';

type FsrsMethodNames = Pick<LectioApi, 'getFsrsStatus' | 'optimiseFsrs' | 'resetFsrsParameters'>;

export function fsrsMethods(deps: ServiceDeps): FsrsMethodNames {
  const context = new CardContext(deps);
  const settings = deps.storage.settings;
  let running = false;

  const histories = () => cardHistories(context.reviews.all(), context.dayOf());

  function status(): FsrsStatus {
    const kept = settings.fsrsParameters();
    return {
      parameters: kept ? kept.parameters : [...default_w],
      custom: kept !== null,
      reviews: longTermReviews(histories()),
      needed: MIN_OPTIMISE_REVIEWS,
      optimisation: kept
        ? { optimisedAt: kept.optimisedAt, reviews: kept.reviews, before: kept.before, after: kept.after }
        : null,
    };
  }

  return {
    async getFsrsStatus() {
      // The whole review log (the cards and their schedule index alone do not hold the histories).
      await context.reviews.ready();
      return status();
    },

    async optimiseFsrs() {
      await context.reviews.ready();
      if (running)
        throw new LectioError('busy', 'The optimiser is already running; its result will show when it ends.');
      const cards = histories();
      const reviews = longTermReviews(cards);
      if (reviews < MIN_OPTIMISE_REVIEWS)
        throw new LectioError(
          'invalid-argument',
          `Your review log is too short to optimise: FSRS needs ${MIN_OPTIMISE_REVIEWS} reviews made a day or more after the card's previous one, and there are ${reviews}. Keep reviewing and try again after ${MIN_OPTIMISE_REVIEWS - reviews} more.`,
        );
      running = true;
      try {
        const current = settings.fsrsParameters()?.parameters ?? [...default_w];
        const fitted = await optimiseParameters(trainingItems(cards));
        const fit: FsrsOptimisation = {
          optimisedAt: deps.now().toISOString(),
          reviews,
          before: lossView(evaluateParameters(cards, current)),
          after: lossView(evaluateParameters(cards, fitted)),
        };
        const applied = fit.after.logLoss < fit.before.logLoss;
        if (applied) await settings.setFsrsParameters({ parameters: fitted, ...fit });
        return { status: status(), applied, fit };
      } finally {
        running = false;
      }
    },

    async resetFsrsParameters() {
      await settings.setFsrsParameters(null);
      await context.reviews.ready();
      return status();
    },
  };
}

const lossView = (loss: { logLoss: number; rmse: number }) => ({ logLoss: loss.logLoss, rmse: loss.rmse });
