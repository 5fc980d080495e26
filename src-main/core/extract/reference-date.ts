/** Infers the article's reference (publication) date from what the text itself says, with readable evidence. */
import { pad } from './calendar';
import type { Anchor } from './date-resolve';
import type { DateHit } from './date-specs';
import type { EventStatus, ReferenceDateInference } from './types';

/** A recognised date with the tense of its clause and the text around it. */
export interface TensedHit {
  hit: DateHit;
  tense: EventStatus;
  /** The sentence the hit is in, and that sentence's start offset. */
  sentence: string;
  sentenceStart: number;
}

interface Bound {
  month: number;
  day: number | null;
  why: string;
}

function quote(h: TensedHit): string {
  return `'${h.hit.text}'`;
}

// A full date at the very top of the text, or after "Published"/"Updated", is the dateline.
function dateline(hits: TensedHit[], text: string): { anchor: Anchor; why: string } | null {
  for (const h of hits) {
    const s = h.hit.spec;
    if (
      s.kind !== 'calendar' ||
      s.fields.year === undefined ||
      s.fields.month === undefined ||
      s.fields.day === undefined
    )
      continue;
    const lineStart = text.lastIndexOf('\n', h.hit.start - 1) + 1;
    const lead = text.slice(lineStart, h.hit.start);
    const top = h.hit.start < 200 && (lead.match(/[\p{L}]+/gu) ?? []).length <= 6 && !/[.!?]\s/.test(lead);
    if (top || /\b(?:published|updated|posted|dated?)\b[^\n]{0,20}$/i.test(lead)) {
      const anchor = { year: s.fields.year, month: s.fields.month, day: s.fields.day };
      return { anchor, why: `dateline ${quote(h)} at the top of the text` };
    }
  }
  return null;
}

function explicitYear(h: TensedHit | undefined): number | null {
  const s = h?.hit.spec;
  if (s?.kind === 'calendar' && s.fields.year !== undefined) return s.fields.year;
  if (s?.kind === 'range' && s.from.year !== undefined) return s.from.year;
  return null;
}

// "it will be 24 years since July 2000", "20 years ago, in 2004", "the 75th anniversary of ... 1949".
function yearEvidence(hits: TensedHit[], text: string): { year: number; why: string }[] {
  const out: { year: number; why: string }[] = [];
  hits.forEach((h, i) => {
    const s = h.hit.spec;
    const next = hits[i + 1];
    if (s.kind === 'duration' && s.unit === 'year' && next) {
      const between = text.slice(h.hit.end, next.hit.start);
      const y = explicitYear(next);
      if (y !== null && /^\s+(?:since|after)\s+(?:the\s+)?$/i.test(between)) {
        out.push({
          year: y + s.amount,
          why: `'${text.slice(h.hit.start, next.hit.end)}' gives ${y} + ${s.amount} = ${y + s.amount}`,
        });
      }
    }
    if (s.kind === 'ago' && s.unit === 'year') {
      const same = hits.filter((o) => o.sentenceStart === h.sentenceStart && explicitYear(o) !== null);
      const y = same.length === 1 ? explicitYear(same[0]) : null;
      if (y !== null) out.push({ year: y + s.amount, why: `${quote(h)} with ${y} gives ${y + s.amount}` });
    }
    if (s.kind === 'anniversary' && s.baseYear !== null && h.tense !== 'past') {
      out.push({ year: s.baseYear + s.nth, why: `${quote(h)} of ${s.baseYear} falls in ${s.baseYear + s.nth}` });
    }
  });
  return out;
}

// Month (and day) written without a year, in the current year: past ones bound the date below, expected ones above.
function bound(h: TensedHit): Bound | null {
  const s = h.hit.spec;
  if (s.kind === 'yearPart' && s.year === null && s.yearOffset === 0 && (s.part === 'start' || s.part === 'firstDay')) {
    return { month: 1, day: null, why: `${quote(h)} (January)` };
  }
  const f = s.kind === 'calendar' ? s.fields : s.kind === 'range' ? s.from : null;
  if (!f || f.month === undefined || f.year !== undefined || (f.yearOffset ?? 0) !== 0) return null;
  return { month: f.month, day: f.day ?? null, why: quote(h) };
}

function monthEvidence(hits: TensedHit[]): { month: number; why: string[] } | null {
  const lower: Bound[] = [];
  const upper: Bound[] = [];
  for (const h of hits) {
    const b = bound(h);
    if (b && h.tense === 'past') lower.push(b);
    if (b && h.tense === 'expected') upper.push(b);
  }
  if (lower.length === 0) return null;
  const low = lower.reduce((a, b) => (b.month > a.month ? b : a));
  const up = upper.length ? upper.reduce((a, b) => (b.month < a.month ? b : a)) : null;
  if (up && up.month < low.month) return null;
  const why = [`${low.why} already happened, so the month is ${pad(low.month)} or later`];
  if (up)
    why.push(`${up.why} is still expected, so it is before month ${pad(up.month)}${up.day ? `-${pad(up.day)}` : ''}`);
  return { month: low.month, why };
}

function dayEvidence(hits: TensedHit[], month: number): { day: number; why: string } | null {
  let best: { day: number; why: string } | null = null;
  for (const h of hits) {
    if (h.tense === 'expected') continue;
    const s = h.hit.spec;
    let day: number | null = null;
    if (s.kind === 'dayOfMonth' && (s.monthOffset ?? 0) === 0) day = s.day;
    const b = bound(h);
    if (b && b.month === month && b.day !== null) day = b.day;
    if (day !== null && (!best || day > best.day))
      best = { day, why: `${quote(h)} is the latest past day of the month mentioned` };
  }
  return best;
}

/** The reference date the text supports; `value` is null (and `anchor` partial or null) when it falls short of a day. */
export function inferFromHits(hits: TensedHit[], text: string): ReferenceDateInference {
  const line = dateline(hits, text);
  if (line && line.anchor.year !== null && line.anchor.month !== null && line.anchor.day !== null) {
    const value = `${pad(line.anchor.year, 4)}-${pad(line.anchor.month)}-${pad(line.anchor.day)}`;
    return { value, source: 'inferred', evidence: [line.why], anchor: value };
  }
  const years = yearEvidence(hits, text);
  const first = years[0];
  if (!first) return { value: null, source: 'none', evidence: [], anchor: null };
  const agreeing = years.filter((y) => y.year === first.year);
  const evidence = agreeing.map((y) => y.why);
  const month = monthEvidence(hits);
  if (!month) return { value: null, source: 'inferred', evidence, anchor: pad(first.year, 4) };
  evidence.push(...month.why);
  const day = dayEvidence(hits, month.month);
  const ym = `${pad(first.year, 4)}-${pad(month.month)}`;
  if (!day) return { value: null, source: 'inferred', evidence, anchor: ym };
  evidence.push(day.why);
  const value = `${ym}-${pad(day.day)}`;
  return { value, source: 'inferred', evidence, anchor: value };
}

/** Anchor fields from a YYYY, YYYY-MM or YYYY-MM-DD string; all null for null. */
export function anchorFrom(text: string | null): Anchor {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text ?? '');
  if (!m) return { year: null, month: null, day: null };
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}
