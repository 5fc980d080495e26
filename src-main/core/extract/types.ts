/**
 * The extraction engine's output: who acts in an article and every date in it. Offsets are [start, end) in UTF-16
 * code units of the document's canonical text. This is also the JSON the `npm run extract` command prints.
 */

export type ActorType = 'person' | 'country' | 'organization';

export interface Span {
  start: number;
  end: number;
}

export interface Actor {
  /** Stable within one extraction: derived from the canonical name. */
  id: string;
  /** Canonical name: the fullest form written in the text ("Vladimir Putin", "North Korea"). */
  name: string;
  type: ActorType;
  /** Every other surface form that refers to this actor, as written ("Putin", "President Putin", "North Korean"). */
  aliases: string[];
  /** Roles and titles found in the text ("Russian President", "head of the external liaison department ..."). */
  roles: string[];
  mentions: Span[];
}

export type DatePrecision = 'day' | 'month' | 'year' | 'range' | 'duration' | 'fuzzy';

export type EventStatus = 'past' | 'expected' | 'unknown';

export interface DateMention extends Span {
  text: string;
  /** TIMEX3-style value: YYYY, YYYY-MM, YYYY-MM-DD, ranges start/end, durations P24Y, PAST_REF. */
  value: string;
  precision: DatePrecision;
  /** The clause the date belongs to: what happened or will happen then. */
  event: string;
  /** Span of that clause in the text. */
  eventSpan: Span;
  /** Names (canonical) of actors mentioned in the event clause. */
  actors: string[];
  status: EventStatus;
}

export interface ReferenceDateInference {
  /** YYYY-MM-DD, or null when the text does not allow an inference. */
  value: string | null;
  /** 'given' when supplied by the caller, 'inferred' when derived from the text, 'none' otherwise. */
  source: 'given' | 'inferred' | 'none';
  /** Human-readable reasons ("'24 years since July 2000' gives 2024"). */
  evidence: string[];
}

export interface ExtractionResult {
  engineVersion: string;
  referenceDate: string | null;
  referenceDateInference: ReferenceDateInference;
  actors: Actor[];
  dates: DateMention[];
}
