import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchor } from '@core/anchoring/anchor';
import { isAnnotationsFile, isDocumentFile, isLibraryFile } from '@main/storage/file-schemas';
import { isCardsFile, isReviewsFile } from '@main/storage/card-file-schemas';
import { LibraryStorage } from '@main/storage/library-storage';
import { generateLibrary } from './generate';
import { LONG_IDS, type LibrarySpec } from './library/spec';

const SMALL: LibrarySpec = {
  seed: 7,
  documents: 12,
  highlights: 300,
  cards: 90,
  longArticleWords: 3000,
  longHighlights: [20, 100],
  minWords: 200,
  maxWords: 400,
};
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-gen-'));
  dirs.push(dir);
  return dir;
}

/** Every file under `dir` with the hash of its content, by relative path. */
function fingerprint(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, fingerprint(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('benchmark library generator', () => {
  it('writes byte-identical libraries from the same seed, and a different one from another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await generateLibrary(a, SMALL);
    await generateLibrary(b, SMALL);
    await generateLibrary(c, { ...SMALL, seed: 8 });
    expect(fingerprint(a)).toEqual(fingerprint(b));
    expect(fingerprint(a)).not.toEqual(fingerprint(c));
  });

  it('has the requested shape, in files the app accepts', async () => {
    const dir = tempDir();
    const manifest = await generateLibrary(dir, SMALL);
    const library = json(path.join(dir, 'library.json'));
    expect(isLibraryFile(library)).toBe(true);
    const documents = (library as { documents: { id: string; wordCount: number; highlightCount?: number }[] })
      .documents;
    expect(documents).toHaveLength(SMALL.documents);
    expect(documents.map((d) => d.id)).toEqual(expect.arrayContaining(['sample', LONG_IDS.few, LONG_IDS.many]));
    expect(documents.find((d) => d.id === LONG_IDS.many)?.wordCount).toBeGreaterThanOrEqual(SMALL.longArticleWords);

    let highlights = 0;
    for (const doc of documents) {
      const body = json(path.join(dir, 'documents', `${doc.id}.json`));
      expect(isDocumentFile(body)).toBe(true);
      if (doc.id === 'sample') continue;
      const annotations = json(path.join(dir, 'annotations', `${doc.id}.json`));
      expect(isAnnotationsFile(annotations)).toBe(true);
      const stored = (annotations as { highlights: { selectors: never }[] }).highlights;
      expect(stored).toHaveLength(doc.highlightCount ?? 0);
      const text = (body as { body: { text: string } }).body.text;
      // Every generated highlight anchors by position in its unchanged document.
      expect(stored.every((h) => anchor(text, h.selectors)?.method === 'position')).toBe(true);
      highlights += stored.length;
    }
    expect(highlights).toBe(SMALL.highlights);
    expect(manifest.highlights).toBe(SMALL.highlights);
    expect(manifest.longSpans.many).toHaveLength(SMALL.longHighlights[1]);
    expect(manifest.longSpans.few).toHaveLength(SMALL.longHighlights[0]);

    const cards = json(path.join(dir, 'cards.json'));
    expect(isCardsFile(cards)).toBe(true);
    expect((cards as { cards: unknown[] }).cards).toHaveLength(SMALL.cards);
    expect(isReviewsFile(json(path.join(dir, 'reviews.json')))).toBe(true);
  });

  it('leaves a library that Lectio opens without notices', async () => {
    const dir = tempDir();
    await generateLibrary(dir, SMALL);
    const storage = await LibraryStorage.open({ dataDir: dir, now: () => new Date('2026-05-01T00:00:00Z') });
    try {
      expect(storage.documents.list()).toHaveLength(SMALL.documents);
      await storage.cards.ready();
      expect(storage.cards.all()).toHaveLength(SMALL.cards);
      expect(storage.notices).toEqual([]);
    } finally {
      storage.close();
    }
  });
});
