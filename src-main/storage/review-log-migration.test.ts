/**
 * Converting an old single-file `reviews.json` to the segmented log: streamed, exact (order, every field, awkward
 * strings), done once, safe to stop at any point (the next start redoes or finishes it), and a damaged or newer old
 * file is handled as any data file is.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../core/cards/card';
import { isLectioError } from '../core/errors';
import { makeCard } from '../core/cards/test-cards';
import { CardStore } from './card-store';
import { LibraryStorage } from './library-storage';
import { MIGRATING_FOLDER, migrateLegacyLog, streamLegacyReviews } from './review-log-migration';
import { review } from './test-reviews';

const NOW = new Date('2026-04-10T08:00:00.000Z');

/** Reviews with ids and zones that a naive brace or quote counter would trip on. */
function legacyReviews(count: number): ReviewRecord[] {
  const awkward = ['plain', 'brace } and { bracket ]', 'quote " and \\ backslash', 'accent é 漢字 😀', ''];
  return Array.from({ length: count }, (_, i) => ({
    ...review(
      `r${i} ${awkward[i % awkward.length]}`,
      `card-${i % 7}`,
      new Date(NOW.getTime() - (count - i) * 3_600_000),
    ),
    ...(i % 3 === 0 ? {} : { zone: 'Europe/Paris' }),
  }));
}

function writeLegacy(dataDir: string, reviews: ReviewRecord[], indent: number | undefined): string {
  const file = path.join(dataDir, 'reviews.json');
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, reviews }, null, indent));
  return file;
}

async function liveIds(store: CardStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const { record } of store.log.records()) ids.push(record.id);
  return ids;
}

const cap = 2_000;

describe('converting reviews.json to the segmented log', () => {
  it.each([
    ['as lowdb wrote it (indented)', 1],
    ['compact, as the benchmark library writes it', undefined],
  ])('reads every review exactly, %s, one element at a time', async (_name, indent) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-migrate-'));
    const reviews = legacyReviews(60);
    const file = writeLegacy(dataDir, reviews, indent);
    const seen: ReviewRecord[] = [];
    expect(await streamLegacyReviews(file, (record) => void seen.push(record))).toBe(60);
    expect(seen).toEqual(reviews);
  });

  it('converts once as the card store opens: several segments, the old file gone, the schedule index built in the same pass', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-migrate-store-'));
    const reviews = legacyReviews(60);
    writeLegacy(dataDir, reviews, 1);
    const store = new CardStore(dataDir, () => NOW, undefined, cap);
    await store.open();
    expect(existsSync(store.reviewsFile)).toBe(false);
    expect((await store.log.segments()).length).toBeGreaterThan(3);
    expect(await liveIds(store)).toEqual(reviews.map((r) => r.id));
    expect(store.fullLogReads).toBe(0);
    expect(store.latestReview('card-3')?.id).toBe(reviews.findLast((r) => r.cardId === 'card-3')?.id);
    await store.logReady();
    expect(store.reviews).toEqual(reviews);
    // The next opening finds nothing to convert and the index up to date.
    const again = new CardStore(dataDir, () => NOW, undefined, cap);
    await again.open();
    expect(again.fullLogReads).toBe(0);
    expect(again.latestReview('card-3')?.id).toBe(store.latestReview('card-3')?.id);
  });

  it('stopped before its commit (the new segments written, not yet in place): the old file is untouched and the next start does it again', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-migrate-crash-'));
    const reviews = legacyReviews(40);
    const file = writeLegacy(dataDir, reviews, 1);
    const original = readFileSync(file);
    class Crash extends Error {}
    const stopped = await migrateLegacyLog(dataDir, () => undefined, cap, {
      afterSegments: () => {
        throw new Crash();
      },
    }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(Crash);
    expect(readFileSync(file)).toEqual(original);
    expect(readdirSync(dataDir)).toContain(MIGRATING_FOLDER);
    expect(readdirSync(dataDir)).not.toContain('reviews');
    const store = new CardStore(dataDir, () => NOW, undefined, cap);
    await store.open();
    expect(readdirSync(dataDir)).not.toContain(MIGRATING_FOLDER);
    expect(existsSync(file)).toBe(false);
    expect(await liveIds(store)).toEqual(reviews.map((r) => r.id));
  });

  it('stopped after its commit, before the old file was removed: the old file goes, and nothing is converted twice', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-migrate-late-'));
    const reviews = legacyReviews(30);
    const file = writeLegacy(dataDir, reviews, 1);
    copyFileSync(file, path.join(dataDir, 'kept.copy'));
    const store = new CardStore(dataDir, () => NOW, undefined, cap);
    await store.open();
    await store.appendReview(review('after', 'card-1'));
    await store.settled();
    // As a crash between the rename and the removal leaves it: both the new log and the old file.
    copyFileSync(path.join(dataDir, 'kept.copy'), file);
    const reopened = new CardStore(dataDir, () => NOW, undefined, cap);
    await reopened.open();
    expect(existsSync(file)).toBe(false);
    expect(await liveIds(reopened)).toEqual([...reviews.map((r) => r.id), 'after']);
    expect(reopened.latestReview('card-1')?.id).toBe('after');
  });

  it('refuses a reviews.json from a newer Lectio, leaving it untouched', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-migrate-newer-'));
    const file = path.join(dataDir, 'reviews.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 9, reviews: [] }));
    const error = await new CardStore(dataDir, () => NOW).open().catch((e: unknown) => e);
    expect(isLectioError(error, 'newer-schema')).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: 9, reviews: [] });
  });

  it('moves a damaged reviews.json aside and converts the newest backup’s copy instead, with a notice', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-migrate-damaged-'));
    const reviews = legacyReviews(12);
    const file = writeLegacy(dataDir, reviews, 1);
    let storage = await LibraryStorage.open({ dataDir, now: () => NOW });
    // The backup keeps the old file as it is (the cards are not opened yet, so nothing was converted).
    const backup = await storage.backups.create('manual');
    expect(backup?.files.map((f) => f.path)).toContain('reviews.json');
    storage.close();
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 900));
    storage = await LibraryStorage.open({ dataDir, now: () => NOW });
    try {
      await storage.cards.add(makeCard('x'));
      await storage.reviews.ready();
      expect(storage.reviews.all().map((r) => r.id)).toEqual(reviews.map((r) => r.id));
      expect(readdirSync(dataDir).filter((name) => name.startsWith('reviews.json.corrupt-'))).toHaveLength(1);
      expect(storage.notices.map((n) => n.message).join('\n')).toMatch(
        /review history file could not be read.*restored/s,
      );
    } finally {
      storage.close();
    }
  });
});
