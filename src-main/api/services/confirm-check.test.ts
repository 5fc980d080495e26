import { afterEach, describe, expect, it } from 'vitest';
import type { LectioApi } from '../contract';
import { dispatch } from '../dispatch';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary } from './test-sample-service';

// An invented article in which the engine takes a mountain for an organisation and, unsure, flags it "check this".
const TEXT = [
  'Nine days after she set out from Tornfell Base Camp on March 3, 2025, Mira Lindqvist stood on the summit of Tornfell at dawn.',
  'Lindqvist, the expedition leader, first reached the top of Tornfell in 2017.',
  'The Alpine Rescue Service said on March 5, 2025 that all climbers had returned safely.',
].join('\n\n');

async function withArticle() {
  const lib = await openSampleLibrary();
  const doc = await lib.api.importDocument({
    text: TEXT,
    format: 'text',
    title: 'Three peaks',
    publishedDate: '2025-03-10',
  });
  return { ...lib, id: doc.id };
}

function offered(questions: { answer: string; choices: string[] }[], name: string): boolean {
  return questions.some((q) => [q.answer, ...q.choices].includes(name));
}

async function tornfell(api: LectioApi, id: string) {
  const actor = (await api.getAnalysis({ id })).actors.find((a) => a.name === 'Tornfell');
  if (!actor) throw new Error('the engine no longer finds the name this test is about');
  return actor;
}

afterEach(closeSampleLibraries);

describe('"check this": flagged items are not asked until the reader confirms them', () => {
  it('a flagged actor is shown with its reason and kept out of quizzes; confirmed, it is asked, and that is stored', async () => {
    const { api, id, storage, dataDir } = await withArticle();
    const actor = await tornfell(api, id);
    expect(actor.confidence).toMatchObject({ level: 'check' });
    expect(actor.confidence?.reasons.length).toBeGreaterThan(0);
    expect(offered((await api.prepareQuiz({ documentIds: [id], seed: 'a' })).questions, 'Tornfell')).toBe(false);

    const view = await api.correctAnalysis({ id, correction: { kind: 'confirm-actor', actor: actor.id } });
    expect(view.actors.find((a) => a.id === actor.id)?.confidence).toEqual({ level: 'sure', reasons: [] });
    expect(offered((await api.prepareQuiz({ documentIds: [id], seed: 'a' })).questions, 'Tornfell')).toBe(true);

    closeSampleLibrary(storage);
    const reopened = await openSampleLibrary(dataDir);
    expect((await tornfell(reopened.api, id)).confidence?.level).toBe('sure');
  });

  it('refuses to confirm what the document does not have', async () => {
    const { api, id } = await withArticle();
    expect(
      await dispatch(api, 'correctAnalysis', { id, correction: { kind: 'confirm-actor', actor: 'nobody' } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(
      await dispatch(api, 'correctAnalysis', {
        id,
        correction: { kind: 'confirm-role', actor: (await tornfell(api, id)).id, role: 'mayor' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(
      await dispatch(api, 'correctAnalysis', { id, correction: { kind: 'confirm-date', start: 0, end: 3 } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
