/**
 * `timeline` questions: three to five dated events to put in order. An event is a date's clause with the date taken
 * out; events whose clause holds a second, different date are left out (which of the two dates the event is would be
 * a guess), and the events of one question never overlap in time, so exactly one order is right.
 */
import type { DateMention } from '../extract/types';
import { evidenceOf, finishQuestion, type Candidate } from './candidate';
import { sentenceIndexAt, type ArticleContext } from './context';
import { dayInterval } from './date-value';
import { askableDate } from './kind-when';
import { answerKey } from './normalize';
import { createRng, shuffled, stableId } from './prng';
import type { QuizItem } from './types';

const GROUP = 4;
const MAX_QUESTIONS = 3;
const MAX_LABEL_WORDS = 16;

export interface Event {
  item: QuizItem;
  interval: [number, number];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The clause without its date (and the date's preposition); an ellipsis marks a cut inside the clause.
function eventLabel(clause: string, dateText: string): string {
  const preposition = String.raw`(?:\b(?:on|in|at|since|by|during|until|from|around|before|after|of)\s+)?`;
  const datePhrase = new RegExp(String.raw`${preposition}${escape(dateText)}\s*,?`, 'i');
  const m = datePhrase.exec(clause);
  const inside =
    m !== null && /\p{L}/u.test(clause.slice(0, m.index)) && /\p{L}/u.test(clause.slice(m.index + m[0].length));
  const cut = clause
    .replace(datePhrase, inside ? ' … ' : ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]*(?:(?:and|but|so|while)\b)?[\s…]*/i, '')
    .replace(/[\s,;:.]+$/, '')
    .trim();
  const words = cut.split(' ');
  const short = words.length > MAX_LABEL_WORDS ? `${words.slice(0, MAX_LABEL_WORDS).join(' ')} …` : cut;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

function overlap(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

// Another date in the same clause that is not within this one's time makes the event ambiguous.
function hasRival(ctx: ArticleContext, d: DateMention, interval: [number, number]): boolean {
  const near = [sentenceIndexAt(ctx.sentences, d.eventSpan.start), sentenceIndexAt(ctx.sentences, d.start)].flatMap(
    (i) => ctx.datesBySentence.get(i) ?? [],
  );
  return near.some((o) => {
    if (o === d || o.start < d.eventSpan.start || o.end > d.eventSpan.end) return false;
    if (o.precision === 'duration' || o.precision === 'fuzzy') return false;
    const parts = askableDate(o);
    const other = parts ? dayInterval(parts) : null;
    return !other || !overlap(other, interval);
  });
}

/** A date as a timeline event (its clause less the date, and the days it covers), or null when it cannot be placed. */
export function toEvent(ctx: ArticleContext, d: DateMention): Event | null {
  const parts = askableDate(d);
  const interval = parts ? dayInterval(parts) : null;
  const sentence = ctx.sentences[sentenceIndexAt(ctx.sentences, d.start)];
  if (!parts || !interval || !sentence) return null;
  if (d.event.trim() === '' || hasRival(ctx, d, interval)) return null;
  const label = eventLabel(d.event, d.text);
  if (label.split(' ').length < 3) return null;
  const item: QuizItem = {
    id: stableId('e', d.start, d.end),
    label,
    value: d.value,
    evidence: evidenceOf(sentence),
    support: d.text,
  };
  return { item, interval };
}

function groupFrom(pool: Event[]): Event[] {
  const group: Event[] = [];
  // Narrowest first (the shuffle orders events of equal width): a whole year overlaps every day in it, and taken
  // first it could leave fewer than three events to order, so a quiz of timelines had none for some seeds.
  const byWidth = [...pool].sort((a, b) => a.interval[1] - a.interval[0] - (b.interval[1] - b.interval[0]));
  for (const e of byWidth) {
    if (group.length === GROUP) break;
    const clash = group.some(
      (g) => overlap(g.interval, e.interval) || answerKey(g.item.label) === answerKey(e.item.label),
    );
    if (!clash) group.push(e);
  }
  return group;
}

/** Up to three timeline questions over disjoint sets of events; [] when fewer than three events can be ordered. */
export function timelineQuestions(ctx: ArticleContext): Candidate[] {
  const seenClause = new Set<string>();
  const events: Event[] = [];
  for (const d of ctx.dates) {
    const e = toEvent(ctx, d);
    const clauseKey = `${d.eventSpan.start}:${d.eventSpan.end}`;
    if (!e || seenClause.has(clauseKey)) continue;
    seenClause.add(clauseKey);
    events.push(e);
  }
  let pool = shuffled(events, createRng(ctx.seed, 'timeline'));
  const out: Candidate[] = [];
  while (out.length < MAX_QUESTIONS) {
    const group = groupFrom(pool).sort((a, b) => a.interval[0] - b.interval[0]);
    const first = group[0];
    if (group.length < 3 || !first) break;
    pool = pool.filter((e) => !group.includes(e));
    const items = group.map((g) => g.item);
    const question = finishQuestion(
      ctx,
      {
        kind: 'timeline',
        answerType: 'order',
        prompt: 'Put these events in order, earliest first.',
        answer: items.map((i) => i.label).join(' → '),
        acceptableAnswers: [],
        evidence: first.item.evidence,
        support: first.item.support,
        items,
      },
      items.map((i) => i.label),
    );
    out.push({ question, score: 2 + items.length * 0.3, facts: items.map((i) => `timeline:${i.id}`) });
  }
  return out;
}
