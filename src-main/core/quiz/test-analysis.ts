/**
 * Builds an engine-shaped analysis by hand for unit tests, so the quiz is tested on exactly the actors and dates a
 * case names and not on whatever the engine (still being tuned) finds. Mentions are every whole-word occurrence of
 * the actor's name and aliases; a date's event clause is its sentence.
 */
import { splitSentences } from '../extract/sentences';
import type {
  Actor,
  ActorType,
  DateMention,
  DatePrecision,
  EventStatus,
  ExtractionResult,
  Span,
} from '../extract/types';

export interface ActorSpec {
  name: string;
  type: ActorType;
  aliases?: string[];
  roles?: string[];
}

export interface DateSpec {
  text: string;
  value: string;
  precision: DatePrecision;
  status?: EventStatus;
  /** Which occurrence of `text` (0-based) when it appears more than once. */
  nth?: number;
}

function occurrences(text: string, needle: string): Span[] {
  const out: Span[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

// An engine mention is the shortest form: nested longer aliases ("President Putin") map onto the name inside them.
function mentionsOf(text: string, spec: ActorSpec): Span[] {
  const forms = [spec.name, ...(spec.aliases ?? [])].sort((a, b) => a.length - b.length);
  const spans: Span[] = [];
  for (const form of forms) {
    for (const s of occurrences(text, form)) if (!spans.some((o) => o.start < s.end && s.start < o.end)) spans.push(s);
  }
  return spans.sort((a, b) => a.start - b.start);
}

function actorOf(text: string, spec: ActorSpec): Actor {
  return {
    id: spec.name.toLowerCase().replace(/\W+/g, '-'),
    name: spec.name,
    type: spec.type,
    aliases: spec.aliases ?? [],
    roles: spec.roles ?? [],
    mentions: mentionsOf(text, spec),
  };
}

function dateOf(text: string, spec: DateSpec, actors: Actor[]): DateMention {
  const span = occurrences(text, spec.text)[spec.nth ?? 0];
  if (!span) throw new Error(`date text "${spec.text}" not in the test text`);
  const sentence = splitSentences(text).find((s) => s.start <= span.start && s.end >= span.end) ?? {
    ...span,
    text: spec.text,
  };
  const inside = actors.filter((a) => a.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end));
  return {
    ...span,
    text: spec.text,
    value: spec.value,
    precision: spec.precision,
    event: sentence.text,
    eventSpan: { start: sentence.start, end: sentence.end },
    actors: inside.map((a) => a.name),
    status: spec.status ?? 'past',
  };
}

/** An ExtractionResult for `text` with the given actors and dates; throws when a date's text is missing. */
export function analysisOf(
  text: string,
  actors: ActorSpec[],
  dates: DateSpec[] = [],
  referenceDate = '2024-01-22',
): ExtractionResult {
  const built = actors.map((a) => actorOf(text, a));
  return {
    engineVersion: 'test',
    referenceDate,
    referenceDateInference: { value: referenceDate, source: 'given', evidence: [], anchor: referenceDate },
    actors: built,
    dates: dates.map((d) => dateOf(text, d, built)),
  };
}
