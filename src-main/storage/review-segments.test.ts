/**
 * The segmented review log: appends are on disk when acknowledged, a full segment is sealed and never written again,
 * readers stream across segments in log order skipping dropped records, a torn last line (a crash mid-append) is cut
 * off with nothing acknowledged lost, and anything else that is not a record is refused as damage.
 */
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLectioError } from '../core/errors';
import { CardStore } from './card-store';
import { SegmentLog } from './review-segments';
import { review } from './test-reviews';

const NOW = new Date('2026-04-10T08:00:00.000Z');

async function ids(log: SegmentLog): Promise<string[]> {
  const seen: string[] = [];
  for await (const { record } of log.records()) seen.push(record.id);
  return seen;
}

const folder = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-segments-')), 'reviews');

describe('the segmented review log', () => {
  it('has each append on disk, whole, when it resolves: another reader sees it', async () => {
    const dir = folder();
    const log = new SegmentLog(dir);
    await log.append([review('r1', 'a')]);
    await log.append([review('r2', 'b'), review('r3', 'a')]);
    const text = readFileSync(path.join(dir, '000001.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(await ids(new SegmentLog(dir))).toEqual(['r1', 'r2', 'r3']);
  });

  it('seals a segment at its size cap and never writes it again; readers follow the log across segments', async () => {
    const dir = folder();
    const one = Buffer.byteLength(`${JSON.stringify(review('r00', 'c0'))}\n`);
    const log = new SegmentLog(dir, one * 3);
    for (let i = 0; i < 4; i++) await log.append([review(`r0${i}`, `c${i % 2}`)]);
    expect(await log.segments()).toEqual(['000001.jsonl', '000002.jsonl']);
    const sealed = path.join(dir, '000001.jsonl');
    const before = { bytes: readFileSync(sealed), mtime: statSync(sealed).mtimeMs };
    // A burst in one append is split across segments too.
    await log.append(Array.from({ length: 6 }, (_, i) => review(`r1${i}`, `c${i % 2}`)));
    expect(await log.segments()).toEqual(['000001.jsonl', '000002.jsonl', '000003.jsonl', '000004.jsonl']);
    expect(readFileSync(sealed)).toEqual(before.bytes);
    expect(statSync(sealed).mtimeMs).toBe(before.mtime);
    for (const name of await log.segments()) expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(one * 3);
    const all = ['r00', 'r01', 'r02', 'r03', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
    expect(await ids(new SegmentLog(dir, one * 3))).toEqual(all);
    // A reopened log goes on appending to the last segment, not the sealed ones.
    await new SegmentLog(dir, one * 3).append([review('r20', 'c0')]);
    expect(readFileSync(sealed)).toEqual(before.bytes);
    expect(await ids(log)).toEqual([...all, 'r20']);
  });

  it('skips dropped records wherever they are, and an undo in a store with several segments falls back across them', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-segments-store-'));
    const one = Buffer.byteLength(`${JSON.stringify(review('r00', 'a'))}\n`);
    const store = new CardStore(dataDir, () => NOW, undefined, one * 2);
    await store.open();
    for (const [id, card] of [
      ['a1', 'a'],
      ['b1', 'b'],
      ['b2', 'b'],
      ['c1', 'c'],
      ['a2', 'a'],
    ] as const)
      await store.appendReview(review(id, card));
    expect((await store.log.segments()).length).toBe(3);
    expect(await store.removeReview('a2')).toBe(true);
    // a1 lies two segments back: the store reads back from the newest segment to find it, without the whole log.
    expect(store.latestReview('a')?.id).toBe('a1');
    expect(store.isLogOpen).toBe(false);
    expect(await store.removeReview('b1')).toBe(true);
    expect(await ids(store.log)).toEqual(['a1', 'b2', 'c1']);
    await store.logReady();
    expect(store.reviews.map((r) => r.id)).toEqual(['a1', 'b2', 'c1']);
    const reopened = new CardStore(dataDir, () => NOW, undefined, one * 2);
    await reopened.open();
    expect(reopened.latestReview('a')?.id).toBe('a1');
    expect(reopened.latestReview('b')?.id).toBe('b2');
  });

  it('cuts a torn last line (a crash mid-append) and keeps every acknowledged record', async () => {
    const dir = folder();
    const log = new SegmentLog(dir);
    await log.append([review('r1', 'a'), review('r2', 'b')]);
    const file = path.join(dir, '000001.jsonl');
    const whole = readFileSync(file);
    const torn = `${JSON.stringify(review('r3', 'a'))}\n`.slice(0, 40);
    appendFileSync(file, torn);
    expect(await new SegmentLog(dir).repairTail()).toEqual([
      { file: 'reviews/000001.jsonl', bytes: Buffer.byteLength(torn) },
    ]);
    expect(readFileSync(file)).toEqual(whole);
    expect(await ids(new SegmentLog(dir))).toEqual(['r1', 'r2']);
    // Appends go on after the cut, on a line of their own.
    await new SegmentLog(dir).append([review('r4', 'a')]);
    expect(await ids(new SegmentLog(dir))).toEqual(['r1', 'r2', 'r4']);
    expect(await new SegmentLog(dir).repairTail()).toEqual([]);
  });

  it('refuses a segment with a line that is not a review, naming the file, rather than cutting it', async () => {
    const dir = folder();
    const log = new SegmentLog(dir);
    await log.append([review('r1', 'a')]);
    const file = path.join(dir, '000001.jsonl');
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"not":"a review"}\n`);
    const refused = await new SegmentLog(dir).repairTail().catch((error: unknown) => error);
    expect(isLectioError(refused, 'corrupt-file')).toBe(true);
    expect((refused as { details: { file: string } }).details.file).toBe(file);
    // Garbage with no newline is not taken for a torn record either.
    writeFileSync(file, '{"schemaVersion": 1, "trunc');
    expect(isLectioError(await new SegmentLog(dir).repairTail().catch((e: unknown) => e), 'corrupt-file')).toBe(true);
  });

  it('announces a torn line through the store as it opens, with a notice-ready report', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-segments-torn-'));
    const store = new CardStore(dataDir, () => NOW);
    await store.open();
    await store.appendReview(review('r1', 'a'));
    await store.settled();
    appendFileSync(path.join(store.reviewsFolder, '000001.jsonl'), '{"id":"r2","cardId":"a","gr');
    const torn: [string, number][] = [];
    const reopened = new CardStore(dataDir, () => NOW, {
      restore: () => Promise.resolve(null),
      announce: () => undefined,
      announceTorn: (file, bytes) => torn.push([file, bytes]),
    });
    await reopened.open();
    expect(torn).toEqual([['reviews/000001.jsonl', 27]]);
    expect(reopened.latestReview('a')?.id).toBe('r1');
  });
});
