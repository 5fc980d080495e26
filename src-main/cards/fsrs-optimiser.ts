/**
 * FSRS's optimiser, fsrs-rs through its Node binding (@open-spaced-repetition/binding, by the makers of ts-fsrs and
 * fsrs-rs): fits the 21 parameters of FSRS-6 to a reader's card histories. The binding is a native module (a prebuilt
 * .node file for Windows, macOS and Linux, WASI elsewhere), so it is loaded only when asked for, kept out of the
 * bundle (electron.config.ts), and a machine without a build for it gets a clear message rather than a crash at start.
 * The fit runs on a libuv worker thread (the binding's async task), so the main process keeps serving meanwhile.
 */
import { createRequire } from 'node:module';
import type { HistoryReview } from '../core/cards/fsrs-history';
import { LectioError } from '../core/errors';

type Binding = typeof import('@open-spaced-repetition/binding');

let loaded: Binding | null = null;

/**
 * The binding, loaded on first use with Node's require (its CommonJS entry picks the prebuilt .node for this platform),
 * which reads from app.asar's unpacked copy in the packaged app as from node_modules in development.
 */
function binding(): Binding {
  try {
    loaded ??= createRequire(__filename)('@open-spaced-repetition/binding') as Binding;
    return loaded;
  } catch (error) {
    throw new LectioError(
      'invalid-argument',
      `FSRS's optimiser cannot run on this computer (${error instanceof Error ? error.message : String(error)}); your cards keep their current parameters.`,
    );
  }
}

/** The parameters fsrs-rs fits to `items` (each a card's reviews up to one of them, as `trainingItems` makes them). */
export async function optimiseParameters(items: readonly HistoryReview[][]): Promise<number[]> {
  const fsrs = binding();
  const train = items.map(
    (reviews) =>
      new fsrs.FSRSBindingItem(reviews.map((review) => new fsrs.FSRSBindingReview(review.grade, review.days))),
  );
  // Short-term parameters on, as Lectio's scheduler schedules learning steps (ts-fsrs's enable_short_term).
  return fsrs.computeParameters(train, { enableShortTerm: true });
}
