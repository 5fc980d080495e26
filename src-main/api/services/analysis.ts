/**
 * The actors-and-dates part of the service: runs the engine (off the main thread) with the document's reference date,
 * caches the result per document with the engine's version, and applies the reader's stored corrections on top.
 */
import { applyCorrections, confirmKey, dateKey, setAsideOf, type Corrections } from '../../core/analysis/corrections';
import type { ExtractionResult } from '../../core/extract/types';
import { extractDocument } from '../../analysis/sectioned-extraction';
import { analysisProgressOf } from './analysis-progress';
import type { AnalysisCorrection, AnalysisView, LectioApi } from '../contract';
import { type ServiceDeps } from './deps';
import { LectioError } from '../../core/errors';

type AnalysisMethods = Pick<LectioApi, 'getAnalysis' | 'correctAnalysis' | 'cancelAnalysis' | 'analysisProgress'>;

/** Returns the corrections with `change` added; throws an 'invalid-argument' LectioError when it names an actor or date not shown. */
export function withCorrection(
  corrections: Corrections,
  change: AnalysisCorrection,
  shown: ExtractionResult,
): Corrections {
  const next: Corrections = structuredClone(corrections);
  const known = (id: string) => {
    if (!shown.actors.some((actor) => actor.id === id))
      throw new LectioError('invalid-argument', `There is no actor ${id} in this document.`);
  };
  switch (change.kind) {
    case 'rename':
      known(change.actor);
      next.renames[change.actor] = change.name;
      break;
    case 'merge':
      known(change.from);
      known(change.into);
      next.merges.push({ from: change.from, into: change.into });
      break;
    case 'split':
      known(change.actor);
      next.splits.push({ actor: change.actor, alias: change.alias, type: change.type });
      break;
    case 'add':
      next.added.push(
        change.role
          ? { name: change.name, type: change.type, role: change.role }
          : { name: change.name, type: change.type },
      );
      break;
    case 'remove':
      known(change.actor);
      next.removed.push(change.actor);
      break;
    case 'date-value':
      if (!shown.dates.some((date) => date.start === change.start && date.end === change.end))
        throw new LectioError('invalid-argument', 'There is no date at that place in this document.');
      next.dateValues[dateKey(change)] = change.value;
      break;
    case 'drop-role':
      if (!shown.actors.find((actor) => actor.id === change.actor)?.roles.includes(change.role))
        throw new LectioError('invalid-argument', `${change.actor} has no role "${change.role}" in this document.`);
      next.droppedRoles = [...(next.droppedRoles ?? []), { actor: change.actor, role: change.role }];
      break;
    case 'remove-date':
      if (!shown.dates.some((date) => date.start === change.start && date.end === change.end))
        throw new LectioError('invalid-argument', 'There is no date at that place in this document.');
      next.removedDates = [...(next.removedDates ?? []), dateKey(change)];
      break;
    case 'restore-actor':
      if (!next.removed.includes(change.actor))
        throw new LectioError('invalid-argument', `${change.actor} was not removed from this document.`);
      next.removed = next.removed.filter((id) => id !== change.actor);
      break;
    case 'restore-role': {
      const dropped = next.droppedRoles ?? [];
      if (!dropped.some((d) => d.actor === change.actor && d.role === change.role))
        throw new LectioError('invalid-argument', `"${change.role}" was not dropped from ${change.actor}.`);
      next.droppedRoles = dropped.filter((d) => d.actor !== change.actor || d.role !== change.role);
      break;
    }
    case 'restore-date':
      if (!(next.removedDates ?? []).includes(dateKey(change)))
        throw new LectioError('invalid-argument', 'No date was taken out at that place in this document.');
      next.removedDates = (next.removedDates ?? []).filter((key) => key !== dateKey(change));
      break;
    case 'confirm-actor':
      known(change.actor);
      next.confirmed = [...new Set([...(next.confirmed ?? []), confirmKey({ actor: change.actor })])];
      break;
    case 'confirm-role':
      if (!shown.actors.find((actor) => actor.id === change.actor)?.roles.includes(change.role))
        throw new LectioError('invalid-argument', `${change.actor} has no role "${change.role}" in this document.`);
      next.confirmed = [
        ...new Set([...(next.confirmed ?? []), confirmKey({ actor: change.actor, role: change.role })]),
      ];
      break;
    case 'confirm-date':
      if (!shown.dates.some((date) => date.start === change.start && date.end === change.end))
        throw new LectioError('invalid-argument', 'There is no date at that place in this document.');
      next.confirmed = [...new Set([...(next.confirmed ?? []), confirmKey(change)])];
      break;
  }
  return next;
}

/** The engine's result for a document with the reader's corrections applied (cached per document). */
export function analysisReader(deps: ServiceDeps): (id: string) => Promise<AnalysisView> {
  const { storage, options } = deps;

  async function engineResult(id: string): Promise<{ result: ExtractionResult; text: string; cached: boolean }> {
    const doc = await storage.documents.get(id);
    const text = doc.body.text;
    const cache = await storage.analysis.cached(id);
    const fresh =
      cache &&
      cache.engineVersion === options.extraction.version &&
      cache.referenceDate === doc.publishedDate &&
      cache.textLength === text.length;
    if (fresh) return { result: cache.result, text, cached: true };
    const progress = analysisProgressOf(deps);
    let result: ExtractionResult;
    try {
      result = await extractDocument(options.extraction, doc.body, doc.publishedDate, (step) => progress.set(id, step));
    } finally {
      progress.delete(id);
    }
    await storage.analysis.store(id, {
      engineVersion: result.engineVersion,
      referenceDate: doc.publishedDate,
      textLength: text.length,
      result,
    });
    return { result, text, cached: false };
  }

  return async function view(id: string): Promise<AnalysisView> {
    const { result, text, cached } = await engineResult(id);
    const { corrections } = await storage.annotations.read(id);
    const shown = applyCorrections(text, result, corrections);
    return { documentId: id, cached, ...shown, setAside: setAsideOf(result, corrections, shown) };
  };
}

export function analysisMethods(deps: ServiceDeps): AnalysisMethods {
  const { storage } = deps;
  const view = analysisReader(deps);

  return {
    getAnalysis: ({ id }) => view(id),

    async analysisProgress({ id }) {
      const step = analysisProgressOf(deps).get(id);
      return step ? { running: true, ...step } : { running: false, done: 0, total: 0 };
    },

    async cancelAnalysis() {
      return { stopped: await deps.options.extraction.cancel() };
    },

    async correctAnalysis({ id, correction }) {
      const shown = await view(id);
      await storage.annotations.correct(id, (corrections) => withCorrection(corrections, correction, shown));
      return view(id);
    },
  };
}
