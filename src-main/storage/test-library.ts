/**
 * Test support: a library with every kind of data file in it (index, settings, a document's text, highlights and
 * analysis, flashcards and their reviews, quiz history), built through the service as the app would build it.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inProcessRunner } from '../analysis/extraction-runner';
import type { LectioApi } from '../api/contract';
import { createService, type ServiceOptions } from '../api/service';
import { LibraryStorage } from './library-storage';

export const STUDY_TEXT =
  'On 12 March 2024 the European Commission proposed a budget of 40 billion euros. ' +
  'Ursula von der Leyen, the Commission president, said the vote would come in June. ' +
  'France and Germany backed the plan, while the Netherlands asked for more time.';

export interface TestLibrary {
  api: LectioApi;
  storage: LibraryStorage;
  dataDir: string;
  documentId: string;
}

/** Opens `dataDir` (a fresh folder by default) with a fixed clock, without seeding or filling it. */
export async function openTestLibrary(
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-lib-')),
  now = () => new Date('2026-03-04T05:06:07.000Z'),
  /** More of the service's options (a test's own search entry reader, say). */
  options: Partial<ServiceOptions> = {},
) {
  const storage = await LibraryStorage.open({ dataDir, now });
  const api = createService({
    storage,
    host: 'browser',
    extraction: inProcessRunner,
    version: 'test',
    now,
    scheduleFuzz: false,
    ...options,
  });
  return { api, storage, dataDir };
}

/** A library holding one of each kind of data file. */
export async function fullTestLibrary(dataDir?: string): Promise<TestLibrary> {
  const { api, storage, dataDir: dir } = await openTestLibrary(dataDir);
  const doc = await api.importDocument({ text: STUDY_TEXT, format: 'text', title: 'Budget' });
  const start = STUDY_TEXT.indexOf('40 billion euros');
  const highlight = await api.createHighlight({
    documentId: doc.id,
    start,
    end: start + 16,
    color: 1,
    note: 'the sum',
  });
  await api.setDocumentNote({ documentId: doc.id, note: 'Read twice.' });
  await api.getAnalysis({ id: doc.id });
  await api.updateSettings({
    colorLabels: { '1': 'Money', '2': 'Actor', '3': 'Date', '4': 'Question', '5': 'Disagree' },
  });
  const { card } = await api.createCardFromHighlight({ documentId: doc.id, highlightId: highlight.id });
  await api.gradeCard({ id: card.card.id, grade: 3 });
  await api.startQuiz({ documentIds: [doc.id], count: 2, seed: 'fixed' }).catch(() => undefined);
  return { api, storage, dataDir: dir, documentId: doc.id };
}
