import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../core/cards/card';
import { Scheduler } from '../core/cards/schedule';
import { makeCard } from '../core/cards/test-cards';
import { CardStore } from './card-store';

const NOW = new Date('2026-04-01T08:00:00.000Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: { zone: 'UTC', rolloverHour: 0 } });

function review(id: string, cardId: string, at: Date): ReviewRecord {
  const previous = scheduler.initial(NOW);
  return {
    id,
    cardId,
    grade: 3,
    reviewedAt: at.toISOString(),
    previous,
    next: scheduler.grade(previous, 3, at, cardId),
  };
}

describe('CardStore', () => {
  it('keeps content and the review log in two files, and finds each card’s latest review, also after reopening', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-card-store-'));
    const store = new CardStore(dataDir, () => NOW);
    await store.open();
    await store.updateCards(() => [makeCard('a'), makeCard('b')]);
    await store.appendReview(review('r1', 'a', NOW));
    await store.appendReview(review('r2', 'b', NOW));
    await store.appendReview(review('r3', 'a', new Date(NOW.getTime() + 60_000)));
    expect(store.latestReview('a')?.id).toBe('r3');

    expect(await store.removeReview('r3')).toBe(true);
    expect(store.latestReview('a')?.id).toBe('r1');
    expect(await store.removeReview('r3')).toBe(false);
    expect(JSON.parse(readFileSync(store.cardsFile, 'utf8')).cards.map((c: { id: string }) => c.id)).toEqual([
      'a',
      'b',
    ]);
    // The log is append-only: three lines, and the undone one dropped by position (review-segments.ts).
    const lines = readFileSync(path.join(store.reviewsFolder, '000001.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as ReviewRecord).id)).toEqual(['r1', 'r2', 'r3']);
    const live: string[] = [];
    for await (const { record } of store.log.records()) live.push(record.id);
    expect(live).toEqual(['r1', 'r2']);
    expect(existsSync(store.reviewsFile)).toBe(false);

    const reopened = new CardStore(dataDir, () => NOW);
    await reopened.open();
    // Opening reads each card's summary, card by card; the content is loaded whole only when asked for.
    expect([...reopened.summaries()].map((card) => card.id)).toEqual(['a', 'b']);
    expect(reopened.contentLoads).toBe(0);
    await reopened.contentReady();
    expect(reopened.cards).toHaveLength(2);
    expect(reopened.latestReview('a')?.id).toBe('r1');
    expect(reopened.latestReview('b')?.id).toBe('r2');
  });
});
