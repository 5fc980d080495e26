import { Rating, createEmptyCard, fsrs, generatorParameters, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Grade, ScheduleState } from './card';
import { outcomeLabel } from './interval-label';
import { readerDayOf, type ReaderDay } from './reader-day';
import { Scheduler, fromFsrsCard, toFsrsCard } from './schedule';

const START = new Date('2026-01-05T09:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** UTC days from midnight: the reader clock is UTC itself, so ts-fsrs's own results can be compared directly. */
const UTC_MIDNIGHT: ReaderDay = { zone: 'UTC', rolloverHour: 0 };
const PARIS: ReaderDay = { zone: 'Europe/Paris', rolloverHour: 4 };

/** A fixed sequence: grade, then how long after the previous review it happens. */
const SEQUENCE: { grade: Grade; after: number }[] = [
  { grade: 3, after: 0 },
  { grade: 3, after: 10 * MINUTE },
  { grade: 3, after: 3 * DAY },
  { grade: 1, after: 9 * DAY },
  { grade: 2, after: 10 * MINUTE },
  { grade: 3, after: 1 * DAY },
  { grade: 4, after: 5 * DAY },
  { grade: 3, after: 40 * DAY },
];

const RATING: Record<Grade, FsrsGrade> = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy };

describe('Scheduler', () => {
  it.each([0.9, 0.8, 0.95])(
    'computes as ts-fsrs itself does, a day interval ending at the day’s start (retention %s, fuzz off)',
    (retention) => {
      const scheduler = new Scheduler({ desiredRetention: retention, fuzz: false, day: UTC_MIDNIGHT });
      const reference = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false }));
      let ours: ScheduleState = scheduler.initial(START);
      let theirs: Card = createEmptyCard(START);
      let now = START;
      for (const step of SEQUENCE) {
        now = new Date(now.getTime() + step.after);
        // Round-trip through JSON, as the review log stores it, before each review.
        ours = scheduler.grade(JSON.parse(JSON.stringify(ours)) as ScheduleState, step.grade, now, 'card-1');
        theirs = reference.next(theirs, now, RATING[step.grade]).card;
        // ts-fsrs puts a review card due at the hour of its last review; Lectio at the start of that day, as Anki does.
        const due =
          theirs.scheduled_days >= 1
            ? `${theirs.due.toISOString().slice(0, 10)}T00:00:00.000Z`
            : theirs.due.toISOString();
        expect(ours).toEqual({ ...fromFsrsCard(theirs), due });
      }
      expect(ours.reps).toBe(SEQUENCE.length);
      expect(ours.lapses).toBe(1);
      expect(ours.state).toBe('Review');
    },
  );

  it('previews what each grade would set, equal to grading (fuzz on)', () => {
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: true, day: PARIS });
    const learned = scheduler.grade(
      scheduler.grade(scheduler.initial(START), 3, START, 'c'),
      3,
      new Date(START.getTime() + 10 * MINUTE),
      'c',
    );
    const at = new Date(new Date(learned.due).getTime() + 5 * HOUR);
    const preview = scheduler.preview(learned, at, 'c');
    for (const grade of [1, 2, 3, 4] as const) expect(preview[grade]).toEqual(scheduler.grade(learned, grade, at, 'c'));
    expect(new Date(preview[1].due).getTime()).toBeLessThan(new Date(preview[4].due).getTime());
  });

  it('applies exactly what it showed: 300 Good grades at random times of the reader’s day land on the shown day', () => {
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: true, day: PARIS });
    const dayOf = readerDayOf(PARIS);
    const random = seeded(7);
    const goodDays = new Set<number>();
    for (let index = 0; index < 300; index++) {
      const id = `card-${index}`;
      // A review card about a week into its life, due some day in March 2026.
      const created = new Date(Date.parse('2026-03-01T08:00:00.000Z') + Math.floor(random() * 20) * DAY);
      const learned = scheduler.grade(scheduler.initial(created), 4, created, id);
      // Shown when the queue loads, any time from the due day's start to 20 hours later; graded up to 3 hours after.
      const shownAt = new Date(Date.parse(learned.due) + random() * 20 * HOUR);
      const gradedAt = new Date(
        Math.min(shownAt.getTime() + random() * 3 * HOUR, Date.parse(learned.due) + 24 * HOUR - 1),
      );
      expect(dayOf(gradedAt)).toBe(dayOf(shownAt));
      const shown = scheduler.preview(learned, shownAt, id)[3];
      const applied = scheduler.grade(learned, 3, gradedAt, id);
      expect(applied.due).toBe(shown.due);
      expect(outcomeLabel(gradedAt, applied)).toBe(outcomeLabel(shownAt, shown));
      goodDays.add(applied.scheduledDays);
    }
    // The fuzz is still there: cards graded alike spread over several days.
    expect(goodDays.size).toBeGreaterThan(3);
  });

  it('seeds the fuzz by card and review count: the same card at the same point draws the same interval', () => {
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: true, day: PARIS });
    const learned = scheduler.grade(scheduler.initial(START), 4, START, 'a');
    const later = new Date(Date.parse(learned.due) + 30 * DAY);
    const byCard = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(
      (id) => scheduler.grade(learned, 3, later, id).scheduledDays,
    );
    expect(scheduler.grade(learned, 3, later, 'a').scheduledDays).toBe(byCard[0]);
    expect(new Set(byCard).size).toBeGreaterThan(1);
  });

  it('puts a day interval at the start of the reader’s day and keeps learning steps exact', () => {
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: PARIS });
    // 23:30 in Paris (UTC+1 in January): Easy on a new card is days away, due at 04:00 Paris time on its day.
    const evening = new Date('2026-01-05T22:30:00.000Z');
    const easy = scheduler.grade(scheduler.initial(evening), 4, evening, 'x');
    expect(easy.state).toBe('Review');
    expect(easy.due).toBe(
      new Date(Date.parse(`2026-01-${String(5 + easy.scheduledDays).padStart(2, '0')}T03:00:00.000Z`)).toISOString(),
    );
    // Good on a new card is a ten-minute step: an instant, even across the 4 am rollover.
    const late = new Date('2026-01-06T02:55:00.000Z');
    expect(scheduler.grade(scheduler.initial(late), 3, late, 'x').due).toBe(
      new Date(late.getTime() + 10 * MINUTE).toISOString(),
    );
  });

  it('counts a review at 2 am as the evening before: one day later is 4 am that same morning', () => {
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: PARIS });
    const first = new Date('2026-01-04T21:00:00.000Z'); // 22:00 in Paris
    const learned = scheduler.grade(
      scheduler.grade(scheduler.initial(first), 3, first, 'y'),
      3,
      new Date(first.getTime() + 10 * MINUTE),
      'y',
    );
    // Again, then Good after the relearning step, at 02:00 Paris time on the 10th: a day interval ends at 04:00 on the
    // 10th, since 02:00 still belongs to the 9th.
    const lapse = scheduler.grade(learned, 1, new Date('2026-01-10T00:50:00.000Z'), 'y');
    const relearned = scheduler.grade(lapse, 3, new Date('2026-01-10T01:00:00.000Z'), 'y');
    expect(relearned.scheduledDays).toBe(1);
    expect(relearned.due).toBe('2026-01-10T03:00:00.000Z');
  });

  it('counts elapsed days in the reader’s days, not UTC dates (Tokyo: 23:00 to 05:00 is a day later)', () => {
    const tokyo: ReaderDay = { zone: 'Asia/Tokyo', rolloverHour: 4 };
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: tokyo });
    const evening = new Date('2026-02-02T14:00:00.000Z'); // 23:00 in Tokyo
    const learned = scheduler.grade(scheduler.initial(evening), 4, evening, 'z');
    const morning = new Date(evening.getTime() + 6 * HOUR); // 05:00 in Tokyo, the same UTC date
    expect(scheduler.grade(learned, 3, morning, 'z').elapsedDays).toBe(1);
  });

  it('asks for longer intervals at lower retention', () => {
    const at = (retention: number) => {
      const s = new Scheduler({ desiredRetention: retention, fuzz: false, day: UTC_MIDNIGHT });
      return new Date(s.grade(s.initial(START), 4, START, 'r').due).getTime();
    };
    expect(at(0.8)).toBeGreaterThan(at(0.95));
  });

  it('converts to and from ts-fsrs cards without loss', () => {
    const card = fsrs().next(createEmptyCard(START), START, Rating.Good).card;
    expect(toFsrsCard(fromFsrsCard(card))).toEqual(card);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}
