/**
 * The Statistics charts through the service: reviews land on the reader's day (zone and rollover hour), retention
 * counts graduated cards only, and the forecast shows where the grades put each card.
 */
import { describe, expect, it } from 'vitest';
import { numbered, serviceHarness } from './test-service-harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const harness = serviceHarness('charts');

function setup(zone: string, start: string) {
  return harness.open({ start, zone, newId: numbered(), scheduleFuzz: false });
}

describe('review charts', () => {
  it('count reviews on the reader’s day and forecast where the grades put the cards', async () => {
    // 23:30 in Los Angeles on 1 March (07:30 UTC on 2 March): still 1 March for the reader.
    const { api, clock } = await setup('America/Los_Angeles', '2026-03-02T07:30:00.000Z');
    const ids: string[] = [];
    for (let index = 0; index < 3; index++)
      ids.push((await api.createCard({ kind: 'basic', front: `Q${index}`, back: 'A' })).card.id);
    // Easy on a new card graduates it at once, to a review some days away.
    for (const id of ids) await api.gradeCard({ id, grade: 4 });

    const first = (await api.getCardStats({})).charts;
    expect(first.heatmap.days.at(-1)).toEqual({ day: '2026-03-01', reviews: 3, again: 0 });
    expect(first.heatmap).toMatchObject({ total: 3, activeDays: 1, streak: 1 });
    expect(first.forecast).toHaveLength(30);
    expect(first.forecast.reduce((sum, day) => sum + day.due, 0)).toBe(3);
    const dueDay = first.forecast.findIndex((day) => day.due > 0);
    expect(dueDay).toBeGreaterThan(0);

    // On the day they come due, one is forgotten and two recalled: true retention of young cards is 2 of 3.
    clock.now = new Date(clock.now.getTime() + dueDay * DAY + HOUR);
    const queue = await api.getReviewQueue({});
    expect(queue.cards).toHaveLength(3);
    const grades = [1, 3, 3] as const;
    for (const [index, item] of queue.cards.entries())
      await api.gradeCard({ id: item.card.id, grade: grades[index] ?? 3 });
    const later = (await api.getCardStats({})).charts;
    const week = later.retentionWeeks.at(-1);
    expect(later.retentionWeeks).toHaveLength(12);
    expect(later.retentionMonths).toHaveLength(12);
    const passed = later.retentionWeeks.reduce((sum, period) => sum + period.young.passed, 0);
    const counted = later.retentionWeeks.reduce((sum, period) => sum + period.young.reviews, 0);
    expect({ passed, counted }).toEqual({ passed: 2, counted: 3 });
    expect(week?.mature.reviews).toBe(0);
    expect(later.heatmap.total).toBe(6);
    // The forgotten card is in a relearning step, due today; the others later.
    expect(later.forecast[0]?.due).toBe(1);
  });
});
