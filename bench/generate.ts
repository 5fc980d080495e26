/**
 * Builds the benchmark library deterministically from a seed: the bundled sample article, a long article stored twice
 * (with few and with many highlights), short news-like documents carrying the rest of the highlights, and flashcards
 * made from their highlights with a review history, all written through Lectio's own storage so the files are exactly what the app reads. `tsx bench/generate.ts DIR` writes one.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedNewLibrary } from '@main/api/service';
import { emptyCorrections } from '@core/analysis/corrections';
import { extract } from '@core/extract';
import { importPlainText } from '@core/import/plain-text';
import type { DocumentMeta } from '@core/model';
import { countWords } from '@core/text-stats';
import { passagesOf } from '@core/passages';
import { REVIEWS_SCHEMA_VERSION, isReviewsFile, type ReviewsFile } from '@main/storage/card-file-schemas';
import { ANALYSIS_SCHEMA_VERSION, ANNOTATIONS_SCHEMA_VERSION } from '@main/storage/file-schemas';
import { openStore } from '@main/storage/json-store';
import { LibraryStorage } from '@main/storage/library-storage';
import { makeCards, type CardBatch } from './library/cards';
import { makeHighlights, randomSpan, wordSpans } from './library/highlights';
import { folderBytes, shares } from './library/sizes';
import { FULL_SPEC, LONG_IDS, PUBLISHED_DATE, type LibraryManifest, type LibrarySpec } from './library/spec';
import { createRandom, type Random } from './prng';
import { generateArticle } from './text/article';

/** Bump when the generated content changes, so cached folders are rebuilt. */
export const GENERATOR_VERSION = 2;

const REPO_ROOT = path.resolve(__dirname, '..');
const BASE_TIME = Date.parse('2026-02-01T08:00:00.000Z');

/** Evenly spaced picks of `count` spans out of `spans`, so the smaller set is distributed like the larger. */
function spread<T>(items: readonly T[], count: number): T[] {
  return Array.from(
    { length: Math.min(count, items.length) },
    (_, i) => items[Math.floor((i * items.length) / count)] as T,
  );
}

function meta(id: string, title: string, text: string, index: number, highlightCount: number): DocumentMeta {
  return {
    id,
    title,
    source: 'Benchmark Wire',
    publishedDate: PUBLISHED_DATE,
    addedAt: new Date(BASE_TIME + index * 60_000).toISOString(),
    wordCount: countWords(text),
    origin: 'benchmark',
    highlightCount,
  };
}

async function addWithHighlights(
  storage: LibraryStorage,
  r: Random,
  doc: DocumentMeta,
  text: string,
  count: number,
  spans?: readonly { start: number; end: number }[],
) {
  await storage.documents.add(doc, importPlainText(text));
  const annotations = await storage.files.annotations.get(doc.id);
  const highlights = makeHighlights(r, doc.id, text, count, spans);
  annotations.data = {
    schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
    documentId: doc.id,
    highlights,
    documentNote: '',
    corrections: emptyCorrections(),
  };
  await annotations.write();
  return highlights;
}

/**
 * Cards go through the card store (one write of cards.json); the review log through the same lowdb opener and
 * durable adapter the store uses, in one write, since the store only appends one review at a time.
 */
async function writeCards(storage: LibraryStorage, dataDir: string, batch: CardBatch, now: Date): Promise<void> {
  await storage.files.cards.updateCards(() => batch.cards);
  const { db } = await openStore<ReviewsFile>(
    {
      file: path.join(dataDir, 'reviews.json'),
      schemaVersion: REVIEWS_SCHEMA_VERSION,
      defaults: () => ({ schemaVersion: REVIEWS_SCHEMA_VERSION, reviews: [] }),
      isValid: isReviewsFile,
    },
    now,
  );
  db.data = { schemaVersion: REVIEWS_SCHEMA_VERSION, reviews: batch.reviews };
  await db.write();
}

/** Stores the engine's result as the document's analysis cache, as the app would after its first open. */
async function cacheAnalysis(storage: LibraryStorage, id: string, text: string): Promise<void> {
  const result = extract(text, { referenceDate: PUBLISHED_DATE });
  const file = await storage.files.analysis.get(id);
  file.data = {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    documentId: id,
    cache: { engineVersion: result.engineVersion, referenceDate: PUBLISHED_DATE, textLength: text.length, result },
  };
  await file.write();
}

/** Writes the library into `dataDir` (emptied first); returns what was written. */
export async function generateLibrary(dataDir: string, spec: LibrarySpec = FULL_SPEC): Promise<LibraryManifest> {
  rmSync(dataDir, { recursive: true, force: true });
  const now = () => new Date(BASE_TIME);
  const storage = await LibraryStorage.open({ dataDir, now });
  const r = createRandom(spec.seed);
  try {
    const sampleMeta = JSON.parse(readFileSync(path.join(REPO_ROOT, 'assets/sample-article.json'), 'utf8')) as {
      title: string;
      source: string;
      publishedDate: string | null;
    };
    await seedNewLibrary(
      storage,
      { ...sampleMeta, text: readFileSync(path.join(REPO_ROOT, 'assets/sample-article.txt'), 'utf8') },
      now,
    );

    const long = generateArticle(r, spec.longArticleWords);
    const words = wordSpans(long.text);
    const [fewCount, manyCount] = spec.longHighlights;
    const many = Array.from({ length: manyCount }, () => randomSpan(r, long.text, words));
    const few = spread(many, fewCount);
    await addWithHighlights(
      storage,
      r,
      meta(LONG_IDS.many, `${long.title} (${manyCount} highlights)`, long.text, 1, manyCount),
      long.text,
      manyCount,
      many,
    );
    await addWithHighlights(
      storage,
      r,
      meta(LONG_IDS.few, `${long.title} (${fewCount} highlights)`, long.text, 2, fewCount),
      long.text,
      fewCount,
      few,
    );
    for (const id of [LONG_IDS.many, LONG_IDS.few]) await cacheAnalysis(storage, id, long.text);

    const shortCount = spec.documents - 3;
    const highlightShares = shares(Math.max(0, spec.highlights - fewCount - manyCount), shortCount);
    const cardShares = shares(spec.cards, shortCount);
    const batch: CardBatch = { cards: [], reviews: [] };
    for (let i = 0; i < shortCount; i += 1) {
      const article = generateArticle(r, r.between(spec.minWords, spec.maxWords));
      const id = `doc-${String(i + 1).padStart(4, '0')}`;
      const count = highlightShares[i] ?? 0;
      const highlights = await addWithHighlights(
        storage,
        r,
        meta(id, article.title, article.text, i + 3, count),
        article.text,
        count,
      );
      const made = makeCards(
        r,
        article.text,
        passagesOf(article.text),
        highlights,
        cardShares[i] ?? 0,
        batch.cards.length,
      );
      batch.cards.push(...made.cards);
      batch.reviews.push(...made.reviews);
    }
    await writeCards(storage, dataDir, batch, now());
    const highlights = manyCount + fewCount + highlightShares.reduce((a, b) => a + b, 0);
    const cardsNote = `${batch.reviews.length.toLocaleString('en')} reviews`;
    return {
      spec,
      generator: GENERATOR_VERSION,
      documents: spec.documents,
      highlights,
      cards: batch.cards.length,
      cardsNote,
      bytes: 0,
      longSpans: { few, many },
    };
  } finally {
    storage.close();
  }
}

/** The library for `spec` under `baseDir`, generated only when no folder from this generator version and spec exists. */
export async function ensureLibrary(
  baseDir: string,
  spec: LibrarySpec = FULL_SPEC,
): Promise<{ dataDir: string; manifest: LibraryManifest; generatedMs: number | null }> {
  const name = `library-${spec.seed}-${spec.documents}-${spec.highlights}-${spec.longArticleWords}`;
  const dataDir = path.join(baseDir, name);
  const manifestFile = path.join(baseDir, `${name}.manifest.json`);
  if (existsSync(manifestFile) && existsSync(dataDir)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as LibraryManifest;
    if (manifest.generator === GENERATOR_VERSION && JSON.stringify(manifest.spec) === JSON.stringify(spec))
      return { dataDir, manifest, generatedMs: null };
  }
  const started = performance.now();
  const manifest = await generateLibrary(dataDir, spec);
  manifest.bytes = folderBytes(dataDir);
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return { dataDir, manifest, generatedMs: performance.now() - started };
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const out = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'bench/.data/library'));
  const started = performance.now();
  generateLibrary(out).then(
    (manifest) => {
      const { longSpans: _spans, ...summary } = manifest;
      console.log(
        JSON.stringify(
          { ...summary, bytes: folderBytes(out), dataDir: out, ms: Math.round(performance.now() - started) },
          null,
          1,
        ),
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
