import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtractionRunner } from '@main/analysis/extraction-runner';
import { closeSampleLibraries, engineInWorker, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { inProcessRunner } from '@main/analysis/extraction-runner';
import { buildTestEpub } from '@main/import/epub/test-epub';
import { ReaderState } from './reader.svelte';

let worker: ExtractionRunner | null = null;

afterEach(async () => {
  closeSampleLibraries();
  await worker?.close();
  worker = null;
});

async function reader(extraction?: ExtractionRunner) {
  const opened = await openSampleLibrary(undefined, extraction);
  const client = createApiClient(opened.transport);
  return { state: new ReaderState(client), client };
}

describe('ReaderState', () => {
  it('reads the mastery of the open document and its actors: none before a quiz, the share right after one', async () => {
    const { state, client } = await reader();
    await state.load('sample');
    await state.loadMastery();
    expect(state.mastery).toEqual({ document: null, actors: {} });
    const session = await client.startQuiz({ documentIds: ['sample'], count: 1, kinds: ['who'] });
    const question = session.questions[0];
    if (!question) throw new Error('no question');
    await client.answerQuiz({ sessionId: session.id, questionId: question.id, given: question.answer });
    await state.loadMastery();
    expect(state.mastery?.document).toEqual({ share: 1, answers: 1, sessions: 1 });
    expect(state.mastery?.actors[question.about?.actor ?? '']).toEqual({ share: 1, answers: 1, sessions: 1 });
  });

  it('opens a document: loading until it comes, then its text', async () => {
    const { state } = await reader();
    expect(state.loading).toBe(true);
    await state.load('sample');
    expect(state.loading).toBe(false);
    expect(state.error).toBeNull();
    expect(state.document).toMatchObject({ id: 'sample', title: 'Sample' });
  });

  it('a book’s analysis shows which chapter it has reached, and nothing once it is done', async () => {
    // The real engine, held before each chapter until the test lets it go on.
    const gates: (() => void)[] = [];
    const held: ExtractionRunner = {
      ...inProcessRunner,
      run: async (text, date) => (await new Promise<void>((go) => gates.push(go)), inProcessRunner.run(text, date)),
    };
    const { state, client } = await reader(held);
    const chapters = ['One', 'Two', 'Three'].map((name) => ({
      file: `${name}.xhtml`,
      title: `Chapter ${name}`,
      body: `<h1>Chapter ${name}</h1><p>Ana Costa spoke on 3 March 2025.</p>`,
    }));
    const book = await client.importEpub({
      fileName: 'book.epub',
      data: Buffer.from(buildTestEpub({ chapters })).toString('base64'),
    });
    await state.load(book.id);
    const finding = state.loadAnalysis();
    await vi.waitFor(() => expect(state.analysisStep).toEqual({ done: 0, total: 3 }), { timeout: 10_000 });
    gates[0]?.();
    await vi.waitFor(() => expect(state.analysisStep).toEqual({ done: 1, total: 3 }), { timeout: 10_000 });
    gates[1]?.();
    await vi.waitFor(() => expect(gates).toHaveLength(3));
    gates[2]?.();
    await finding;
    expect(state.analysisStep).toBeNull();
    expect(state.analysis?.actors.map((actor) => actor.name)).toContain('Ana Costa');
  });

  it('a missing document shows the user-facing message and no document', async () => {
    const { state } = await reader();
    await state.load('sample');
    await state.load('nowhere');
    expect(state.loading).toBe(false);
    expect(state.document).toBeNull();
    expect(state.error).toBe('Document nowhere was not found');
  });

  it('finds the actors and dates of the open document; none without one', async () => {
    const { state } = await reader();
    await state.loadAnalysis();
    expect(state.analysis).toBeNull();
    await state.load('sample');
    await state.loadAnalysis();
    expect(state.analysing).toBe(false);
    expect(state.analysisError).toBeNull();
    expect(state.analysis?.actors.length).toBeGreaterThan(0);
    expect(state.analysis?.dates.length).toBeGreaterThan(0);
  });

  it('an analysis the reader stops is marked stopped, not failed, and runs again on request', async () => {
    worker = engineInWorker();
    const { state } = await reader(worker);
    await state.load('sample');
    const finding = state.loadAnalysis();
    expect(state.analysing).toBe(true);
    // Stop is pressed until it lands: the run reaches the engine only after the document has been read.
    await vi.waitFor(
      async () => {
        await state.cancelAnalysis();
        expect(state.analysisStopped).toBe(true);
      },
      { timeout: 30_000, interval: 20 },
    );
    await finding;
    expect(state.analysisError).toBeNull();
    expect(state.analysis).toBeNull();
    await state.loadAnalysis();
    expect(state.analysisStopped).toBe(false);
    expect(state.analysis?.actors.length).toBeGreaterThan(0);
  });

  it('an analysis of a document deleted meanwhile says why', async () => {
    const { state, client } = await reader();
    await state.load('sample');
    await client.deleteDocument({ id: 'sample' });
    await state.loadAnalysis();
    expect(state.analysisError).toBe('Document sample was not found');
    expect(state.analysisStopped).toBe(false);
  });

  it('stores a correction and shows the corrected analysis; a refused one returns its reason', async () => {
    const { state, client } = await reader();
    expect(await state.correct({ kind: 'rename', actor: 'a', name: 'x' })).toBe('No document is open.');
    await state.load('sample');
    await state.loadAnalysis();
    const actor = state.analysis?.actors[0];
    if (!actor) throw new Error('no actor');
    expect(await state.correct({ kind: 'rename', actor: actor.id, name: 'Renamed by the reader' })).toBeNull();
    expect(state.analysis?.actors.map((a) => a.name)).toContain('Renamed by the reader');
    expect((await client.getAnalysis({ id: 'sample' })).actors.map((a) => a.name)).toContain('Renamed by the reader');
    expect(await state.correct({ kind: 'remove', actor: 'no-such-actor' })).toBe(
      'There is no actor no-such-actor in this document.',
    );
  });

  it('sets the published date and runs the analysis again against it; a date that is no date is refused', async () => {
    const { state, client } = await reader();
    expect(await state.setPublishedDate('2024-05-01')).toBe('No document is open.');
    await state.load('sample');
    expect(await state.setPublishedDate('2024-05-01')).toBeNull();
    expect(state.document?.publishedDate).toBe('2024-05-01');
    expect(state.analysis?.referenceDate).toBe('2024-05-01');
    expect((await client.getDocument({ id: 'sample' })).publishedDate).toBe('2024-05-01');
    expect(await state.setPublishedDate('2024-02-30')).toMatch(/not a calendar date/);
    expect(state.document?.publishedDate).toBe('2024-05-01');
  });
});
