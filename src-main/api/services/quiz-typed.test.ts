import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary } from './test-sample-service';

afterEach(closeSampleLibraries);

describe('quiz service: type the answers', () => {
  it('keeps the typed mode on the session and its retry; accepts aliases and small typos with the reason, never another actor', async () => {
    const first = await openSampleLibrary();
    const { api } = first;
    const session = await api.startQuiz({ documentIds: ['sample'], kinds: ['who'], seed: 't', typed: true });
    expect(session.typed).toBe(true);
    const putin = session.questions.find((q) => q.answer === 'Vladimir Putin');
    const kim = session.questions.find((q) => q.answer === 'Kim Il-sung');
    const third = session.questions.find((q) => q !== putin && q !== kim);
    if (!putin || !kim || !third) throw new Error('the sample gives no such who questions');

    expect(await api.answerQuiz({ sessionId: session.id, questionId: putin.id, given: 'putin' })).toEqual({
      correct: true,
      expected: 'Vladimir Putin',
      accepted: 'Accepted: ‘putin’ is Vladimir Putin',
    });
    expect(await api.answerQuiz({ sessionId: session.id, questionId: kim.id, given: 'Kim Jong-un' })).toEqual({
      correct: false,
      expected: 'Kim Il-sung',
    });
    expect(
      await api.answerQuiz({
        sessionId: session.id,
        questionId: third.id,
        given: `${third.answer.slice(0, -1)}x${third.answer.slice(-1)}`,
      }),
    ).toMatchObject({ correct: true, accepted: expect.stringMatching(/one letter off/) });
    await api.finishQuiz({ sessionId: session.id });

    closeSampleLibrary(first.storage);
    const again = await openSampleLibrary(first.dataDir);
    const stored = await again.api.getQuizSession({ id: session.id });
    expect(stored.answers[0]).toMatchObject({
      given: 'putin',
      correct: true,
      accepted: 'Accepted: ‘putin’ is Vladimir Putin',
    });
    const retry = await again.api.retryQuiz({ sessionId: session.id });
    expect(retry).toMatchObject({ typed: true, retryOf: session.id });
    expect(retry.questions.map((q) => q.id)).toEqual([kim.id]);
    expect(await again.api.answerQuiz({ sessionId: retry.id, questionId: kim.id, given: 'Kim Il-sun' })).toMatchObject({
      correct: true,
      accepted: 'Accepted: ‘Kim Il-sun’ is Kim Il-sung (one letter off)',
    });
  });

  it('grades a chosen answer as it is: a distractor a letter from the answer is still wrong; a session without typed mode has none', async () => {
    const { api } = await openSampleLibrary();
    const session = await api.startQuiz({ documentIds: ['sample'], kinds: ['who'], count: 2, seed: 'c' });
    expect(session.typed).toBeUndefined();
    const q = session.questions[0];
    if (!q) throw new Error('no question');
    const distractor = q.choices.find((c) => c !== q.answer) ?? '';
    expect((await api.answerQuiz({ sessionId: session.id, questionId: q.id, given: distractor })).correct).toBe(false);
  });
});
