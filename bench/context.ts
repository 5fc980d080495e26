/** What every benchmark receives: the generated library, the repetition budget, and a way to read its files. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Highlight } from '@core/annotations/highlight';
import type { DocumentFile } from '@main/storage/file-schemas';
import type { LibraryManifest } from './library/spec';
import type { Figure } from './result';
import type { Repetitions } from './stats';

export interface BenchContext {
  quick: boolean;
  /** The generated library folder (read-only: benchmarks that write copy it first). */
  dataDir: string;
  manifest: LibraryManifest;
  /** `full` repetitions normally, `quick` with --quick. */
  reps(full: Repetitions, quick: Repetitions): Repetitions;
  log(message: string): void;
}

export interface Benchmark {
  /** Short id for --only and progress lines. */
  id: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}

/** A document's canonical text and stored highlights, read straight from the library files. */
export function readDocument(dataDir: string, id: string): { text: string; highlights: Highlight[] } {
  const doc = JSON.parse(readFileSync(path.join(dataDir, 'documents', `${id}.json`), 'utf8')) as DocumentFile;
  const annotations = JSON.parse(readFileSync(path.join(dataDir, 'annotations', `${id}.json`), 'utf8')) as {
    highlights: Highlight[];
  };
  return { text: doc.body.text, highlights: annotations.highlights };
}
