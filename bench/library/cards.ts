/**
 * Makes flashcards the way the app does from highlights (`clozeFromHighlight`: the highlighted words blanked in their
 * sentence, the note on the back, the passage kept as selectors), and a review history for some of them graded
 * through the app's FSRS scheduler, at fixed dates.
 */
import type { Highlight } from '@core/annotations/highlight';
import { describe } from '@core/anchoring/describe';
import type { Grade, ReviewRecord, StoredCard } from '@core/cards/card';
import { clozeFromHighlight } from '@core/cards/cloze-from-highlight';
import { Scheduler } from '@core/cards/schedule';
import type { Passage } from '@core/passages';
import type { Random } from '../prng';

const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: { zone: 'UTC', rolloverHour: 0 } });
const BASE_TIME = Date.parse('2026-01-10T08:00:00.000Z');
const DAY = 86_400_000;

export interface CardBatch {
  cards: StoredCard[];
  reviews: ReviewRecord[];
}

/** Cards from the first `count` highlights of a document that make one (fewer when too few do). */
export function makeCards(
  r: Random,
  text: string,
  passages: readonly Passage[],
  highlights: readonly Highlight[],
  count: number,
  firstId: number,
): CardBatch {
  const cards: StoredCard[] = [];
  const reviews: ReviewRecord[] = [];
  for (const highlight of highlights) {
    if (cards.length === count) break;
    const { start, end } = highlight.selectors[0];
    const draft = clozeFromHighlight(text, passages, start, end);
    // Whitespace, or a whole sentence with nothing to ask about: the app makes no card of it either.
    if (!draft || 'refused' in draft) continue;
    const id = `card-${firstId + cards.length}`;
    const createdAt = new Date(BASE_TIME + (firstId + cards.length) * 1000);
    cards.push({
      id,
      kind: 'cloze',
      front: draft.front,
      back: highlight.note,
      tags: highlight.tags,
      source: { documentId: highlight.documentId, selectors: describe(text, draft.passage.start, draft.passage.end) },
      highlightId: highlight.id,
      color: highlight.color,
      suspended: false,
      guid: null,
      createdAt: createdAt.toISOString(),
      updatedAt: createdAt.toISOString(),
    });
    let state = scheduler.initial(createdAt);
    let at = createdAt.getTime();
    for (let n = r.chance(0.5) ? r.between(1, 4) : 0; n > 0; n -= 1) {
      at += r.between(1, 6) * DAY;
      const grade = (r.chance(0.8) ? 3 : r.between(1, 4)) as Grade;
      const next = scheduler.grade(state, grade, new Date(at), id);
      reviews.push({
        id: `${id}-r${n}`,
        cardId: id,
        grade,
        reviewedAt: new Date(at).toISOString(),
        previous: state,
        next,
      });
      state = next;
    }
  }
  return { cards, reviews };
}
