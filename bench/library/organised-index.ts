/**
 * A 5,000-document library index with its organisation, for the Library's filter and sort benchmarks: every field
 * the list needs (title, source, dates, word and highlight counts), tags (0 to 4 of 80), collections (0 to 2 of 24),
 * one in ten archived, reading progress, and due cards on a third of them. Only the index and the organisation file
 * are generated: the list reads no document's text, so the bodies (5 million words) are left out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentOrganisation } from '@core/library/organisation';
import type { DocumentMeta } from '@core/model';
import { LIBRARY_SCHEMA_VERSION } from '@main/storage/file-schemas';
import { ORGANISATION_SCHEMA_VERSION, type OrganisationFile } from '@main/storage/organisation-store';
import { createRandom } from '../prng';
import { ADJECTIVES, COUNTRIES, NOUNS, ORGANIZATIONS } from '../text/lexicon';

export const ORGANISED_DOCUMENTS = 5000;

export interface OrganisedIndex {
  documents: DocumentMeta[];
  organisation: OrganisationFile;
  due: Record<string, number>;
}

const day = 86_400_000;
const BASE = Date.parse('2026-01-01T08:00:00.000Z');

export function organisedIndex(count = ORGANISED_DOCUMENTS, seed = 5000): OrganisedIndex {
  const random = createRandom(seed);
  const sources = Array.from({ length: 40 }, (_, i) => `${random.pick(ORGANIZATIONS)} ${i}`);
  const tags = Array.from({ length: 80 }, (_, i) => `${random.pick(NOUNS)} ${i}`);
  const collections = Array.from({ length: 24 }, (_, i) => ({
    id: `col${i}`,
    name: `Week ${i + 1}`,
    createdAt: new Date(BASE).toISOString(),
  }));
  const documents: DocumentMeta[] = [];
  const organised: Record<string, DocumentOrganisation> = {};
  const due: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const id = `doc${i}`;
    const published = random.chance(0.85) ? new Date(BASE - random.int(3000) * day).toISOString().slice(0, 10) : null;
    documents.push({
      id,
      title: `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} in ${random.pick(COUNTRIES)} ${i}`.replace(/^./, (c) =>
        c.toUpperCase(),
      ),
      source: random.chance(0.9) ? random.pick(sources) : '',
      publishedDate: published,
      addedAt: new Date(BASE + i * 3_600_000 + random.int(3_600_000)).toISOString(),
      wordCount: random.between(400, 2000),
      origin: 'paste',
      highlightCount: random.int(40),
    });
    if (random.chance(0.8)) {
      organised[id] = {
        tags: [...new Set(Array.from({ length: random.int(5) }, () => random.pick(tags)))],
        collections: [...new Set(Array.from({ length: random.int(3) }, () => random.pick(collections).id))],
        archived: random.chance(0.1),
        position: random.chance(0.5) ? { offset: random.int(10_000), at: new Date(BASE).toISOString() } : null,
        progress: random.chance(0.5) ? Math.round(random.next() * 100) / 100 : 0,
      };
    }
    if (random.chance(0.33)) due[id] = random.between(1, 12);
  }
  return {
    documents,
    organisation: {
      schemaVersion: ORGANISATION_SCHEMA_VERSION,
      collections,
      documents: organised,
      view: { sort: 'added', direction: 'desc', filter: {} },
    },
    due,
  };
}

/** Writes the index and the organisation file as Lectio stores them (no document bodies); returns the folder. */
export function writeOrganisedLibrary(dir: string, index: OrganisedIndex): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'library.json'),
    JSON.stringify({ schemaVersion: LIBRARY_SCHEMA_VERSION, documents: index.documents }),
  );
  writeFileSync(path.join(dir, 'organisation.json'), JSON.stringify(index.organisation));
  return dir;
}
