/** Finds every date in a document, resolves it, and ties it to its clause, actors and status. */
import { clauseAround, subordinateTense, tenseOf } from './clauses';
import { recognizeDates } from './date-recognize';
import { isFunctionWord, isPastTenseVerb } from './lexicon';
import { isSportText } from './sport';
import { resolveDate, type Anchor } from './date-resolve';
import { statusOf } from './date-status';
import type { TensedHit } from './reference-date';
import type { Sentence } from './sentences';
import type { Actor, DateMention, Span } from './types';
import type { DateSpec } from './date-specs';
import { pad } from './calendar';

export interface ClausedHit extends TensedHit {
  eventSpan: Span;
}

function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n - 1).join(' ');
}

function firstWords(text: string, n: number): string {
  return text.split(/\s+/).slice(0, n + 1).join(' ');
}

// What a body decided to do lies ahead of the decision, whatever its tense: "voted on Wednesday to raise council tax
// from April", "agreed to cut rates in June".
const DECIDED_TO = /\b(?:voted|agreed|approved|decided|pledged|promised|proposed|resolved|chose|opted)\b(?:\s+\S+){0,3}?\s+to\s+\p{Ll}{2,}/u;

// Something that "runs until 3 March" or "is open until Sunday" has not ended yet.
const RUNS_UNTIL = /\b(?:runs|lasts|continues|remains|stays|is|are|opens|closes|ends)\s+(?:\S+\s+){0,3}?(?:until|till|through)\s*$/;
const REPORTING_TAIL = /^[\s,”"’']+(?:\S+\s+){0,3}?(?:said|says|told|added|announced|confirmed)\b/;
// The same after a quotation: '... in June," she said.' The reporting verb dates the saying, not what was said.
const REPORTING_AFTER_QUOTE = /[,.]?[”"]\s*(?:\S+\s+){0,3}?(?:said|says|told|added)\b.*$/s;

// News writes schedules in the present: "They travel to Newcastle on Wednesday", "she flies to Brussels on Monday".
function presentAfterPronoun(lead: string): boolean {
  const m = /\b(?:[Tt]hey|[Ww]e|[Hh]e|[Ss]he|[Ii]t)\s+(\p{Ll}+)\b/u.exec(lead);
  const verb = m?.[1];
  return verb !== undefined && !/ed$/.test(verb) && !isPastTenseVerb(verb) && !isFunctionWord(verb);
}

/** Recognised dates with their clause and the clause's tense (date words themselves left out of the tense). */
export function findDateHits(sentences: Sentence[]): ClausedHit[] {
  const out: ClausedHit[] = [];
  for (const s of sentences) {
    for (const hit of recognizeDates(s)) {
      const c = clauseAround(s.text, hit.start - s.start, hit.end - s.start);
      const clause = s.text.slice(c.start, c.end);
      // The verb next to the date governs it ("confirmed on Friday that ... will be moved"): read that first.
      const a = hit.start - s.start;
      const b = hit.end - s.start;
      const lead = lastWords(s.text.slice(c.start, a), 6);
      // A reporting clause after the date (", the family said") tells when it was said, not when the event is.
      const rest = s.text.slice(b, c.end);
      const tail = REPORTING_TAIL.test(rest) ? '' : firstWords(rest, 3);
      // A temporal clause of its own ("before the rainy season starts in November") outranks the main verb; "the
      // next conference in November" looks ahead whatever the main verb says.
      let tense = subordinateTense(s.text.slice(c.start, a), tail) ?? (/\bnext\s+(?!to\b)/i.test(lead) ? 'expected' : tenseOf(`${lead} ${tail}`));
      if (tense === 'unknown' && (DECIDED_TO.test(s.text.slice(c.start, a)) || presentAfterPronoun(lead) || RUNS_UNTIL.test(lead))) tense = 'expected';
      if (tense === 'unknown') tense = tenseOf(clause.replace(hit.text, ' ').replace(REPORTING_AFTER_QUOTE, ''));
      if (tense === 'unknown') tense = tenseOf(s.text.replace(hit.text, ' ').replace(REPORTING_AFTER_QUOTE, ''));
      out.push({ hit, tense, sentence: s.text, sentenceStart: s.start, eventSpan: { start: s.start + c.start, end: s.start + c.end } });
    }
  }
  return out;
}

/**
 * Leaves out "the first half" and "the second half" of a match: in a sports report they are periods of play, not of
 * the year (a business story's "sales rose in the second half" keeps them).
 */
export function withoutMatchHalves(hits: ClausedHit[], text: string): ClausedHit[] {
  if (!isSportText(text)) return hits;
  return hits.filter(({ hit }) => !(hit.spec.kind === 'quarter' && hit.spec.half && hit.spec.year === null && hit.spec.yearOffset === 0 && /^(?:the\s+)?(?:first|second|1st|2nd)[-\s]half$/i.test(hit.text)));
}

function actorsIn(span: Span, actors: Actor[]): string[] {
  const found: { name: string; at: number }[] = [];
  for (const a of actors) {
    const m = a.mentions.find((x) => x.start >= span.start && x.end <= span.end);
    if (m) found.push({ name: a.name, at: m.start });
  }
  return found.sort((x, y) => x.at - y.at).map((f) => f.name);
}

// "the following year", "the previous year", "that year": counted from the year the story has reached, not from the
// day it was published ("He came home in 1961. The following year ..." is 1962). "next year" and "last year" stay
// counted from the publication date, as news writes them.
const STORY_YEAR = /^(?:the\s+)?(?:following|previous|same|that)\s+year$/i;
const STORY_MONTH = /^(?:the\s+)?(?:following|previous|same|that)\s+month$/i;
/** How far back a day written in the text still dates a lone clock time, in characters (about a paragraph). */
const DAY_REACH = 400;
/** How far back a year written in the text still sets the story's year, in characters (a few paragraphs). */
const STORY_REACH = 1500;

function mention(text: string, h: ClausedHit, value: string, precision: DateMention['precision'], anchor: Anchor, actors: Actor[]): DateMention {
  return {
    start: h.hit.start, end: h.hit.end, text: h.hit.text, value, precision,
    event: text.slice(h.eventSpan.start, h.eventSpan.end), eventSpan: h.eventSpan,
    actors: actorsIn(h.eventSpan, actors), status: statusOf(value, h.tense, anchor),
  };
}

/** The value `spec` steps to from the story's day, month or year; null when the story has not reached one. */
function storyStep(spec: Extract<DateSpec, { kind: 'storyShift' }>, day: string | null, month: string | null, year: number | null): { value: string; precision: 'day' | 'month' | 'year' } | null {
  if (spec.unit === 'day') {
    if (!day) return null;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const to = new Date(Date.UTC(y, m - 1, d + spec.amount));
    return { value: `${pad(to.getUTCFullYear(), 4)}-${pad(to.getUTCMonth() + 1)}-${pad(to.getUTCDate())}`, precision: 'day' };
  }
  if (spec.unit === 'month') {
    const from = month ?? day?.slice(0, 7) ?? null;
    if (!from) return null;
    const [y, m] = from.split('-').map(Number) as [number, number];
    const to = new Date(Date.UTC(y, m - 1 + spec.amount, 1));
    return { value: `${pad(to.getUTCFullYear(), 4)}-${pad(to.getUTCMonth() + 1)}`, precision: 'month' };
  }
  return year === null ? null : { value: pad(year + spec.amount, 4), precision: 'year' };
}

function nextDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

function writtenYear(spec: DateSpec): number | null {
  if (spec.kind === 'calendar') return spec.fields.year ?? null;
  if (spec.kind === 'range') return spec.from.year ?? null;
  if (spec.kind === 'eraYear' && !spec.bc) return spec.year;
  return null;
}

/** Date mentions resolved against `anchor`, in text order. */
export function buildDates(text: string, hits: ClausedHit[], anchor: Anchor, actors: Actor[]): DateMention[] {
  let story: { year: number; at: number } | null = null;
  let month: { value: string; at: number } | null = null;
  let day: { value: string; at: number; minutes: number | null } | null = null;
  return hits.map((h) => {
    const spec = h.hit.spec;
    // A lone clock time falls on the day the story has just given ("on Tuesday ... by 8.30am"); one earlier than the
    // last time given that day has passed midnight ("at 11.52pm ... at 12.10am").
    if (spec.kind === 'clock' && day && h.hit.start - day.at <= DAY_REACH) {
      const minutes = spec.hour * 60 + spec.minute;
      const onDay = day.minutes !== null && minutes < day.minutes ? nextDay(day.value) : day.value;
      day = { value: onDay, at: h.hit.end, minutes };
      const value = `${onDay}T${pad(spec.hour)}:${pad(spec.minute)}`;
      return { start: h.hit.start, end: h.hit.end, text: h.hit.text, value, precision: 'day', event: text.slice(h.eventSpan.start, h.eventSpan.end), eventSpan: h.eventSpan, actors: actorsIn(h.eventSpan, actors), status: statusOf(onDay, h.tense, anchor) };
    }
    // "two days later", "the day after", "later that month": a step from the point the story has reached.
    if (spec.kind === 'storyShift') {
      // A day is stepped from only when it is the story's latest point: after "late September", "two weeks later" is not
      // two weeks after some earlier day.
      const dayIsLatest = day !== null && (month === null || day.at >= month.at);
      const shifted = storyStep(spec, day && dayIsLatest && h.hit.start - day.at <= STORY_REACH ? day.value : null, month && h.hit.start - month.at <= STORY_REACH ? month.value : null, story && h.hit.start - story.at <= STORY_REACH ? story.year : null);
      if (shifted) {
        if (shifted.precision === 'day') day = { value: shifted.value, at: h.hit.end, minutes: null };
        if (shifted.precision !== 'year') month = { value: shifted.value.slice(0, 7), at: h.hit.end };
        return { start: h.hit.start, end: h.hit.end, text: h.hit.text, value: shifted.value, precision: shifted.precision, event: text.slice(h.eventSpan.start, h.eventSpan.end), eventSpan: h.eventSpan, actors: actorsIn(h.eventSpan, actors), status: statusOf(shifted.value, h.tense, anchor) };
      }
    }
    // "the same month", "the following month": counted from the month the story has reached.
    if (spec.kind === 'relative' && spec.unit === 'month' && STORY_MONTH.test(h.hit.text) && month && h.hit.start - month.at <= STORY_REACH) {
      const [y, m] = month.value.split('-').map(Number) as [number, number];
      const shifted = new Date(Date.UTC(y, m - 1 + spec.offset, 1));
      const value = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}`;
      month = { value, at: h.hit.end };
      return { start: h.hit.start, end: h.hit.end, text: h.hit.text, value, precision: 'month', event: text.slice(h.eventSpan.start, h.eventSpan.end), eventSpan: h.eventSpan, actors: actorsIn(h.eventSpan, actors), status: statusOf(value, h.tense, anchor) };
    }
    const fromStory = spec.kind === 'relative' && spec.unit === 'year' && STORY_YEAR.test(h.hit.text) && story !== null && h.hit.start - story.at <= STORY_REACH;
    const r = fromStory && story ? { value: pad(story.year + spec.offset, 4), precision: 'year' as const } : resolveDate(spec, anchor, h.tense);
    const year = fromStory ? Number(r.value) : writtenYear(spec);
    if (year !== null) story = { year, at: h.hit.end };
    // A step the story could not place was counted from the publication date: a guess no later time should build on.
    if (spec.kind === 'storyShift') return spec.span ? mention(text, h, spec.span, 'duration', anchor, actors) : mention(text, h, r.value, r.precision, anchor, actors);
    if (r.precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(r.value)) day = { value: r.value, at: h.hit.end, minutes: null };
    if (/^\d{4}-\d{2}(?:-\d{2})?$/.test(r.value)) month = { value: r.value.slice(0, 7), at: h.hit.end };
    const d: DateMention = {
      start: h.hit.start, end: h.hit.end, text: h.hit.text, value: r.value, precision: r.precision,
      event: text.slice(h.eventSpan.start, h.eventSpan.end), eventSpan: h.eventSpan,
      actors: actorsIn(h.eventSpan, actors), status: statusOf(r.value, h.tense, anchor),
    };
    if (r.pointsTo) d.pointsTo = r.pointsTo;
    return d;
  });
}
