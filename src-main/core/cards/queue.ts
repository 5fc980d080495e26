/**
 * The review queue: cards due now first (learning steps and reviews, oldest due first), then new cards in the order
 * they were made, up to what is left of today's new-card limit. Suspended cards never appear.
 */
import type { ScheduleState, StoredCard } from './card';
import type { DayOf } from './days';

/** What the queue needs of a card: not its content (the due counts are made without reading any card's text). */
export type QueueCard = Pick<StoredCard, 'id' | 'suspended' | 'createdAt'>;

export interface ScheduledCard<C extends QueueCard = QueueCard> {
  card: C;
  schedule: ScheduleState;
}

export interface QueueOptions {
  now: Date;
  /** The reader's day of an instant: a review card is due all day on its due day (Anki keeps it as a day number). */
  dayOf: DayOf;
  newPerDay: number;
  /** New cards already graded for the first time today (they count against the limit). */
  newSeenToday: number;
  /**
   * When nothing else is left, learning cards due within this many milliseconds are shown early (Anki's "learn ahead
   * limit", 20 minutes), so a session does not stall on a card that is due in three minutes.
   */
  learnAheadMs?: number;
}

export interface Queue<C extends QueueCard = QueueCard> {
  cards: ScheduledCard<C>[];
  /** New cards held back by the daily limit. */
  newWaiting: number;
  /** When the next card not in `cards` comes due (ISO), or null when none is scheduled. */
  nextDue: string | null;
}

const LEARN_AHEAD_MS = 20 * 60_000;
const time = (iso: string) => new Date(iso).getTime();

export function buildQueue<C extends QueueCard>(items: readonly ScheduledCard<C>[], options: QueueOptions): Queue<C> {
  const now = options.now.getTime();
  const active = items.filter((item) => !item.card.suspended);
  const started = active
    .filter((item) => item.schedule.state !== 'New')
    .sort((a, b) => time(a.schedule.due) - time(b.schedule.due) || a.card.id.localeCompare(b.card.id));
  const fresh = active
    .filter((item) => item.schedule.state === 'New')
    .sort((a, b) => a.card.createdAt.localeCompare(b.card.createdAt) || a.card.id.localeCompare(b.card.id));
  const allowance = Math.max(0, options.newPerDay - options.newSeenToday);

  const today = options.dayOf(options.now);
  // A review card due today is due from the day's start even if its stored instant is later (logs written before due
  // dates were placed at the day's start); a learning step is due at its exact instant.
  const isDue = (item: ScheduledCard<C>) =>
    item.schedule.state === 'Review'
      ? options.dayOf(new Date(item.schedule.due)) <= today
      : time(item.schedule.due) <= now;
  let due = started.filter(isDue);
  const newToday = fresh.slice(0, allowance);
  if (due.length === 0 && newToday.length === 0) {
    const ahead = now + (options.learnAheadMs ?? LEARN_AHEAD_MS);
    due = started.filter((item) => item.schedule.state !== 'Review' && time(item.schedule.due) <= ahead);
  }
  const queued = new Set(due.map((item) => item.card.id));
  const next = started.find((item) => !queued.has(item.card.id));
  return {
    cards: [...due, ...newToday],
    newWaiting: fresh.length - newToday.length,
    nextDue: next ? next.schedule.due : null,
  };
}

/**
 * What is waiting for the reader now: cards due (learning steps and reviews) and new cards today's limit allows. Every
 * screen that shows a due count reads these from one queue, so the top bar, Review and Cards agree at any moment.
 */
export interface DueCounts {
  due: number;
  fresh: number;
  /** The ids of the due cards, for the card browser's "Due now" filter. */
  dueIds: string[];
}

export function queueCounts(queue: Pick<Queue, 'cards'>): DueCounts {
  const due = queue.cards.filter((item) => item.schedule.state !== 'New');
  return { due: due.length, fresh: queue.cards.length - due.length, dueIds: due.map((item) => item.card.id) };
}
