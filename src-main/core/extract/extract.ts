/** The engine's entry point: actors and dates of one English article, resolved against a reference date. */
import { buildDates, findDateHits, withoutMatchHalves } from './find-dates';
import { findActors, prepare } from './find-actors';
import { anchorFrom, inferFromHits } from './reference-date';
import { splitSentences } from './sentences';
import { parseYmd } from './calendar';
import { withConfidence } from './confidence';
import type { ExtractionResult, ReferenceDateInference } from './types';
import { ENGINE_VERSION } from './engine-version';

export { ENGINE_VERSION };

export interface ExtractOptions {
  /** The article's published date (YYYY-MM-DD); null or absent to infer it from the text. */
  referenceDate?: string | null;
}

/** Infers the reference date from the text alone; `value` is null when the text does not pin down a day. */
export function inferReferenceDate(text: string): ReferenceDateInference {
  return inferFromHits(withoutMatchHalves(findDateHits(splitSentences(text)), text), text);
}

/**
 * Actors and dates of `text`. Throws a RangeError when `referenceDate` is given but is not a real YYYY-MM-DD day;
 * otherwise never throws.
 */
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  const given = options.referenceDate ?? null;
  if (given !== null && !parseYmd(given)) throw new RangeError(`referenceDate must be YYYY-MM-DD, got "${given}"`);
  const sentences = splitSentences(text);
  const hits = withoutMatchHalves(findDateHits(sentences), text);
  const inference: ReferenceDateInference = given
    ? { value: given, source: 'given', evidence: ['supplied by the caller'], anchor: given }
    : inferFromHits(hits, text);
  const actors = findActors(
    text,
    prepare(sentences),
    hits.map((h) => h.hit),
  );
  const dates = buildDates(text, hits, anchorFrom(inference.anchor), actors);
  return withConfidence(text, {
    engineVersion: ENGINE_VERSION,
    referenceDate: inference.value,
    referenceDateInference: inference,
    actors,
    dates,
  });
}
