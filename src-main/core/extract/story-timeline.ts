/**
 * The point a story has reached, read in text order: the last year, month and day its dates gave, and the last clock
 * time on that day. Phrases that count from the story rather than from the publication date are placed from it:
 * "the following year" ("He came home in 1961. The following year ..." is 1962), "the same month", "two days later",
 * "the day after", and a lone "8.30am". "Next year" and "last year" stay counted from the publication date, as news
 * writes them.
 */
import { addDays, addMonths, formatYmd, pad, parseYmd } from './calendar';
import type { Resolution } from './date-resolve';
import type { DateSpec } from './date-specs';
import type { DatePrecision, Span } from './types';

const STORY_YEAR = /^(?:the\s+)?(?:following|previous|same|that)\s+year$/i;
const STORY_MONTH = /^(?:the\s+)?(?:following|previous|same|that)\s+month$/i;
/** How far back a day written in the text still dates a lone clock time, in characters (about a paragraph). */
const DAY_REACH = 400;
/** How far back a year, month or day written in the text still sets the story's point, in characters (a few paragraphs). */
const STORY_REACH = 1500;

export interface Placed {
  value: string;
  precision: DatePrecision;
}

interface Point<T> {
  value: T;
  /** Where the date that set it ends in the text. */
  at: number;
}

function writtenYear(spec: DateSpec): number | null {
  if (spec.kind === 'calendar') return spec.fields.year ?? null;
  if (spec.kind === 'range') return spec.from.year ?? null;
  if (spec.kind === 'eraYear' && !spec.bc) return spec.year;
  return null;
}

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const to = addMonths(y, m, delta);
  return `${pad(to.year, 4)}-${pad(to.month)}`;
}

export class StoryTimeline {
  #year: Point<number> | null = null;
  /** YYYY-MM. */
  #month: Point<string> | null = null;
  /** YYYY-MM-DD, with the last clock time given on it (minutes after midnight). */
  #day: (Point<string> & { minutes: number | null }) | null = null;

  /** The value of a hit that counts from the story, placed and remembered; null when it is none, or nothing to count from. */
  place(spec: DateSpec, hit: Span & { text: string }): Placed | null {
    const near = <T>(point: Point<T> | null, reach: number): point is Point<T> =>
      point !== null && hit.start - point.at <= reach;
    const day = this.#day;
    // A lone clock time falls on the day the story has just given ("on Tuesday ... by 8.30am"); one earlier than the
    // last time given that day has passed midnight ("at 11.52pm ... at 12.10am").
    if (spec.kind === 'clock' && day && near(day, DAY_REACH)) {
      const minutes = spec.hour * 60 + spec.minute;
      const ymd = parseYmd(day.value);
      const onDay = ymd && day.minutes !== null && minutes < day.minutes ? formatYmd(addDays(ymd, 1)) : day.value;
      this.#day = { value: onDay, at: hit.end, minutes };
      return { value: `${onDay}T${pad(spec.hour)}:${pad(spec.minute)}`, precision: 'day' };
    }
    if (spec.kind === 'storyShift') {
      const placed = this.#step(
        spec,
        near(this.#month, STORY_REACH) ? this.#month.value : null,
        near(this.#year, STORY_REACH) ? this.#year.value : null,
        // A day is stepped from only when it is the story's latest point: after "late September", "two weeks later" is
        // not two weeks after some earlier day.
        day && near(day, STORY_REACH) && (this.#month === null || day.at >= this.#month.at) ? day.value : null,
      );
      if (placed?.precision === 'day') this.#day = { value: placed.value, at: hit.end, minutes: null };
      if (placed && placed.precision !== 'year') this.#month = { value: placed.value.slice(0, 7), at: hit.end };
      return placed;
    }
    if (
      spec.kind === 'relative' &&
      spec.unit === 'month' &&
      STORY_MONTH.test(hit.text) &&
      near(this.#month, STORY_REACH)
    ) {
      this.#month = { value: shiftMonth(this.#month.value, spec.offset), at: hit.end };
      return { value: this.#month.value, precision: 'month' };
    }
    if (
      spec.kind === 'relative' &&
      spec.unit === 'year' &&
      STORY_YEAR.test(hit.text) &&
      near(this.#year, STORY_REACH)
    ) {
      this.#year = { value: this.#year.value + spec.offset, at: hit.end };
      return { value: pad(this.#year.value, 4), precision: 'year' };
    }
    return null;
  }

  /** Remembers what a date resolved the usual way (written out, or from the publication date) tells of the story's point. */
  note(spec: DateSpec, resolved: Resolution, end: number): void {
    const year = writtenYear(spec);
    if (year !== null) this.#year = { value: year, at: end };
    if (resolved.precision === 'day' && parseYmd(resolved.value))
      this.#day = { value: resolved.value, at: end, minutes: null };
    if (/^\d{4}-\d{2}(?:-\d{2})?$/.test(resolved.value)) this.#month = { value: resolved.value.slice(0, 7), at: end };
  }

  /** "two days later" from the story's day, "later that month" from its month, "a year later" from its year. */
  #step(
    spec: Extract<DateSpec, { kind: 'storyShift' }>,
    month: string | null,
    year: number | null,
    day: string | null,
  ): Placed | null {
    if (spec.unit === 'day') {
      const ymd = day ? parseYmd(day) : null;
      return ymd ? { value: formatYmd(addDays(ymd, spec.amount)), precision: 'day' } : null;
    }
    if (spec.unit === 'month') {
      const from = month ?? day?.slice(0, 7) ?? null;
      return from ? { value: shiftMonth(from, spec.amount), precision: 'month' } : null;
    }
    return year === null ? null : { value: pad(year + spec.amount, 4), precision: 'year' };
  }
}
