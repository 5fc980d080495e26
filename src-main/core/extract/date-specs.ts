/** What a recognised date expression says, before it is resolved against a reference date. */

export type TimeUnit = 'year' | 'month' | 'week' | 'day' | 'decade' | 'quarter' | 'hour' | 'minute';

/** Calendar fields written in the text; a missing year or month comes from the reference date. */
export interface Fields {
  year?: number;
  month?: number;
  day?: number;
  /** Year relative to the reference year when written as "last year", "next year". */
  yearOffset?: number;
  /** The weekday written with the date ("Sunday, Oct. 6"), 0 = Sunday: it picks the year when none is written. */
  weekday?: number;
}

export type DateSpec =
  | { kind: 'calendar'; fields: Fields }
  | { kind: 'range'; from: Fields; to: Fields }
  | { kind: 'relative'; unit: TimeUnit; offset: number }
  | { kind: 'dayOfMonth'; day: number; monthOffset: number | null }
  | { kind: 'weekday'; weekday: number; direction: 'last' | 'next' | 'this' | null }
  | { kind: 'ago'; unit: TimeUnit; amount: number }
  /** "five years", and with `and` "five years and four months", "two hours and 18 minutes". */
  | { kind: 'duration'; unit: TimeUnit; amount: number; and?: { unit: TimeUnit; amount: number } }
  | { kind: 'anniversary'; nth: number; baseYear: number | null; yearOffset: number }
  | { kind: 'holiday'; name: string; yearOffset: number }
  | { kind: 'fuzzy'; value: 'PAST_REF' | 'FUTURE_REF' | 'PRESENT_REF' }
  | { kind: 'yearPart'; part: 'start' | 'end' | 'firstDay' | 'lastDay'; year: number | null; yearOffset: number }
  | { kind: 'quarter'; quarter: number; half: boolean; year: number | null; yearOffset: number }
  | { kind: 'decade'; decade: number }
  /**
   * A step from the point the story has reached: "two days later" (day, +2), "a week earlier" (day, -7), "the day after"
   * (day, +1), "later that month" (month, 0). Counted from the publication date when the story has given no such point.
   */
  | { kind: 'storyShift'; unit: 'day' | 'month' | 'year'; amount: number; span?: string }
  /** A clock time on its own ("8.30am", "7pm", "midnight"): on the day the text has reached, or the reference day. */
  | { kind: 'clock'; hour: number; minute: number }
  /** "the 19th century" (n = 19), "the first century AD", "the fifth century BC". */
  | { kind: 'century'; century: number; bc: boolean }
  /** A year written with its era: "AD 794", "3000 BC". */
  | { kind: 'eraYear'; year: number; bc: boolean }
  /** "next spring", "the autumn", "summer 2024": `offset` from "this/next/last", else the clause's tense decides. */
  | { kind: 'season'; season: Season; year: number | null; offset: number | null };

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

/** A date expression found in the text, with the offsets of what it covers. */
export interface DateHit {
  start: number;
  end: number;
  text: string;
  spec: DateSpec;
}
