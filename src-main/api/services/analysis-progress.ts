/**
 * How far each running analysis has got, per service: the analysis records its steps here (a book's chapters done of
 * total) and analysisProgress reads them, whichever part of the service started the run (the Reader, a quiz, a card).
 */
import type { ExtractionProgress } from '../../analysis/sectioned-extraction';
import type { ServiceDeps } from './deps';

const running = new WeakMap<ServiceDeps, Map<string, ExtractionProgress>>();

/** The running analyses of this service, by document id. */
export function analysisProgressOf(deps: ServiceDeps): Map<string, ExtractionProgress> {
  let map = running.get(deps);
  if (!map) {
    map = new Map();
    running.set(deps, map);
  }
  return map;
}
