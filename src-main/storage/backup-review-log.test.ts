/**
 * Backups over the segmented review log: sealed segments are verified once and shared through the pool, unchanged
 * files are linked from the previous backup unread, and both the new layout and an old backup's single reviews.json
 * restore; a damaged sealed segment is put back from the pool.
 */
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../core/cards/card';
import { makeCard } from '../core/cards/test-cards';
import { REVIEW_POOL } from './backups';
import { LibraryStorage } from './library-storage';
import { review } from './test-reviews';

const NOW = new Date('2026-04-10T08:00:00.000Z');
const CAP = 1_500;
const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

async function open(dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-backup-log-'))) {
  let clock = NOW.getTime();
  // Each backup a second later, so their ids differ.
  const storage = await LibraryStorage.open({ dataDir, now: () => new Date((clock += 1000)), reviewSegmentCap: CAP });
  opened.push(storage);
  return { storage, dataDir };
}

async function graded(storage: LibraryStorage, count: number, from = 0): Promise<ReviewRecord[]> {
  const records: ReviewRecord[] = [];
  for (let i = from; i < from + count; i++) {
    const record = review(`r${i}`, `card-${i % 3}`, new Date(NOW.getTime() + i * 60_000));
    await storage.reviews.recordReview(record);
    records.push(record);
  }
  return records;
}

const ino = (file: string) => statSync(file).ino;

describe('backups of the segmented review log', () => {
  it('puts each sealed segment in the pool once, links unchanged files from the previous backup, and copies only the open segment again', async () => {
    const { storage } = await open();
    for (const id of ['card-0', 'card-1', 'card-2']) await storage.cards.add(makeCard(id));
    await graded(storage, 12);
    const first = await storage.backups.create('manual');
    const pooled = first?.files.filter((f) => f.pooled) ?? [];
    const segments = first?.files.filter((f) => f.path.startsWith('reviews/')) ?? [];
    expect(pooled.length).toBeGreaterThan(1);
    expect(segments.length).toBe(pooled.length + 1); // the open segment is copied into the backup's folder
    const pool = path.join(storage.backups.folder, REVIEW_POOL);
    expect(readdirSync(pool).sort()).toEqual(pooled.map((f) => `${f.sha256}.jsonl`).sort());

    await graded(storage, 1, 12);
    const second = await storage.backups.create('manual');
    const dir = (id: string | undefined, relative: string) => path.join(storage.backups.folder, id ?? '', relative);
    // cards.json did not change: the second backup's copy is the first's, linked, not read and written again.
    expect(ino(dir(second?.id, 'cards.json'))).toBe(ino(dir(first?.id, 'cards.json')));
    // The sealed segments are the same pool files; the pool holds one copy each, plus any segment sealed since.
    for (const entry of pooled) expect(second?.files).toContainEqual(entry);
    expect(readdirSync(pool).length).toBe(second?.files.filter((f) => f.pooled).length);
    // The open segment (the newest) took the grade: it is copied again, into the backup's own folder.
    const openSegment = (m: typeof first) => m?.files.filter((f) => /^reviews\/\d{6}\.jsonl$/.test(f.path)).at(-1);
    expect(openSegment(second)?.pooled).toBeUndefined();
    expect(openSegment(second)).not.toEqual(openSegment(first));
    // Both still verify in full.
    await expect(storage.backups.readVerified(first?.id ?? '')).resolves.toBeTruthy();
    await expect(storage.backups.readVerified(second?.id ?? '')).resolves.toBeTruthy();
  });

  it('restores the new layout: the log is the backup’s, and later grades never write into the backup’s copies', async () => {
    const { storage } = await open();
    for (const id of ['card-0', 'card-1', 'card-2']) await storage.cards.add(makeCard(id));
    const kept = await graded(storage, 10);
    const backup = await storage.backups.create('manual');
    await graded(storage, 5, 10);
    await storage.restoreBackup(backup?.id ?? '');
    await storage.reviews.ready();
    expect(storage.reviews.all().map((r) => r.id)).toEqual(kept.map((r) => r.id));
    expect(storage.reviews.latest('card-0')?.id).toBe('r9');
    await graded(storage, 3, 20);
    await expect(storage.backups.readVerified(backup?.id ?? '')).resolves.toBeTruthy();
  });

  it('restores an old backup holding a single reviews.json: it is converted, and the segments written since are gone', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-backup-old-'));
    const old = Array.from({ length: 6 }, (_, i) => review(`old${i}`, 'card-0', new Date(NOW.getTime() - i * 1000)));
    writeFileSync(path.join(dataDir, 'reviews.json'), JSON.stringify({ schemaVersion: 1, reviews: old }, null, 1));
    const { storage } = await open(dataDir);
    const backup = await storage.backups.create('manual');
    expect(backup?.files.map((f) => f.path)).toContain('reviews.json');
    await storage.cards.add(makeCard('card-0'));
    await graded(storage, 8, 100);
    expect(readdirSync(dataDir)).not.toContain('reviews.json');
    await storage.restoreBackup(backup?.id ?? '');
    await storage.reviews.ready();
    expect(storage.reviews.all().map((r) => r.id)).toEqual(old.map((r) => r.id));
    expect(readdirSync(dataDir)).not.toContain('reviews.json');
    expect(storage.reviews.latest('card-0')?.id).toBe('old5');
  });

  it('puts a damaged sealed segment back from the pool when the log is read, and says so', async () => {
    const { storage, dataDir } = await open();
    for (const id of ['card-0', 'card-1', 'card-2']) await storage.cards.add(makeCard(id));
    const all = await graded(storage, 12);
    await storage.backups.create('manual');
    storage.close();
    opened.splice(0);
    const sealed = path.join(dataDir, 'reviews', '000001.jsonl');
    const good = readFileSync(sealed);
    writeFileSync(sealed, `${good.toString('utf8').slice(0, 200)}\n`);
    appendFileSync(sealed, 'not a review\n');
    const again = await open(dataDir);
    await again.storage.reviews.ready();
    expect(again.storage.reviews.all().map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(readFileSync(sealed)).toEqual(good);
    expect(readdirSync(path.join(dataDir, 'reviews')).some((name) => name.startsWith('000001.jsonl.corrupt-'))).toBe(
      true,
    );
    expect(again.storage.notices.map((n) => n.message).join('\n')).toMatch(
      /Part of the review history \(reviews\/000001\.jsonl\) could not be read.*restored from/s,
    );
  });
});
