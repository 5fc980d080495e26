/**
 * A 5,000-document library with an analysis for every document, for the library timeline's benchmark: the index and
 * organisation of organised-index.ts (collections, published dates) plus `analysis/<id>.json` holding 30 dated events
 * each (days, months and years from 1990 to 2031, past or expected from the document's published date), one in ten
 * a story several documents report in the same words, as the engine stores them. The engine is not run (5,000
 * documents would take most of an hour): what is measured is reading and joining its results, not computing them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DateMention } from '@core/extract/types';
import { ANALYSIS_SCHEMA_VERSION, type AnalysisFile } from '@main/storage/file-schemas';
import { createRandom } from '../prng';
import { ACTION_PHRASES, COUNTRIES, FIRST_NAMES, LAST_NAMES, MONTHS, NOUNS } from '../text/lexicon';
import { organisedIndex, writeOrganisedLibrary, type OrganisedIndex } from './organised-index';

export const DATES_PER_DOCUMENT = 30;

interface Story {
  value: string;
  text: string;
  sentence: string;
  actors: string[];
}

function dateOf(random: ReturnType<typeof createRandom>): { value: string; text: string } {
  const year = random.between(1990, 2031);
  const month = random.between(1, 12);
  const kind = random.int(3);
  if (kind === 0) return { value: String(year), text: String(year) };
  const monthName = MONTHS[(month - 1) % MONTHS.length] ?? 'March';
  if (kind === 1) return { value: `${year}-${String(month).padStart(2, '0')}`, text: `${monthName} ${year}` };
  const day = random.between(1, 28);
  return {
    value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    text: `${day} ${monthName} ${year}`,
  };
}

function story(random: ReturnType<typeof createRandom>): Story {
  const date = dateOf(random);
  const person = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const country = random.pick(COUNTRIES);
  const sentence = `${person} of ${country} ${random.pick(ACTION_PHRASES)} on the ${random.pick(NOUNS)} in ${date.text}.`;
  return { ...date, sentence, actors: [person, country] };
}

/** Writes the library into `dir`; returns its index (the documents and their organisation). */
export function writeDatedLibrary(dir: string, seed = 2026): OrganisedIndex {
  const random = createRandom(seed);
  const index = organisedIndex();
  writeOrganisedLibrary(dir, index);
  mkdirSync(path.join(dir, 'analysis'), { recursive: true });
  const shared = Array.from({ length: 2000 }, () => story(random));
  for (const meta of index.documents) {
    let text = '';
    const dates: DateMention[] = [];
    for (let i = 0; i < DATES_PER_DOCUMENT; i++) {
      const told = random.chance(0.1) ? random.pick(shared) : story(random);
      const start = text.length + told.sentence.indexOf(told.text);
      dates.push({
        start,
        end: start + told.text.length,
        text: told.text,
        value: told.value,
        precision: told.value.length === 4 ? 'year' : told.value.length === 7 ? 'month' : 'day',
        event: told.sentence,
        eventSpan: { start: text.length, end: text.length + told.sentence.length },
        actors: told.actors,
        status: meta.publishedDate && told.value > meta.publishedDate ? 'expected' : 'past',
      });
      text += `${told.sentence} `;
    }
    const file: AnalysisFile = {
      schemaVersion: ANALYSIS_SCHEMA_VERSION,
      documentId: meta.id,
      cache: {
        engineVersion: 'bench',
        referenceDate: meta.publishedDate,
        textLength: text.length,
        result: {
          engineVersion: 'bench',
          referenceDate: meta.publishedDate,
          referenceDateInference: { value: meta.publishedDate, source: 'given', evidence: [], anchor: null },
          actors: [],
          dates,
        },
      },
    };
    writeFileSync(path.join(dir, 'analysis', `${meta.id}.json`), JSON.stringify(file));
  }
  return index;
}
