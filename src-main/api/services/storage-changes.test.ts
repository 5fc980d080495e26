/**
 * Every write the service makes reaches the storage change feed, the one place sync will hook in (issue #21): a table
 * of service calls, run in order on one library, each with the change events it must report, exactly, and no more.
 * Reads report nothing; a write refused reports nothing.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageChange } from '../../storage/change-feed';
import { buildTestEpub } from '../../import/epub/test-epub';
import { LibraryStorage } from '../../storage/library-storage';
import type { LectioApi } from '../contract';
import { seedNewLibrary } from '../service';
import { closeSampleLibraries, openSampleLibrary, sampleText } from './test-sample-service';

type Library = Awaited<ReturnType<typeof openSampleLibrary>>;

/** Ids the cases hand on to later ones (the document imported, the highlight made, …). */
type State = Record<string, string>;

interface Case<R> {
  name: string;
  /** Prepares the library; its writes are not recorded. */
  given?: (library: Library, state: State) => Promise<void>;
  /** The one service call whose reported changes are checked. */
  when: (api: LectioApi, state: State) => Promise<R>;
  /** The changes it must report, in order; worked out after the call, which may make the ids. */
  then: (result: R, state: State, library: Library) => StorageChange[] | Promise<StorageChange[]>;
}

const caseOf = <R>(c: Case<R>): Case<unknown> => c as Case<unknown>;
const put = (kind: StorageChange['kind'], id: string, documentId: string | null): StorageChange => ({
  kind,
  id,
  documentId,
  op: 'put',
});
const deleted = (kind: StorageChange['kind'], id: string, documentId: string | null): StorageChange => ({
  kind,
  id,
  documentId,
  op: 'delete',
});
const need = (state: State, key: string): string => {
  const value = state[key];
  if (value === undefined) throw new Error(`an earlier case should have set ${key}`);
  return value;
};

// A passage of the sample, highlighted: its words make a card.
const passage = 'Foreign Minister Choe Son-hee’s visit to Russia';
const start = sampleText.indexOf(passage);

const cases: Case<unknown>[] = [
  caseOf({
    name: 'importDocument puts the document',
    when: (api) =>
      api.importDocument({ text: 'A second article, to edit and delete.', format: 'text', title: 'Second' }),
    then: (doc, state) => {
      state.second = doc.id;
      return [put('document', doc.id, doc.id)];
    },
  }),
  caseOf({
    name: 'importEpub puts the book as one document',
    when: (api) =>
      api.importEpub({
        fileName: 'book.epub',
        data: Buffer.from(
          buildTestEpub({ chapters: [{ file: 'one.xhtml', title: 'One', body: '<p>A chapter.</p>' }] }),
        ).toString('base64'),
      }),
    then: (doc) => [put('document', doc.id, doc.id)],
  }),
  caseOf({
    name: 'updateDocument puts the document',
    when: (api, state) => api.updateDocument({ id: need(state, 'second'), title: 'Second, renamed' }),
    then: (_, state) => [put('document', need(state, 'second'), need(state, 'second'))],
  }),
  caseOf({
    name: 'createHighlight puts the highlight',
    when: (api) =>
      api.createHighlight({ documentId: 'sample', start, end: start + passage.length, color: 1, note: 'who decided' }),
    then: (highlight, state) => {
      state.highlight = highlight.id;
      return [put('highlight', highlight.id, 'sample')];
    },
  }),
  caseOf({
    name: 'updateHighlight puts the highlight',
    when: (api, state) =>
      api.updateHighlight({ documentId: 'sample', id: need(state, 'highlight'), note: 'the council decided' }),
    then: (_, state) => [put('highlight', need(state, 'highlight'), 'sample')],
  }),
  caseOf({
    name: 'deleteHighlight deletes the highlight',
    when: (api, state) => api.deleteHighlight({ documentId: 'sample', id: need(state, 'highlight') }),
    then: (removed, state) => {
      state.removed = JSON.stringify(removed);
      return [deleted('highlight', need(state, 'highlight'), 'sample')];
    },
  }),
  caseOf({
    name: 'restoreHighlight puts the highlight',
    when: (api, state) => api.restoreHighlight({ documentId: 'sample', highlight: JSON.parse(need(state, 'removed')) }),
    then: (_, state) => [put('highlight', need(state, 'highlight'), 'sample')],
  }),
  caseOf({
    name: 'setDocumentNote puts the note',
    when: (api) => api.setDocumentNote({ documentId: 'sample', note: 'Read on the train.' }),
    then: () => [put('document-note', 'sample', 'sample')],
  }),
  caseOf({
    name: 'getAnnotations puts the anchors when it had to find them',
    given: ({ storage }) =>
      storage.files.annotations.update('sample', (data) => {
        delete data.anchors;
      }),
    when: (api) => api.getAnnotations({ documentId: 'sample' }),
    then: () => [put('anchors', 'sample', 'sample')],
  }),
  caseOf({
    name: 'getAnnotations with its anchors stored writes nothing',
    when: (api) => api.getAnnotations({ documentId: 'sample' }),
    then: () => [],
  }),
  caseOf({
    name: 'importAnnotations puts each highlight it adds',
    given: async ({ api }, state) => {
      state.exported = (await api.exportAnnotations({ documentId: 'sample', format: 'json' })).content;
      await api.deleteHighlight({ documentId: 'sample', id: need(state, 'highlight') });
    },
    when: (api, state) => api.importAnnotations({ documentId: 'sample', content: need(state, 'exported') }),
    then: async (result, _, { api }) => {
      expect(result.imported).toBe(1);
      const [highlight] = (await api.getAnnotations({ documentId: 'sample' })).highlights;
      return [put('highlight', highlight?.id ?? 'missing', 'sample')];
    },
  }),
  caseOf({
    name: 'getAnalysis puts the analysis it computed',
    when: (api) => api.getAnalysis({ id: 'sample' }),
    then: () => [put('analysis', 'sample', 'sample')],
  }),
  caseOf({
    name: 'getAnalysis with a fresh cache writes nothing',
    when: (api) => api.getAnalysis({ id: 'sample' }),
    then: () => [],
  }),
  caseOf({
    name: 'correctAnalysis puts the corrections',
    given: async ({ api }, state) => {
      state.actor = (await api.getAnalysis({ id: 'sample' })).actors[0]?.id ?? 'no actor';
    },
    when: (api, state) =>
      api.correctAnalysis({
        id: 'sample',
        correction: { kind: 'rename', actor: need(state, 'actor'), name: 'Renamed' },
      }),
    then: () => [put('corrections', 'sample', 'sample')],
  }),
  caseOf({
    name: 'updateSettings puts the settings',
    when: (api) => api.updateSettings({ review: { desiredRetention: 0.85, newPerDay: 10 } }),
    then: () => [put('settings', 'settings', null)],
  }),
  caseOf({
    name: 'createCard puts the card',
    when: (api) => api.createCard({ kind: 'basic', front: 'Who met?', back: 'The council' }),
    then: (view, state) => {
      state.card = view.card.id;
      return [put('card', view.card.id, null)];
    },
  }),
  caseOf({
    name: 'createCardFromHighlight puts the card, with its document',
    given: async ({ api }, state) => {
      state.highlight = (await api.getAnnotations({ documentId: 'sample' })).highlights[0]?.id ?? 'none';
    },
    when: (api, state) => api.createCardFromHighlight({ documentId: 'sample', highlightId: need(state, 'highlight') }),
    then: (made) => {
      expect(made.created).toBe(true);
      return [put('card', made.card.card.id, 'sample')];
    },
  }),
  caseOf({
    name: 'updateCard puts the card',
    when: (api, state) => api.updateCard({ id: need(state, 'card'), back: 'The city council' }),
    then: (_, state) => [put('card', need(state, 'card'), null)],
  }),
  caseOf({
    name: 'deleteCard deletes the card',
    when: (api, state) => api.deleteCard({ id: need(state, 'card') }),
    then: (removed, state) => {
      state.removedCard = JSON.stringify(removed);
      return [deleted('card', need(state, 'card'), null)];
    },
  }),
  caseOf({
    name: 'restoreCard puts the card',
    when: (api, state) => api.restoreCard({ card: JSON.parse(need(state, 'removedCard')) }),
    then: (_, state) => [put('card', need(state, 'card'), null)],
  }),
  caseOf({
    name: 'importCards puts each card it adds or changes',
    when: (api) => api.importCards({ content: 'Imported one\tFirst answer\nImported two\tSecond answer\n' }),
    then: async (result, _, { api }) => {
      expect(result.created).toBe(2);
      const imported = (await api.listCards({})).filter((view) => view.card.front.startsWith('Imported'));
      return imported.map((view) => put('card', view.card.id, null));
    },
  }),
  caseOf({
    name: 'gradeCard puts the review',
    when: (api, state) => api.gradeCard({ id: need(state, 'card'), grade: 3 }),
    then: (graded, state) => {
      state.review = graded.reviewId;
      return [put('review', graded.reviewId, null)];
    },
  }),
  caseOf({
    name: 'undoGrade deletes the review',
    when: (api, state) => api.undoGrade({ reviewId: need(state, 'review') }),
    then: (_, state) => [deleted('review', need(state, 'review'), null)],
  }),
  caseOf({
    name: 'startQuiz puts the session',
    when: (api) => api.startQuiz({ documentIds: ['sample'], seed: 'changes', kinds: ['who'] }),
    then: (session, state) => {
      state.session = session.id;
      state.question = session.questions[0]?.id ?? 'none';
      state.other = session.questions[1]?.id ?? 'none';
      state.actorQuestion = session.questions.find((q) => q.about?.actor)?.id ?? 'none';
      return [put('quiz-session', session.id, null)];
    },
  }),
  caseOf({
    name: 'answerQuiz puts the session',
    when: (api, state) =>
      api.answerQuiz({ sessionId: need(state, 'session'), questionId: need(state, 'question'), given: 'Nobody' }),
    then: (_, state) => [put('quiz-session', need(state, 'session'), null)],
  }),
  caseOf({
    name: 'finishQuiz puts the session',
    when: (api, state) => api.finishQuiz({ sessionId: need(state, 'session') }),
    then: (_, state) => [put('quiz-session', need(state, 'session'), null)],
  }),
  caseOf({
    name: 'hideQuestion without a reason puts the hidden question',
    when: (api, state) => api.hideQuestion({ questionId: need(state, 'other') }),
    then: (_, state) => [put('hidden-question', need(state, 'other'), null)],
  }),
  caseOf({
    name: 'hideQuestion with a reason that corrects puts the corrections, then the hidden question',
    when: (api, state) =>
      api.hideQuestion({
        questionId: need(state, 'actorQuestion'),
        sessionId: need(state, 'session'),
        reason: 'not-an-actor',
      }),
    then: (result, state) => {
      expect(result.corrected).toBeDefined();
      return [put('corrections', 'sample', 'sample'), put('hidden-question', need(state, 'actorQuestion'), 'sample')];
    },
  }),
  caseOf({
    name: 'deleteDocument deletes the document',
    when: (api, state) => api.deleteDocument({ id: need(state, 'second') }),
    then: (_, state) => [deleted('document', need(state, 'second'), need(state, 'second'))],
  }),
  caseOf({
    name: 'createCollection puts the collection',
    given: async (library, state) => {
      state.third = (
        await library.api.importDocument({ text: 'A third article, to organise.', format: 'text', title: 'Third' })
      ).id;
    },
    when: (api) => api.createCollection({ name: 'Week 1' }),
    then: (collection, state) => {
      state.collection = collection.id;
      return [put('collection', collection.id, null)];
    },
  }),
  caseOf({
    name: 'organiseDocuments puts the organisation of each document it changed',
    when: (api, state) =>
      api.organiseDocuments({
        ids: [need(state, 'third'), 'sample'],
        addTags: ['x'],
        addToCollection: need(state, 'collection'),
      }),
    then: (_, state) => [
      put('document-organisation', need(state, 'third'), need(state, 'third')),
      put('document-organisation', 'sample', 'sample'),
    ],
  }),
  caseOf({
    name: 'saveReadingPosition puts the document’s organisation',
    when: (api, state) => api.saveReadingPosition({ id: need(state, 'third'), offset: 2, progress: 0.5 }),
    then: (_, state) => [put('document-organisation', need(state, 'third'), need(state, 'third'))],
  }),
  caseOf({
    name: 'setLibraryView puts the view',
    when: (api) => api.setLibraryView({ view: { sort: 'title', direction: 'asc', filter: {} } }),
    then: () => [put('library-view', 'library-view', null)],
  }),
  caseOf({
    name: 'deleteDocuments puts each document (marked deleted), and undoDeleteDocuments puts it back',
    when: async (api, state) => {
      await api.deleteDocuments({ ids: [need(state, 'third')] });
      return api.undoDeleteDocuments({ ids: [need(state, 'third')] });
    },
    then: (_, state) => [
      put('document', need(state, 'third'), need(state, 'third')),
      put('document', need(state, 'third'), need(state, 'third')),
    ],
  }),
  caseOf({
    name: 'deleteCollection deletes the collection and puts each member’s organisation',
    when: (api, state) => api.deleteCollection({ id: need(state, 'collection') }),
    then: (_, state) => [
      deleted('collection', need(state, 'collection'), null),
      put('document-organisation', need(state, 'third'), need(state, 'third')),
      put('document-organisation', 'sample', 'sample'),
    ],
  }),
  caseOf({
    name: 'purgeDeletedDocuments deletes the document and its organisation',
    given: async (library, state) => {
      await library.api.deleteDocuments({ ids: [need(state, 'third')] });
    },
    when: (api, state) => api.purgeDeletedDocuments({ ids: [need(state, 'third')] }),
    then: (_, state) => [
      deleted('document', need(state, 'third'), need(state, 'third')),
      deleted('document-organisation', need(state, 'third'), need(state, 'third')),
    ],
  }),
  caseOf({
    name: 'reads write nothing',
    when: async (api) => {
      await api.listDocuments({});
      await api.getDocument({ id: 'sample' });
      await api.getSettings({});
      await api.listCards({});
      await api.getReviewQueue({});
      await api.getCardStats({});
      await api.getOrganisation({});
      await api.getDocumentOrganisation({ id: 'sample' });
      await api.listQuizSessions({});
      await api.search({ query: 'council' });
    },
    then: () => [],
  }),
  caseOf({
    name: 'a refused write reports nothing',
    when: (api) =>
      api
        .updateHighlight({ documentId: 'sample', id: 'no-such-highlight', note: 'lost' })
        .catch((error: unknown) => error),
    then: (error) => {
      expect(error).toBeInstanceOf(Error);
      return [];
    },
  }),
];

describe('the storage change feed', () => {
  let library: Library;
  const state: State = {};

  beforeAll(async () => {
    library = await openSampleLibrary();
  });
  afterAll(closeSampleLibraries);

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    await c.given?.(library, state);
    const reported: StorageChange[] = [];
    const stop = library.storage.changes.onWrite((change) => reported.push(change));
    let result: unknown;
    try {
      result = await c.when(library.api, state);
    } finally {
      stop();
    }
    expect(reported).toEqual(await c.then(result, state, library));
  });

  it('puts the sample article seeded into a new library', async () => {
    const storage = await LibraryStorage.open({
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'lectio-changes-')),
      now: () => new Date(),
    });
    try {
      const reported: StorageChange[] = [];
      storage.changes.onWrite((change) => reported.push(change));
      await seedNewLibrary(
        storage,
        { text: sampleText, title: 'Sample', source: 'Donga', publishedDate: null },
        () => new Date(),
      );
      expect(reported).toEqual([put('document', 'sample', 'sample')]);
    } finally {
      storage.close();
    }
  });

  it('keeps the write and tells the other listeners when one listener throws', async () => {
    const reported: StorageChange[] = [];
    const stopFailing = library.storage.changes.onWrite(() => {
      throw new Error('a listener that fails');
    });
    const stop = library.storage.changes.onWrite((change) => reported.push(change));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await library.api.setDocumentNote({ documentId: 'sample', note: 'Kept.' });
    } finally {
      console.error = quiet;
      stop();
      stopFailing();
    }
    expect(reported).toEqual([put('document-note', 'sample', 'sample')]);
    expect((await library.api.getAnnotations({ documentId: 'sample' })).documentNote).toBe('Kept.');
  });
});
