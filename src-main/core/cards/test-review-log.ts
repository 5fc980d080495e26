/**
 * A generated review log for the optimiser's tests: a learner whose memory follows FSRS with parameters unlike the
 * defaults (first memories weaker, recall decaying faster), studying cards that Lectio's scheduler, on its defaults,
 * schedules. A deterministic generator drives the grades, so every run makes the same log. Fitting parameters to it
 * should move them from the defaults and predict its grades better.
 */
import { default_w, fsrs, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { Grade, ReviewRecord, ScheduleState } from './card';
import { Scheduler } from './schedule';

/** A small deterministic generator (a linear congruential one), so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The learner's true memory: initial stabilities a third of the defaults', and a faster forgetting curve. */
export const LEARNER_PARAMETERS: readonly number[] = default_w.map((value, index) =>
  index < 4 ? value / 3 : index === 20 ? 0.5 : value,
);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface GeneratedLog {
  cardIds: string[];
  reviews: ReviewRecord[];
}

/**
 * `cards` cards, `perDay` new ones a day from `start`, reviewed when due for `days` days (UTC days from midnight, the
 * review at 10:00 plus a few minutes per card; learning steps the same day).
 */
export function generateReviewLog(options: {
  seed: number;
  cards: number;
  perDay: number;
  days: number;
  start: Date;
}): GeneratedLog {
  const random = seededRandom(options.seed);
  const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: { zone: 'UTC', rolloverHour: 0 } });
  const truth = fsrs(generatorParameters({ w: [...LEARNER_PARAMETERS], enable_short_term: true }));
  const cardIds = Array.from({ length: options.cards }, (_, index) => `gen-${index}`);
  const cards = cardIds.map((id) => ({
    id,
    schedule: scheduler.initial(options.start),
    memory: null as FSRSState | null,
    lastDay: 0,
  }));
  const reviews: ReviewRecord[] = [];
  const grade = (recall: number): Grade => {
    if (random() >= recall) return 1;
    const roll = random();
    return roll < 0.1 ? 2 : roll < 0.85 ? 3 : 4;
  };
  for (let day = 0; day < options.days; day++) {
    const introduced = Math.min(options.cards, (day + 1) * options.perDay);
    for (const [index, card] of cards.slice(0, introduced).entries()) {
      let at = new Date(options.start.getTime() + day * DAY + 10 * HOUR + index * 60_000);
      // Grade while the card is due today: its first sight, then any learning steps (minutes apart).
      for (let step = 0; step < 6 && Date.parse(card.schedule.due) <= at.getTime() + DAY / 2; step++) {
        const days = card.memory ? day - card.lastDay : 0;
        const recall = card.memory ? truth.forgetting_curve(days, card.memory.stability) : 0.6;
        const given = grade(days === 0 && card.memory ? Math.max(recall, 0.9) : recall);
        const previous: ScheduleState = card.schedule;
        const next = scheduler.grade(previous, given, at, card.id);
        reviews.push({
          id: `r-${reviews.length}`,
          cardId: card.id,
          grade: given,
          reviewedAt: at.toISOString(),
          zone: 'UTC',
          previous,
          next,
        });
        card.memory = truth.next_state(card.memory, days, given);
        card.lastDay = day;
        card.schedule = next;
        at = new Date(Math.max(at.getTime() + 60_000, Date.parse(next.due)));
        if (next.scheduledDays >= 1) break;
      }
    }
  }
  return { cardIds, reviews };
}
