import { Rating, createEmptyCard, fsrs, generatorParameters, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Grade, ScheduleState } from './card';
import { Scheduler, fromFsrsCard, toFsrsCard } from './schedule';

const START = new Date('2026-01-05T09:00:00.000Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

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
  it.each([0.9, 0.8, 0.95])('gives the same due dates and states as ts-fsrs itself (retention %s, fuzz off)', (retention) => {
    const scheduler = new Scheduler({ desiredRetention: retention, fuzz: false });
    const reference = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false }));
    let ours: ScheduleState = scheduler.initial(START);
    let theirs: Card = createEmptyCard(START);
    let now = START;
    for (const step of SEQUENCE) {
      now = new Date(now.getTime() + step.after);
      // Round-trip through JSON, as the review log stores it, before each review.
      ours = scheduler.grade(JSON.parse(JSON.stringify(ours)) as ScheduleState, step.grade, now);
      theirs = reference.next(theirs, now, RATING[step.grade]).card;
      expect(ours).toEqual(fromFsrsCard(theirs));
      expect(new Date(ours.due).getTime()).toBe(theirs.due.getTime());
    }
    expect(ours.reps).toBe(SEQUENCE.length);
    expect(ours.lapses).toBe(1);
    expect(ours.state).toBe('Review');
  });

  it('previews what each grade would set, equal to grading', () => {
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false });
    const learned = scheduler.grade(scheduler.grade(scheduler.initial(START), 3, START), 3, new Date(START.getTime() + 10 * MINUTE));
    const at = new Date(learned.due);
    const preview = scheduler.preview(learned, at);
    for (const grade of [1, 2, 3, 4] as const) expect(preview[grade]).toEqual(scheduler.grade(learned, grade, at));
    expect(new Date(preview[1].due).getTime()).toBeLessThan(new Date(preview[4].due).getTime());
  });

  it('asks for longer intervals at lower retention', () => {
    const at = (retention: number) => {
      const s = new Scheduler({ desiredRetention: retention, fuzz: false });
      return new Date(s.grade(s.initial(START), 4, START).due).getTime();
    };
    expect(at(0.8)).toBeGreaterThan(at(0.95));
  });

  it('converts to and from ts-fsrs cards without loss', () => {
    const card = fsrs().next(createEmptyCard(START), START, Rating.Good).card;
    expect(toFsrsCard(fromFsrsCard(card))).toEqual(card);
  });
});
