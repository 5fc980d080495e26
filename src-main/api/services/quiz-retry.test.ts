import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary } from './test-sample-service';

afterEach(closeSampleLibraries);

describe('quiz service: retry the missed', () => {
  it('starts a session of exactly the missed questions, same wording and answers, kept across a restart', async () => {
    const first = await openSampleLibrary();
    const { api } = first;
    const session = await api.startQuiz({
      documentIds: ['sample'],
      count: 5,
      seed: 'r',
      kinds: ['who', 'role', 'when'],
    });
    const [q1, q2, q3] = session.questions;
    if (!q1 || !q2 || !q3) throw new Error('no questions');
    await api.answerQuiz({ sessionId: session.id, questionId: q1.id, given: 'Nobody at all' });
    await api.answerQuiz({ sessionId: session.id, questionId: q2.id, given: q2.answer });
    await api.answerQuiz({ sessionId: session.id, questionId: q3.id, given: 'Nobody at all' });
    expect(await api.finishQuiz({ sessionId: session.id })).toMatchObject({ missed: 2 });

    const again = await api.retryQuiz({ sessionId: session.id });
    expect(again.id).not.toBe(session.id);
    expect(again).toMatchObject({ retryOf: session.id, answers: [], finishedAt: null, documentIds: ['sample'] });
    expect(again.questions.map((q) => q.id).sort()).toEqual([q1.id, q3.id].sort());
    for (const q of again.questions) {
      const before = session.questions.find((b) => b.id === q.id);
      expect({ ...q, choices: [] }).toEqual({ ...before, choices: [] });
      expect([...q.choices].sort()).toEqual([...(before?.choices ?? [])].sort());
    }
    expect(await api.answerQuiz({ sessionId: again.id, questionId: q1.id, given: q1.answer })).toMatchObject({
      correct: true,
    });

    closeSampleLibrary(first.storage);
    const reopened = await openSampleLibrary(first.dataDir);
    expect(await reopened.api.getQuizSession({ id: again.id })).toMatchObject({ retryOf: session.id });
    expect((await reopened.api.listQuizSessions({}))[0]).toMatchObject({
      id: again.id,
      retryOf: session.id,
      missed: 0,
    });
  });

  it('leaves out a missed question hidden since, and refuses a session with nothing missed', async () => {
    const { api } = await openSampleLibrary();
    const session = await api.startQuiz({ documentIds: ['sample'], count: 3, seed: 'h', kinds: ['who'] });
    const [q1, q2, q3] = session.questions;
    if (!q1 || !q2 || !q3) throw new Error('no questions');
    await api.answerQuiz({ sessionId: session.id, questionId: q1.id, given: 'Nobody at all' });
    await api.answerQuiz({ sessionId: session.id, questionId: q2.id, given: 'Nobody at all' });
    await api.answerQuiz({ sessionId: session.id, questionId: q3.id, given: q3.answer });
    await api.hideQuestion({ questionId: q2.id, sessionId: session.id });
    expect((await api.listQuizSessions({}))[0]).toMatchObject({ id: session.id, missed: 1 });
    expect((await api.retryQuiz({ sessionId: session.id })).questions.map((q) => q.id)).toEqual([q1.id]);

    const clean = await api.startQuiz({ documentIds: ['sample'], count: 1, seed: 'c', kinds: ['who'] });
    expect(await dispatch(api, 'retryQuiz', { sessionId: clean.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: 'That session has no missed questions to retry.' },
    });
    expect(await dispatch(api, 'retryQuiz', { sessionId: 'nowhere' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'retryQuiz', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
