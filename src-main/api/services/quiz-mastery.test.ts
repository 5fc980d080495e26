import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { closeSampleLibraries, openSampleLibrary } from './test-sample-service';

afterEach(closeSampleLibraries);

describe('quiz service: mastery', () => {
  it('is none before a quiz, then the weighted share right per document and per actor asked about', async () => {
    const { api } = await openSampleLibrary();
    expect(await api.getMastery({ documentId: 'sample' })).toEqual({ document: null, actors: {} });
    const session = await api.startQuiz({ documentIds: ['sample'], count: 4, seed: 'm', kinds: ['who'] });
    const [right, wrong] = session.questions;
    if (!right || !wrong) throw new Error('no questions');
    await api.answerQuiz({ sessionId: session.id, questionId: right.id, given: right.answer });
    await api.answerQuiz({ sessionId: session.id, questionId: wrong.id, given: 'Nobody at all' });
    const m = await api.getMastery({ documentId: 'sample' });
    expect(m.document).toEqual({ share: 0.5, answers: 2, sessions: 1 });
    const rightActor = right.about?.actor ?? '';
    const wrongActor = wrong.about?.actor ?? '';
    if (rightActor !== wrongActor) {
      expect(m.actors[rightActor]).toEqual({ share: 1, answers: 1, sessions: 1 });
      expect(m.actors[wrongActor]).toEqual({ share: 0, answers: 1, sessions: 1 });
    }
    expect(Object.keys(m.actors).length).toBeGreaterThan(0);
    expect(await dispatch(api, 'getMastery', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
