/**
 * The scale library generator at its tiny size (the full one is the benchmark's, never the test suite's): it is the
 * same library for the same seed, the files are what Lectio reads, and the card schedule index it writes is the one
 * the app believes (so the benchmark's due counts do not read the review log).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isReviewsFile } from '@main/storage/card-file-schemas';
import { isAnnotationsFile, isDocumentFile } from '@main/storage/file-schemas';
import { CardStore } from '@main/storage/card-store';
import { LibraryStorage } from '@main/storage/library-storage';
import { generateScaleLibrary } from './scale-library';
import { scaleSpec } from './scale-spec';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-scale-gen-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function digest(dir: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(path.join(dir, file)));
  return hash.digest('hex');
}

describe('the scale library generator (tiny)', () => {
  it('writes the spec’s counts in files Lectio opens, the same for the same seed, with a schedule index it believes', async () => {
    const spec = scaleSpec('tiny');
    const [a, b] = [tempDir(), tempDir()];
    const manifest = await generateScaleLibrary(a, spec);
    await generateScaleLibrary(b, spec);
    expect(manifest).toMatchObject({ documents: 20, highlights: 400, cards: 200, reviews: 4000 });
    expect(manifest.words).toBeGreaterThan(spec.documents * spec.minWords);
    // The review log is written as an older Lectio wrote it, then converted to segments as the cards first open.
    const files = [
      'library.json',
      'organisation.json',
      'cards.json',
      'reviews/000001.jsonl',
      'documents/doc-00001.json',
    ];
    expect(digest(a, files)).toBe(digest(b, files));

    expect(isDocumentFile(JSON.parse(readFileSync(path.join(a, 'documents/doc-00007.json'), 'utf8')))).toBe(true);
    expect(isAnnotationsFile(JSON.parse(readFileSync(path.join(a, 'annotations/doc-00007.json'), 'utf8')))).toBe(true);
    const lines = readFileSync(path.join(a, 'reviews/000001.jsonl'), 'utf8').trim().split('\n');
    const log = { schemaVersion: 1, reviews: lines.map((line) => JSON.parse(line) as unknown) };
    expect(isReviewsFile(log)).toBe(true);
    expect(log.reviews).toHaveLength(4000);
    expect(readdirSync(a)).not.toContain('reviews.json');
    expect(readdirSync(path.join(a, 'documents'))).toHaveLength(20);

    const cards = new CardStore(a, () => new Date());
    await cards.open();
    expect(cards.isLogOpen).toBe(false);
    expect(cards.fullLogReads).toBe(0);
    // The generated cards.json is read card by card, as a file Lectio wrote: never loaded whole to open.
    expect([...cards.summaries()]).toHaveLength(200);
    expect(cards.contentLoads).toBe(0);
    expect(cards.latestReview('card-0')?.cardId).toBe('card-0');

    const storage = await LibraryStorage.open({ dataDir: a, now: () => new Date(), recountDelayMs: 60_000 });
    try {
      expect(storage.documents.list()).toHaveLength(20);
      expect(Object.keys(storage.organisation.documents()).length).toBeGreaterThan(0);
    } finally {
      storage.close();
    }
  });
});
