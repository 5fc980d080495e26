/**
 * Builds the "Scale" library (scale-spec.ts) deterministically from its seed, in the files Lectio reads: each
 * document's text and highlights through the per-document stores, the index in one write, the organisation file
 * (tags, collections, archive, progress), the flashcards through the card store, and the review log streamed to disk
 * (a million records are about 500 MB of JSON, more than one JavaScript string can hold, so it cannot be written with
 * JSON.stringify), with the card schedule index the app keeps beside it.
 * `tsx bench/library/scale-library.ts [full|small|tiny]` builds (or reuses) one in the cache folder.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { emptyCorrections } from '@core/analysis/corrections';
import type { Grade, ReviewRecord, StoredCard } from '@core/cards/card';
import { Scheduler } from '@core/cards/schedule';
import { importPlainText } from '@core/import/plain-text';
import type { DocumentOrganisation } from '@core/library/organisation';
import type { DocumentMeta } from '@core/model';
import { passagesOf } from '@core/passages';
import { countWords } from '@core/text-stats';
import { REVIEWS_SCHEMA_VERSION } from '@main/storage/card-file-schemas';
import {
  ANNOTATIONS_SCHEMA_VERSION,
  DOCUMENT_SCHEMA_VERSION,
  type AnnotationsFile,
  type DocumentFile,
} from '@main/storage/file-schemas';
import { LibraryStorage } from '@main/storage/library-storage';
import { ORGANISATION_SCHEMA_VERSION, type OrganisationFile } from '@main/storage/organisation-store';
import { createRandom, type Random } from '../prng';
import { generateArticle } from '../text/article';
import { COUNTRIES, LAST_NAMES, NOUNS, ORGANIZATIONS } from '../text/lexicon';
import { makeCards } from './cards';
import { makeHighlights } from './highlights';
import { folderBytes, shares } from './sizes';
import {
  SCALE_GENERATOR_VERSION,
  scaleCacheDir,
  scaleSpec,
  type ScaleManifest,
  type ScaleSize,
  type ScaleSpec,
} from './scale-spec';

const DAY = 86_400_000;
const BASE = Date.parse('2025-01-01T08:00:00.000Z');
const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false, day: { zone: 'UTC', rolloverHour: 0 } });

function organisationFor(r: Random, ids: readonly string[]): OrganisationFile {
  const tags = Array.from({ length: 80 }, (_, i) => `${r.pick(NOUNS)}-${i}`);
  const collections = Array.from({ length: 24 }, (_, i) => ({
    id: `col${i}`,
    name: `Week ${i + 1}`,
    createdAt: new Date(BASE).toISOString(),
  }));
  const documents: Record<string, DocumentOrganisation> = {};
  for (const id of ids) {
    if (!r.chance(0.8)) continue;
    documents[id] = {
      tags: [...new Set(Array.from({ length: r.int(5) }, () => r.pick(tags)))],
      collections: [...new Set(Array.from({ length: r.int(3) }, () => r.pick(collections).id))],
      archived: r.chance(0.1),
      position: r.chance(0.5) ? { offset: r.int(5000), at: new Date(BASE).toISOString() } : null,
      progress: r.chance(0.5) ? Math.round(r.next() * 100) / 100 : 0,
    };
  }
  return {
    schemaVersion: ORGANISATION_SCHEMA_VERSION,
    collections,
    documents,
    view: { sort: 'added', direction: 'desc', filter: {} },
  };
}

/** `count` grades of one card through the app's scheduler, a few days apart, starting on `start`. */
function reviewHistory(r: Random, cardId: string, createdAt: Date, start: number, count: number): ReviewRecord[] {
  const reviews: ReviewRecord[] = [];
  let state = scheduler.initial(createdAt);
  let at = start;
  for (let n = 0; n < count; n++) {
    at += r.between(1, 5) * DAY + r.int(DAY / 2);
    const grade = (r.chance(0.8) ? 3 : r.between(1, 4)) as Grade;
    const next = scheduler.grade(state, grade, new Date(at), cardId);
    reviews.push({
      id: `${cardId}-r${n}`,
      cardId,
      grade,
      reviewedAt: new Date(at).toISOString(),
      previous: state,
      next,
    });
    state = next;
  }
  return reviews;
}

/** Writes the library into `dataDir` (emptied first) and returns its manifest (without the timing). */
export async function generateScaleLibrary(dataDir: string, spec: ScaleSpec): Promise<ScaleManifest> {
  const started = performance.now();
  rmSync(dataDir, { recursive: true, force: true });
  const storage = await LibraryStorage.open({ dataDir, now: () => new Date(BASE), recountDelayMs: 3_600_000 });
  for (const folder of ['documents', 'annotations']) mkdirSync(path.join(dataDir, folder), { recursive: true });
  const r = createRandom(spec.seed);
  const sources = Array.from({ length: 40 }, (_, i) => `${r.pick(ORGANIZATIONS)} ${i}`);
  const highlightShares = shares(spec.highlights, spec.documents);
  const cardShares = shares(spec.cards, spec.documents);
  const reviewShares = shares(spec.reviews, spec.cards);
  const metas: DocumentMeta[] = [];
  const reviewsFile = path.join(dataDir, 'reviews.json');
  const log = createWriteStream(reviewsFile);
  log.write(`{"schemaVersion":${REVIEWS_SCHEMA_VERSION},"reviews":[`);
  const allCards: StoredCard[] = [];
  let words = 0;
  let reviews = 0;
  let first = true;
  let legacyBytes: number;
  try {
    for (let i = 0; i < spec.documents; i++) {
      const id = `doc-${String(i + 1).padStart(5, '0')}`;
      const article = generateArticle(r, r.between(spec.minWords, spec.maxWords));
      const body = importPlainText(article.text);
      const count = highlightShares[i] ?? 0;
      const highlights = makeHighlights(r, id, article.text, count);
      const meta: DocumentMeta = {
        id,
        title: article.title,
        source: r.chance(0.9) ? r.pick(sources) : '',
        publishedDate: r.chance(0.85) ? new Date(BASE - r.int(3000) * DAY).toISOString().slice(0, 10) : null,
        addedAt: new Date(BASE + i * 3_600_000 + r.int(3_600_000)).toISOString(),
        wordCount: countWords(article.text),
        origin: 'benchmark',
        highlightCount: count,
      };
      words += meta.wordCount;
      metas.push(meta);
      // Written as the per-document stores write them, without their fsync per file (10,000 of them took most of
      // an hour on a busy machine; a benchmark library need not survive a power cut).
      writeFileSync(
        path.join(dataDir, 'documents', `${id}.json`),
        JSON.stringify({ schemaVersion: DOCUMENT_SCHEMA_VERSION, id, body } satisfies DocumentFile),
      );
      writeFileSync(
        path.join(dataDir, 'annotations', `${id}.json`),
        JSON.stringify({
          schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
          documentId: id,
          highlights,
          documentNote: '',
          corrections: emptyCorrections(),
        } satisfies AnnotationsFile),
      );
      const made = makeCards(
        r,
        article.text,
        passagesOf(article.text),
        highlights,
        cardShares[i] ?? 0,
        allCards.length,
      );
      for (const card of made.cards) {
        const n = reviewShares[allCards.length] ?? 0;
        allCards.push(card);
        // Histories start over the 18 months before the end of 2026, so some cards are due and others are not.
        const history = reviewHistory(r, card.id, new Date(card.createdAt), BASE + r.int(540) * DAY, n);
        for (const record of history) {
          if (!log.write(`${first ? '' : ','}${JSON.stringify(record)}`)) await once(log, 'drain');
          first = false;
        }
        reviews += history.length;
      }
    }
    log.end(']}');
    await once(log, 'finish');
    legacyBytes = statSync(reviewsFile).size;
    // Written as an older Lectio wrote it (one JSON document); opening the cards below converts it to the segmented
    // log and builds the card schedule index in the same streamed pass (review-log-migration.ts).
    storage.files.index.data.documents.push(...metas);
    await storage.files.index.write();
    await storage.files.cards.updateCards(() => allCards);
  } finally {
    if (!log.writableFinished) log.destroy();
    storage.close();
  }
  writeFileSync(
    path.join(dataDir, 'organisation.json'),
    JSON.stringify(
      organisationFor(
        r,
        metas.map((m) => m.id),
      ),
    ),
  );
  return {
    spec,
    generator: SCALE_GENERATOR_VERSION,
    documents: metas.length,
    words,
    highlights: spec.highlights,
    cards: allCards.length,
    reviews,
    bytes: folderBytes(dataDir),
    documentBytes: folderBytes(path.join(dataDir, 'documents')),
    // The review log as written (reviews.json), before its conversion to segments removed it.
    reviewBytes: legacyBytes,
    queries: [r.pick(NOUNS), r.pick(LAST_NAMES), `${r.pick(COUNTRIES)} ${r.pick(NOUNS)}`, r.pick(ORGANIZATIONS)],
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The library of `size` in the cache folder, generated only when no complete one from this generator version is
 * there (its manifest is written last, so an interrupted generation is started again).
 */
export async function ensureScaleLibrary(
  size: ScaleSize,
  log: (message: string) => void = () => undefined,
): Promise<{ dataDir: string; manifest: ScaleManifest; generated: boolean }> {
  const spec = scaleSpec(size);
  const base = scaleCacheDir();
  const dataDir = path.join(base, `scale-${size}-${spec.seed}`);
  const manifestFile = `${dataDir}.manifest.json`;
  if (existsSync(manifestFile) && existsSync(dataDir)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ScaleManifest;
    if (manifest.generator === SCALE_GENERATOR_VERSION && JSON.stringify(manifest.spec) === JSON.stringify(spec))
      return { dataDir, manifest, generated: false };
  }
  rmSync(manifestFile, { force: true });
  log(`generating the ${size} scale library in ${dataDir} (the full one takes minutes; it is kept for later runs)`);
  const manifest = await generateScaleLibrary(dataDir, spec);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
  return { dataDir, manifest, generated: true };
}

if (process.argv[1] && /scale-library\.ts$/.test(process.argv[1])) {
  const size = (process.argv[2] ?? 'full') as ScaleSize;
  ensureScaleLibrary(size, console.log).then(
    ({ dataDir, manifest }) => console.log(JSON.stringify({ dataDir, ...manifest }, null, 1)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
