/** Runs every date rule over a sentence and keeps the longest non-overlapping matches. */
import { CALENDAR_RULES } from './date-rules-calendar';
import { RELATIVE_RULES } from './date-rules-relative';
import type { DateRule } from './date-rule';
import type { DateHit } from './date-specs';
import type { Sentence } from './sentences';

const RULES: DateRule[] = [...CALENDAR_RULES, ...RELATIVE_RULES];

// Cheap gate: sentences without any of these cannot hold a date, so most rules never run on them.
const MAYBE_DATE =
  /\d|January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|day|night|year|month|week|decade|quarter|half|century|fortnight|midnight|noon|midday|later|earlier|anniversary|recent|lately|future|coming|Christmas|Easter|Halloween|Thanksgiving|Juneteenth|nowadays|spring|summer|autumn|fall|winter/i;

/** Date expressions in one sentence, offsets into the whole document, in text order. */
export function recognizeDates(sentence: Sentence): DateHit[] {
  const text = sentence.text;
  if (!MAYBE_DATE.test(text)) return [];
  const found: (DateHit & { rank: number })[] = [];
  RULES.forEach((rule, rank) => {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const spec = rule.make(m, text.slice(m.index + m[0].length), text.slice(0, m.index));
      if (!spec) continue;
      const start = sentence.start + m.index;
      found.push({ start, end: start + m[0].length, text: m[0], spec, rank });
    }
  });
  // Longer matches win ("September of last year" over "last year"); ties go to the earlier rule.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const kept: DateHit[] = [];
  for (const h of found) {
    if (!kept.some((k) => k.start < h.end && h.start < k.end))
      kept.push({ start: h.start, end: h.end, text: h.text, spec: h.spec });
  }
  return withWeekdaysJoined(
    kept.sort((a, b) => a.start - b.start),
    sentence,
  );
}

/**
 * "Sunday, Oct. 6" and "Saturday 9 May" are one date, not a weekday and a date: resolved apart, the weekday was counted
 * from the publication week and landed on another day. The joined date keeps the weekday to choose its year by.
 */
function withWeekdaysJoined(hits: DateHit[], sentence: Sentence): DateHit[] {
  const out: DateHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const w = hits[i];
    const d = hits[i + 1];
    if (
      w &&
      d &&
      w.spec.kind === 'weekday' &&
      w.spec.direction === null &&
      /^\p{L}+$/u.test(w.text) &&
      d.spec.kind === 'calendar' &&
      d.spec.fields.month !== undefined &&
      d.spec.fields.day !== undefined &&
      /^,?\s+(?:the\s+)?$/.test(sentence.text.slice(w.end - sentence.start, d.start - sentence.start))
    ) {
      const text = sentence.text.slice(w.start - sentence.start, d.end - sentence.start);
      out.push({
        start: w.start,
        end: d.end,
        text,
        spec: { kind: 'calendar', fields: { ...d.spec.fields, weekday: w.spec.weekday } },
      });
      i++;
    } else if (w) out.push(w);
  }
  return out;
}
