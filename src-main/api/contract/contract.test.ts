/**
 * The contract split by area stays one contract: every method belongs to exactly one area (its schemas in the
 * same-named file of ../schemas), and no contract file takes a runtime dependency, so the sandboxed preload and the
 * renderer can import the index without pulling in the validation library or the engines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, isMethodName } from '.';
import { analysisSchemas } from '../schemas/analysis';
import { ankiSchemas } from '../schemas/anki';
import { annotationSchemas } from '../schemas/annotations';
import { bookSchemas } from '../schemas/books';
import { cardSchemas } from '../schemas/cards';
import { connectorSchemas } from '../schemas/connector';
import { documentSchemas } from '../schemas/documents';
import { fsrsSchemas } from '../schemas/fsrs';
import { librarySchemas } from '../schemas/library';
import { organiseSchemas } from '../schemas/organise';
import { pdfSchemas } from '../schemas/pdf';
import { quizSchemas } from '../schemas/quiz';
import { settingsSchemas } from '../schemas/settings';
import { actorSchemas } from '../schemas/actors';
import { syncSchemas } from '../schemas/sync';
import { studySchemas } from '../schemas/study';
import { timelineSchemas } from '../schemas/timeline';
import { syncPasswordSchemas } from '../schemas/sync-password';

const AREAS = {
  analysisSchemas,
  ankiSchemas,
  annotationSchemas,
  bookSchemas,
  cardSchemas,
  connectorSchemas,
  documentSchemas,
  fsrsSchemas,
  librarySchemas,
  organiseSchemas,
  pdfSchemas,
  quizSchemas,
  settingsSchemas,
  actorSchemas,
  syncSchemas,
  studySchemas,
  timelineSchemas,
  syncPasswordSchemas,
};
const here = path.dirname(new URL(import.meta.url).pathname);

describe('the contract, split by area', () => {
  it('puts every method in exactly one area', () => {
    const seen = new Map<string, string>();
    for (const [area, schemas] of Object.entries(AREAS)) {
      for (const method of Object.keys(schemas)) {
        expect(seen.get(method), `${method} in ${area}`).toBeUndefined();
        seen.set(method, area);
        expect(isMethodName(method), method).toBe(true);
      }
    }
    expect([...seen.keys()].sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('imports at run time nothing but its own files', () => {
    const files = readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(files).toContain('index.ts');
    for (const name of files) {
      const source = readFileSync(path.join(here, name), 'utf8');
      for (const [statement, from] of source.matchAll(/^(?:import|export)(?! type)[^;]*?from '([^']+)';/gms)) {
        expect(from?.startsWith('./'), `${name}: ${statement}`).toBe(true);
      }
    }
  });
});
