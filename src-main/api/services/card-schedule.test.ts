/**
 * Scheduling a reader can trust, through the service as the Review screen uses it: the interval on a grade button is
 * the one the grade applies, days start at the rollover hour in the reader's zone, and a day interval ends at a day's
 * start.
 */
import { describe, expect, it } from 'vitest';
import { readerDayOf } from '../../core/cards/reader-day';
import { dispatch } from '../dispatch';
import { numbered, serviceHarness } from './test-service-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const harness = serviceHarness('schedule');

// Fuzz on, as the app runs: the point is that it no longer makes the buttons lie.
function setup(options: { zone: string; start: string }) {
  return harness.open({ start: options.start, zone: options.zone, newId: numbered() });
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('grade buttons', () => {
  it('apply exactly the interval they show: 300 Good grades, each given a while after its queue was loaded', async () => {
    const zone = 'America/New_York';
    const { api, clock } = await setup({ zone, start: '2026-03-02T15:00:00.000Z' });
    const dayOf = readerDayOf({ zone, rolloverHour: 4 });
    const ids: string[] = [];
    for (let index = 0; index < 300; index++)
      ids.push((await api.createCard({ kind: 'basic', front: `Q${index}`, back: 'A' })).card.id);
    // Easy on a new card makes a review card due in a week or so; the Good grades below are then intervals of days.
    for (const id of ids) await api.gradeCard({ id, grade: 4 });
    const next = random(20);
    let mismatches = 0;
    for (const [index, id] of ids.entries()) {
      // The queue is loaded at a random moment of a reader's day (09:00–17:00 in New York), the button pressed up to
      // three hours later, the same study day; forty cards a day.
      const morning = new Date(`2026-03-${16 + Math.floor(index / 40)}T13:00:00.000Z`).getTime();
      clock.now = new Date(morning + next() * 8 * HOUR);
      // The card is asked to come first: the queue sends only its first page, and this card may be further down.
      const item = (await api.getReviewQueue({ first: id })).cards.find((candidate) => candidate.card.id === id);
      const shown = item?.options.find((option) => option.grade === 3);
      expect(shown).toBeDefined();
      clock.now = new Date(clock.now.getTime() + next() * 3 * HOUR);
      const graded = await api.gradeCard({ id, grade: 3 });
      if (dayOf(new Date(graded.card.schedule.due)) !== dayOf(new Date(shown?.due ?? 0))) mismatches++;
      else expect(graded.card.schedule.due).toBe(shown?.due);
    }
    expect(mismatches).toBe(0);
  }, 120_000);
});

describe('grading after the buttons were shown', () => {
  it('refuses a grade whose interval changed since it was shown (a new day began), writes nothing, and grades once reloaded', async () => {
    const zone = 'Europe/Paris';
    const { api, clock } = await setup({ zone, start: '2026-01-05T10:00:00.000Z' });
    const { card } = await api.createCard({ kind: 'basic', front: 'Q', back: 'A' });
    await api.gradeCard({ id: card.id, grade: 4 });
    const due = (await api.listCards({}))[0]?.schedule.due ?? '';
    // Loaded at 03:50 in Paris on a day the card is due, graded twenty minutes later: after the 4 am rollover.
    clock.now = new Date(Date.parse(due) + 23 * HOUR + 50 * MINUTE);
    const good = (await api.getReviewQueue({})).cards[0]?.options.find((option) => option.grade === 3);
    clock.now = new Date(clock.now.getTime() + 20 * MINUTE);
    const refused = await dispatch(api, 'gradeCard', {
      id: card.id,
      grade: 3,
      shown: { due: good?.due ?? '', label: good?.label ?? '' },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: expect.stringMatching(/intervals changed since this card was shown/),
      },
    });
    expect((await api.listCards({}))[0]?.schedule.due).toBe(due);
    const fresh = (await api.getReviewQueue({})).cards[0]?.options.find((option) => option.grade === 3);
    expect(fresh?.due).not.toBe(good?.due);
    const graded = await api.gradeCard({
      id: card.id,
      grade: 3,
      shown: { due: fresh?.due ?? '', label: fresh?.label ?? '' },
    });
    expect(graded.card.schedule.due).toBe(fresh?.due);
  });

  it('accepts a learning step shown minutes before: "10m" is ten minutes from the grade', async () => {
    const { api, clock } = await setup({ zone: 'UTC', start: '2026-01-05T10:00:00.000Z' });
    const { card } = await api.createCard({ kind: 'basic', front: 'Q', back: 'A' });
    const good = (await api.getReviewQueue({})).cards[0]?.options.find((option) => option.grade === 3);
    expect(good?.label).toBe('10m');
    clock.now = new Date(clock.now.getTime() + 7 * MINUTE);
    const graded = await api.gradeCard({
      id: card.id,
      grade: 3,
      shown: { due: good?.due ?? '', label: good?.label ?? '' },
    });
    expect(graded.card.schedule.due).toBe(new Date(clock.now.getTime() + 10 * MINUTE).toISOString());
  });
});

describe('the reader’s day', () => {
  it('brings a review card due tomorrow in the morning at the rollover hour, not at the hour of its last review', async () => {
    const zone = 'America/Los_Angeles';
    // 21:00 in Los Angeles on 5 January.
    const { api, clock } = await setup({ zone, start: '2026-01-06T05:00:00.000Z' });
    const { card } = await api.createCard({ kind: 'basic', front: 'Q', back: 'A' });
    const graded = await api.gradeCard({ id: card.id, grade: 4 });
    const days = Math.round(
      (Date.parse(graded.card.schedule.due) - Date.parse('2026-01-06T12:00:00.000Z')) / (24 * HOUR),
    );
    // 04:00 in Los Angeles (UTC-8) on the day it is due.
    const dueDay = new Date(Date.parse('2026-01-06T12:00:00.000Z') + days * 24 * HOUR);
    expect(graded.card.schedule.due).toBe(dueDay.toISOString());
    clock.now = new Date(dueDay.getTime() - MINUTE);
    expect(await api.getDueCounts({})).toMatchObject({ due: 0 });
    expect((await api.getCardStats({})).dueToday).toBe(0);
    clock.now = dueDay;
    expect(await api.getDueCounts({})).toMatchObject({ due: 1, dueIds: [card.id] });
    expect((await api.getCardStats({})).dueToday).toBe(1);
  });

  it('counts new cards per day from the rollover hour the reader sets, in their zone (Tokyo)', async () => {
    // 23:30 in Tokyo on 1 March.
    const { api, clock } = await setup({ zone: 'Asia/Tokyo', start: '2026-03-01T14:30:00.000Z' });
    await api.updateSettings({ review: { desiredRetention: 0.9, newPerDay: 1 } });
    for (const front of ['one', 'two']) await api.createCard({ kind: 'basic', front, back: 'x' });
    const first = (await api.getReviewQueue({})).cards[0]?.card.id ?? '';
    await api.gradeCard({ id: first, grade: 4 });
    expect(await api.getDueCounts({})).toMatchObject({ fresh: 0 });
    // 02:00 in Tokyo on the 2nd (17:00 UTC on the 1st): still the 1st's study day, its one new card used.
    clock.now = new Date('2026-03-01T17:00:00.000Z');
    expect(await api.getDueCounts({})).toMatchObject({ fresh: 0 });
    // 04:00 in Tokyo: a new day, a new card.
    clock.now = new Date('2026-03-01T19:00:00.000Z');
    expect(await api.getDueCounts({})).toMatchObject({ fresh: 1 });
    // With the day starting at midnight, 02:00 is already the 2nd.
    clock.now = new Date('2026-03-01T17:00:00.000Z');
    expect(
      (await api.updateSettings({ review: { desiredRetention: 0.9, newPerDay: 1, dayStartsAt: 0 } })).review
        .dayStartsAt,
    ).toBe(0);
    expect(await api.getDueCounts({})).toMatchObject({ fresh: 1 });
  });

  it('keeps the day start in settings (default 4), keeps it when a change leaves it out, and refuses an hour out of range', async () => {
    const { api } = await setup({ zone: 'UTC', start: '2026-01-05T10:00:00.000Z' });
    expect((await api.getSettings({})).review).toEqual({ desiredRetention: 0.9, newPerDay: 20, dayStartsAt: 4 });
    await api.updateSettings({ review: { desiredRetention: 0.9, newPerDay: 20, dayStartsAt: 6 } });
    expect((await api.updateSettings({ review: { desiredRetention: 0.85, newPerDay: 10 } })).review).toEqual({
      desiredRetention: 0.85,
      newPerDay: 10,
      dayStartsAt: 6,
    });
    for (const dayStartsAt of [24, -1, 4.5]) {
      expect(
        await dispatch(api, 'updateSettings', { review: { desiredRetention: 0.9, newPerDay: 20, dayStartsAt } }),
      ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect((await api.getSettings({})).review.dayStartsAt).toBe(6);
  });
});
