/** Finds every date in a document, resolves it, and ties it to its clause, actors and status. */
import { clauseAround, subordinateTense, tenseOf } from './clauses';
import { recognizeDates } from './date-recognize';
import { resolveDate, type Anchor } from './date-resolve';
import { statusOf } from './date-status';
import type { TensedHit } from './reference-date';
import type { Sentence } from './sentences';
import type { Actor, DateMention, Span } from './types';

export interface ClausedHit extends TensedHit {
  eventSpan: Span;
}

function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n - 1).join(' ');
}

function firstWords(text: string, n: number): string {
  return text.split(/\s+/).slice(0, n + 1).join(' ');
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
      const tail = firstWords(s.text.slice(b, c.end), 3);
      // A temporal clause of its own ("before the rainy season starts in November") outranks the main verb; "the
      // next conference in November" looks ahead whatever the main verb says.
      let tense = subordinateTense(s.text.slice(c.start, a), tail) ?? (/\bnext\s+(?!to\b)/i.test(lead) ? 'expected' : tenseOf(`${lead} ${tail}`));
      if (tense === 'unknown') tense = tenseOf(clause.replace(hit.text, ' '));
      if (tense === 'unknown') tense = tenseOf(s.text.replace(hit.text, ' '));
      out.push({ hit, tense, sentence: s.text, sentenceStart: s.start, eventSpan: { start: s.start + c.start, end: s.start + c.end } });
    }
  }
  return out;
}

function actorsIn(span: Span, actors: Actor[]): string[] {
  const found: { name: string; at: number }[] = [];
  for (const a of actors) {
    const m = a.mentions.find((x) => x.start >= span.start && x.end <= span.end);
    if (m) found.push({ name: a.name, at: m.start });
  }
  return found.sort((x, y) => x.at - y.at).map((f) => f.name);
}

/** Date mentions resolved against `anchor`, in text order. */
export function buildDates(text: string, hits: ClausedHit[], anchor: Anchor, actors: Actor[]): DateMention[] {
  return hits.map((h) => {
    const r = resolveDate(h.hit.spec, anchor, h.tense);
    const d: DateMention = {
      start: h.hit.start, end: h.hit.end, text: h.hit.text, value: r.value, precision: r.precision,
      event: text.slice(h.eventSpan.start, h.eventSpan.end), eventSpan: h.eventSpan,
      actors: actorsIn(h.eventSpan, actors), status: statusOf(r.value, h.tense, anchor),
    };
    if (r.pointsTo) d.pointsTo = r.pointsTo;
    return d;
  });
}
