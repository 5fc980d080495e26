/** Finds every date in a document, resolves it, and ties it to its clause, actors and status. */
import { clauseAround, subordinateTense, tenseOf } from './clauses';
import { recognizeDates } from './date-recognize';
import { isFunctionWord, isPastTenseVerb } from './lexicon';
import { isSportText } from './sport';
import { resolveDate, type Anchor } from './date-resolve';
import { statusOf } from './date-status';
import type { TensedHit } from './reference-date';
import type { Sentence } from './sentences';
import type { Actor, DateMention, DatePrecision, Span } from './types';
import { StoryTimeline } from './story-timeline';

export interface ClausedHit extends TensedHit {
  eventSpan: Span;
}

function lastWords(text: string, n: number): string {
  return text
    .split(/\s+/)
    .slice(-n - 1)
    .join(' ');
}

function firstWords(text: string, n: number): string {
  return text
    .split(/\s+/)
    .slice(0, n + 1)
    .join(' ');
}

// What a body decided to do lies ahead of the decision, whatever its tense: "voted on Wednesday to raise council tax
// from April", "agreed to cut rates in June".
const DECIDED_TO =
  /\b(?:voted|agreed|approved|decided|pledged|promised|proposed|resolved|chose|opted)\b(?:\s+\S+){0,3}?\s+to\s+\p{Ll}{2,}/u;

// Something that "runs until 3 March" or "is open until Sunday" has not ended yet.
const RUNS_UNTIL =
  /\b(?:runs|lasts|continues|remains|stays|is|are|opens|closes|ends)\s+(?:\S+\s+){0,3}?(?:until|till|through)\s*$/;
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
      let tense =
        subordinateTense(s.text.slice(c.start, a), tail) ??
        (/\bnext\s+(?!to\b)/i.test(lead) ? 'expected' : tenseOf(`${lead} ${tail}`));
      if (
        tense === 'unknown' &&
        (DECIDED_TO.test(s.text.slice(c.start, a)) || presentAfterPronoun(lead) || RUNS_UNTIL.test(lead))
      )
        tense = 'expected';
      if (tense === 'unknown') tense = tenseOf(clause.replace(hit.text, ' ').replace(REPORTING_AFTER_QUOTE, ''));
      if (tense === 'unknown') tense = tenseOf(s.text.replace(hit.text, ' ').replace(REPORTING_AFTER_QUOTE, ''));
      out.push({
        hit,
        tense,
        sentence: s.text,
        sentenceStart: s.start,
        eventSpan: { start: s.start + c.start, end: s.start + c.end },
      });
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
  return hits.filter(
    ({ hit }) =>
      !(
        hit.spec.kind === 'quarter' &&
        hit.spec.half &&
        hit.spec.year === null &&
        hit.spec.yearOffset === 0 &&
        /^(?:the\s+)?(?:first|second|1st|2nd)[-\s]half$/i.test(hit.text)
      ),
  );
}

function actorsIn(span: Span, actors: Actor[]): string[] {
  const found: { name: string; at: number }[] = [];
  for (const a of actors) {
    const m = a.mentions.find((x) => x.start >= span.start && x.end <= span.end);
    if (m) found.push({ name: a.name, at: m.start });
  }
  return found.sort((x, y) => x.at - y.at).map((f) => f.name);
}

function mention(
  text: string,
  h: ClausedHit,
  value: string,
  precision: DatePrecision,
  anchor: Anchor,
  actors: Actor[],
): DateMention {
  return {
    start: h.hit.start,
    end: h.hit.end,
    text: h.hit.text,
    value,
    precision,
    event: text.slice(h.eventSpan.start, h.eventSpan.end),
    eventSpan: h.eventSpan,
    actors: actorsIn(h.eventSpan, actors),
    status: statusOf(value, h.tense, anchor),
  };
}

/** Date mentions resolved against `anchor`, or the point the story has reached (story-timeline.ts), in text order. */
export function buildDates(text: string, hits: ClausedHit[], anchor: Anchor, actors: Actor[]): DateMention[] {
  const story = new StoryTimeline();
  return hits.map((h) => {
    const spec = h.hit.spec;
    const placed = story.place(spec, h.hit);
    if (placed) return mention(text, h, placed.value, placed.precision, anchor, actors);
    const r = resolveDate(spec, anchor, h.tense);
    // A step the story could not place keeps its span ("two weeks later": P2W), or else is counted from the
    // publication date: a guess no later date should build on, so the story's point stays where it was.
    if (spec.kind === 'storyShift')
      return spec.span
        ? mention(text, h, spec.span, 'duration', anchor, actors)
        : mention(text, h, r.value, r.precision, anchor, actors);
    story.note(spec, r, h.hit.end);
    const d = mention(text, h, r.value, r.precision, anchor, actors);
    if (r.pointsTo) d.pointsTo = r.pointsTo;
    return d;
  });
}
