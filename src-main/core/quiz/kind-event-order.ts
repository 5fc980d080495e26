/**
 * `event-order` questions across two articles: "Which of these came first?" with one event from each. An event is a
 * sure date's clause with the date taken out, as on a timeline (kind-timeline.ts), of something the article reports as
 * done (an expected event may never happen); the two dates must be exact
 * enough to place (a day, a month, a year or a range the engine is sure of, the year known) and cover days that do not
 * overlap, so exactly one answer is right.
 */
import type { DateMention } from '../extract/types';
import { finishQuestion, type Candidate } from './candidate';
import type { CrossArticle } from './cross-context';
import { toEvent, type Event } from './kind-timeline';
import { boundingDate, plainPastEvent } from './event-wording';
import { answerKey } from './normalize';
import { createRng, shuffled } from './prng';
import type { QuizItem } from './types';

// Pairs asked per two articles: the rest would ask about the same few events again.
const PER_PAIR = 2;

export interface PlacedEvent extends Event {
  date: DateMention;
}

/** The events of an article that can be placed in time, one per clause. */
export function placedEvents(article: CrossArticle): PlacedEvent[] {
  const cached = article.ctx.cache.get('placed-events') as PlacedEvent[] | undefined;
  if (cached) return cached;
  const seen = new Set<string>();
  const out: PlacedEvent[] = [];
  for (const d of article.ctx.dates) {
    const key = `${d.eventSpan.start}:${d.eventSpan.end}`;
    // Only what the article reports as done: an expected or predicted event may never happen, so it has no place.
    const e = seen.has(key) || d.status !== 'past' ? null : toEvent(article.ctx, d);
    seen.add(key);
    // A clause holds more than its dated event; only plain reports of something done are set against another article.
    if (!e || !plainPastEvent(e.item.label) || boundingDate(article.ctx.text.slice(Math.max(0, d.start - 40), d.start)))
      continue;
    out.push({
      ...e,
      date: d,
      item: { ...e.item, documentId: article.doc.id, documentTitle: article.doc.title },
    });
  }
  article.ctx.cache.set('placed-events', out);
  return out;
}

function withPublished(item: QuizItem, published: string | null): QuizItem {
  return published ? { ...item, published } : item;
}

/**
 * Up to PER_PAIR questions, each pairing an event of `a` with one of `b` on days that do not overlap; `keep` limits
 * which events may be asked (the actor quiz keeps its actor's).
 */
export function eventOrderQuestions(
  a: CrossArticle,
  b: CrossArticle,
  seed: string,
  keep: (e: PlacedEvent, article: CrossArticle) => boolean = () => true,
): Candidate[] {
  const rng = createRng(seed, 'event-order', a.doc.id, b.doc.id);
  const left = shuffled(
    placedEvents(a).filter((e) => keep(e, a)),
    rng,
  );
  const right = shuffled(
    placedEvents(b).filter((e) => keep(e, b)),
    rng,
  );
  const out: Candidate[] = [];
  const used = new Set<PlacedEvent>();
  for (const x of left) {
    if (out.length >= PER_PAIR) break;
    const y = right.find(
      (e) =>
        !used.has(e) &&
        (e.interval[1] < x.interval[0] || x.interval[1] < e.interval[0]) &&
        answerKey(e.item.label) !== answerKey(x.item.label),
    );
    if (!y) continue;
    used.add(y);
    const [first, second] = x.interval[0] < y.interval[0] ? [x, y] : [y, x];
    const firstArticle = first === x ? a : b;
    const items = [
      withPublished(first.item, (first === x ? a : b).doc.published),
      withPublished(second.item, (second === x ? a : b).doc.published),
    ];
    const question = finishQuestion(
      firstArticle.ctx,
      {
        kind: 'event-order',
        answerType: 'event',
        prompt: 'Which of these comes first in time?',
        answer: first.item.label,
        acceptableAnswers: [],
        evidence: first.item.evidence,
        support: first.item.support,
        items,
        about: { date: { start: first.date.start, end: first.date.end } },
      },
      [second.item.label],
      second.item.id,
    );
    out.push({
      question,
      score: 3,
      facts: [`event-order:${a.doc.id}:${x.item.id}`, `event-order:${b.doc.id}:${y.item.id}`],
    });
  }
  return out;
}
