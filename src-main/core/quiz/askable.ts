/**
 * What a quiz may ask about: the analysis without the items the engine flagged "check this" and the reader has not
 * confirmed. A flagged actor is neither asked about nor offered as a choice, a flagged role is never an answer, and a
 * flagged date is neither asked nor placed on a timeline question: one wrong question teaches a wrong fact.
 */
import { needsCheck } from '../extract/confidence';
import type { ExtractionResult } from '../extract/types';

/** Returns `analysis` keeping only what the engine is sure of or the reader confirmed. */
export function askableOnly(analysis: ExtractionResult): ExtractionResult {
  const actors = analysis.actors
    .filter((actor) => !needsCheck(actor.confidence))
    .map((actor) => {
      const unsure = actor.roles.filter((role) => needsCheck(actor.roleConfidence?.[role]));
      return unsure.length === 0 ? actor : { ...actor, roles: actor.roles.filter((role) => !unsure.includes(role)) };
    });
  const kept = new Set(actors.flatMap((actor) => [actor.name, ...actor.aliases]));
  const dates = analysis.dates
    .filter((date) => !needsCheck(date.confidence))
    .map((date) => ({ ...date, actors: date.actors.filter((name) => kept.has(name)) }));
  return { ...analysis, actors, dates };
}
