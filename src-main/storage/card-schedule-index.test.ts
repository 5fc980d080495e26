/**
 * The card schedule index: kept in step with the review log on every grade and undo, believed only for the log it was
 * written for, and built again from the log when missing, unreadable or stale (a restored or replaced log).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSeenOn } from '../core/cards/stats';
import { makeCard } from '../core/cards/test-cards';
import { SCHEDULE_INDEX_VERSION, scheduleIndexFile } from './card-schedule-index';
import { CardStore } from './card-store';
import { LibraryStorage } from './library-storage';
import { review } from './test-reviews';

const NOW = new Date('2026-04-10T08:00:00.000Z');
const DAY = 86_400_000;

async function storeWithReviews(dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-schedules-'))) {
  const store = new CardStore(dataDir, () => NOW);
  await store.open();
  await store.updateCards(() => [makeCard('a'), makeCard('b')]);
  await store.appendReview(review('old', 'a', new Date(NOW.getTime() - 10 * DAY)));
  await store.appendReview(review('a1', 'a', new Date(NOW.getTime() - DAY)));
  await store.appendReview(review('b1', 'b', new Date(NOW.getTime() - 60_000)));
  return { store, dataDir };
}

async function reopen(dataDir: string): Promise<CardStore> {
  const store = new CardStore(dataDir, () => NOW);
  await store.open();
  return store;
}

describe('the card schedule index', () => {
  it('is written after grades, and reopening finds every schedule and the recent reviews without reading the log', async () => {
    const { store: first, dataDir } = await storeWithReviews();
    await first.settled();
    expect(existsSync(scheduleIndexFile(dataDir))).toBe(true);
    const store = await reopen(dataDir);
    expect(store.fullLogReads).toBe(0);
    expect(store.latestReview('a')?.id).toBe('a1');
    expect(store.latestReview('b')?.id).toBe('b1');
    // Three days of the log are kept: the review ten days old is not.
    expect(store.recentReviews.map((r) => r.id)).toEqual(['a1', 'b1']);
    expect(newSeenOn(store.recentReviews, '2026-04-10', (d) => d.toISOString().slice(0, 10))).toBe(1);
    expect(store.isLogOpen).toBe(false);
  });

  it('follows an undo: the card falls back to its earlier review, also after reopening', async () => {
    const { store, dataDir } = await storeWithReviews();
    expect(await store.removeReview('a1')).toBe(true);
    expect(store.latestReview('a')?.id).toBe('old');
    const reopened = await reopen(dataDir);
    expect(reopened.fullLogReads).toBe(0);
    expect(reopened.latestReview('a')?.id).toBe('old');
    expect(reopened.recentReviews.map((r) => r.id)).toEqual(['b1']);
  });

  it.each([
    ['missing', (file: string) => rmSync(file)],
    ['unreadable', (file: string) => writeFileSync(file, '{"schemaVersion":1,"log":')],
    ['of another shape', (file: string) => writeFileSync(file, '{"schemaVersion":1,"latest":{}}')],
  ])('is built again from the log when %s', async (_name, damage) => {
    const { dataDir } = await storeWithReviews();
    damage(scheduleIndexFile(dataDir));
    const store = await reopen(dataDir);
    expect(store.fullLogReads).toBe(1);
    expect(store.latestReview('a')?.id).toBe('a1');
    // ...and written again, so the next opening reads the index alone.
    const again = await reopen(dataDir);
    expect(again.fullLogReads).toBe(0);
    expect(again.latestReview('b')?.id).toBe('b1');
  });

  it('is built again when written by an older version (2 kept each whole latest record), not read as it is', async () => {
    const { store, dataDir } = await storeWithReviews();
    await store.settled();
    const file = scheduleIndexFile(dataDir);
    const current = JSON.parse(readFileSync(file, 'utf8')) as { latest: { review: { cardId: string } }[] };
    expect(current).toMatchObject({ schemaVersion: SCHEDULE_INDEX_VERSION });
    // Version 2's layout, with each card's whole record: its stamp still matches the log, but it is not believed.
    const whole = { a1: review('a1', 'a', new Date(NOW.getTime() - DAY)), b1: review('b1', 'b', NOW) };
    const latest = current.latest.map((entry) => ({
      ...entry,
      review: entry.review.cardId === 'a' ? whole.a1 : whole.b1,
    }));
    writeFileSync(file, JSON.stringify({ ...current, schemaVersion: 2, latest }));
    const reopened = await reopen(dataDir);
    expect(reopened.fullLogReads).toBe(1);
    expect(reopened.latestReview('a')).toEqual({ id: 'a1', cardId: 'a', next: whole.a1.next });
    // The slim entry only: no `previous` state, no grade, no time.
    const written = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number; latest: { review: object }[] };
    expect(written.schemaVersion).toBe(SCHEDULE_INDEX_VERSION);
    expect(written.latest.map((entry) => Object.keys(entry.review).sort())).toEqual([
      ['cardId', 'id', 'next'],
      ['cardId', 'id', 'next'],
    ]);
  });

  it('is not believed for another log: a log put back from elsewhere (a crash between the writes, a copy) is read', async () => {
    const { store, dataDir } = await storeWithReviews();
    const earlier = path.join(dataDir, 'earlier-reviews.copy');
    const segment = path.join(store.reviewsFolder, '000001.jsonl');
    copyFileSync(segment, earlier);
    await store.appendReview(review('a2', 'a', NOW));
    await store.settled();
    // The log goes back to the copy; the index still describes the log with a2.
    copyFileSync(earlier, segment);
    const reopened = await reopen(dataDir);
    expect(reopened.fullLogReads).toBe(1);
    expect(reopened.latestReview('a')?.id).toBe('a1');
  });

  it('is never stale after a restore from a backup: the schedules are the backup’s', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-schedules-restore-'));
    const storage = await LibraryStorage.open({ dataDir, now: () => NOW });
    try {
      await storage.cards.add(makeCard('a'));
      await storage.reviews.recordReview(review('a1', 'a', new Date(NOW.getTime() - DAY)));
      const backup = await storage.backups.create('manual');
      await storage.reviews.recordReview(review('a2', 'a', NOW));
      expect(storage.reviews.latest('a')?.id).toBe('a2');
      await storage.restoreBackup(backup?.id ?? '');
      expect(storage.reviews.latest('a')?.id).toBe('a1');
      expect(storage.reviews.recent().map((r) => r.id)).toEqual(['a1']);
    } finally {
      storage.close();
    }
    // The index is not a backed-up file: the one on disk now follows the restored log.
    const reopened = await reopen(dataDir);
    expect(reopened.fullLogReads).toBe(0);
    expect(reopened.latestReview('a')?.id).toBe('a1');
  });

  it('is brought up to date from the log’s tail when grades came after its last save (a crash before it)', async () => {
    const { store, dataDir } = await storeWithReviews();
    await store.settled();
    // A grade whose index save never happened (the process stopped within the save delay).
    await store.appendReview(review('b2', 'b', NOW));
    const reopened = await reopen(dataDir);
    expect(reopened.fullLogReads).toBe(0);
    expect(reopened.latestReview('b')?.id).toBe('b2');
    expect(reopened.recentReviews.map((r) => r.id)).toEqual(['a1', 'b1', 'b2']);
  });
});
