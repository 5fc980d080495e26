/**
 * The extraction engine's output: who acts in an article and every date in it. Offsets are [start, end) in UTF-16
 * code units of the document's canonical text. This is also the JSON the `npm run extract` command prints.
 */

export type ActorType = 'person' | 'country' | 'organization';

export interface Span {
  start: number;
  end: number;
}

/** How far the engine trusts an item: 'sure', or 'check' with the reasons a reader should look at it first. */
export interface Confidence {
  level: 'sure' | 'check';
  /** Why the item needs checking, in plain words; empty when sure. */
  reasons: string[];
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
  /** Absent in results cached before confidences existed (read as sure). */
  confidence?: Confidence;
  /** Confidence of each role, keyed by the role as written in `roles`. */
  roleConfidence?: Record<string, Confidence>;
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
  /** For anniversaries: the year the anniversary counts back to ("the 75th anniversary" in 2024 gives "1949"). */
  pointsTo?: string;
  /** Absent in results cached before confidences existed (read as sure). */
  confidence?: Confidence;
}

export interface ReferenceDateInference {
  /** YYYY-MM-DD, or null when the text does not allow an inference. */
  value: string | null;
  /** 'given' when supplied by the caller, 'inferred' when derived from the text, 'none' otherwise. */
  source: 'given' | 'inferred' | 'none';
  /** Human-readable reasons ("'24 years since July 2000' gives 2024"). */
  evidence: string[];
  /**
   * What the text pins down even when `value` is null: "2024", "2024-01" or the full date. Relative dates are
   * resolved against this, so "this year" still gets a year when the day cannot be known.
   */
  anchor: string | null;
}

export interface ExtractionResult {
  engineVersion: string;
  referenceDate: string | null;
  referenceDateInference: ReferenceDateInference;
  actors: Actor[];
  dates: DateMention[];
}
