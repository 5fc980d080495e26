/**
 * Runs the engine on a book one chapter at a time and puts the chapters' results together, so a 150,000-word book
 * shows how far its analysis has got ("chapter 12 of 40") and can be stopped between chapters, instead of one long
 * silent run. Each chapter goes to the same runner (a worker thread in the hosts); its offsets are shifted into the
 * book's text; an actor found in several chapters (the engine's ids come from canonical names) becomes one actor with
 * every chapter's aliases, roles and mentions. Documents without sections run whole, as before.
 */
import type { Actor, DateMention, ExtractionResult } from '../core/extract/types';
import type { DocumentBody } from '../core/model';
import type { ExtractionRunner } from './extraction-runner';

export interface ExtractionProgress {
  done: number;
  total: number;
}

function shiftDate(date: DateMention, offset: number): DateMention {
  return {
    ...date,
    start: date.start + offset,
    end: date.end + offset,
    eventSpan: { start: date.eventSpan.start + offset, end: date.eventSpan.end + offset },
  };
}

function mergeActor(into: Actor, from: Actor, offset: number): void {
  for (const alias of from.aliases) if (alias !== into.name && !into.aliases.includes(alias)) into.aliases.push(alias);
  for (const role of from.roles) if (!into.roles.includes(role)) into.roles.push(role);
  for (const mention of from.mentions) into.mentions.push({ start: mention.start + offset, end: mention.end + offset });
}

/**
 * Folds an actor that one chapter names only in short ("Costa") into the one another chapter names in full ("Ana
 * Costa": the short name is among its aliases, or a person's surname), as the engine does within one text, when only
 * one actor fits; returns the canonical name each folded name now goes by.
 */
function foldShortNames(actors: Map<string, Actor>): Map<string, string> {
  const renamed = new Map<string, string>();
  const all = [...actors.values()];
  for (const short of all) {
    const fuller = all.filter(
      (other) =>
        other !== short &&
        other.type === short.type &&
        actors.has(other.id) &&
        other.name.length > short.name.length &&
        (other.aliases.includes(short.name) || (other.type === 'person' && other.name.endsWith(` ${short.name}`))),
    );
    // Two people sharing a surname ("Ana Costa", "Rui Costa"): which one "Costa" is cannot be told here.
    const full = fuller.length === 1 ? fuller[0] : undefined;
    if (!full) continue;
    mergeActor(full, { ...short, aliases: [short.name, ...short.aliases] }, 0);
    full.mentions.sort((a, b) => a.start - b.start);
    actors.delete(short.id);
    renamed.set(short.name, full.name);
  }
  return renamed;
}

/** The chapters' results as one result over the whole text. */
export function mergeResults(
  parts: { result: ExtractionResult; offset: number }[],
  referenceDate: string | null,
): ExtractionResult {
  const actors = new Map<string, Actor>();
  const dates: DateMention[] = [];
  for (const { result, offset } of parts) {
    for (const actor of result.actors) {
      const known = actors.get(actor.id);
      if (known) mergeActor(known, actor, offset);
      else
        actors.set(actor.id, {
          ...actor,
          aliases: [...actor.aliases],
          roles: [...actor.roles],
          mentions: actor.mentions.map((m) => ({ start: m.start + offset, end: m.end + offset })),
        });
    }
    for (const date of result.dates) dates.push(shiftDate(date, offset));
  }
  const renamed = foldShortNames(actors);
  const named =
    renamed.size === 0
      ? dates
      : dates.map((date) => ({ ...date, actors: [...new Set(date.actors.map((name) => renamed.get(name) ?? name))] }));
  const first = parts[0]?.result;
  // With a given date every chapter shares it; otherwise the first chapter whose text pins one down speaks for the book.
  const inference =
    parts.find((part) => part.result.referenceDateInference.value !== null)?.result.referenceDateInference ??
    first?.referenceDateInference;
  return {
    engineVersion: first?.engineVersion ?? '',
    referenceDate: inference?.value ?? referenceDate,
    referenceDateInference: inference ?? { value: null, source: 'none', evidence: [], anchor: null },
    // In the order the book first mentions them.
    actors: [...actors.values()],
    dates: named,
  };
}

/**
 * The engine's result for a document: per section when it has sections, reporting progress after each; whole
 * otherwise. Rejects as the runner does (ExtractionCancelledError when stopped).
 */
export async function extractDocument(
  runner: ExtractionRunner,
  body: DocumentBody,
  referenceDate: string | null,
  onProgress: (progress: ExtractionProgress) => void = () => {},
): Promise<ExtractionResult> {
  const sections = body.sections ?? [];
  if (sections.length < 2) {
    onProgress({ done: 0, total: 1 });
    const result = await runner.run(body.text, referenceDate);
    onProgress({ done: 1, total: 1 });
    return result;
  }
  const parts: { result: ExtractionResult; offset: number }[] = [];
  onProgress({ done: 0, total: sections.length });
  for (const section of sections) {
    parts.push({
      result: await runner.run(body.text.slice(section.start, section.end), referenceDate),
      offset: section.start,
    });
    onProgress({ done: parts.length, total: sections.length });
  }
  return mergeResults(parts, referenceDate);
}
