import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { QuizState } from './quiz.svelte';

afterEach(closeSampleLibraries);

/** The Quiz screen's state over the real service, on the sample article, loaded, asking for three who-questions. */
async function quiz() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const state = new QuizState(client);
  await state.load();
  state.count = 3;
  state.kinds = ['who'];
  return { state, client };
}

describe('QuizState', () => {
  it('loads the articles and past sessions, choosing the first article', async () => {
    const { state } = await quiz();
    expect(state.error).toBeNull();
    expect(state.documents.map((doc) => doc.id)).toEqual(['sample']);
    expect(state.selected).toEqual(['sample']);
    expect(state.history).toEqual([]);
    expect(state.phase).toBe('setup');
  });

  it('chooses the article it was opened on, and drops one deleted since', async () => {
    const { state, client } = await quiz();
    const other = await client.importDocument({
      text: 'Another article.\nWith other words.',
      format: 'text',
      title: 'Other',
    });
    await state.load(other.id);
    expect(state.selected).toEqual([other.id]);
    await client.deleteDocument({ id: other.id });
    await state.load();
    expect(state.selected).toEqual(['sample']);
  });

  it('says why the articles could not be loaded', async () => {
    const state = new QuizState(createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })));
    await state.load();
    expect(state.error).toMatch(/not answering/);
    expect(state.documents).toEqual([]);
  });

  it('leaving goes back to the setup; a history that cannot be read again stays as shown', async () => {
    const { state } = await quiz();
    await state.start();
    await state.finish();
    await state.leave();
    expect(state.phase).toBe('setup');
    expect(state.history).toHaveLength(1);
    const offline = new QuizState(createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })));
    offline.history = state.history;
    offline.phase = 'results';
    await offline.leave();
    expect(offline.phase).toBe('setup');
    expect(offline.history).toHaveLength(1);
  });

  it('previews the questions, hides one for good, and starts on the same questions', async () => {
    const { state, client } = await quiz();
    await state.showPreview();
    expect(state.phase).toBe('preview');
    expect(state.preview).toHaveLength(3);
    const hidden = state.preview[0]?.id ?? '';
    await state.hide(hidden);
    expect(state.preview.map((q) => q.id)).not.toContain(hidden);
    const kept = state.preview.map((q) => q.id);
    await state.start();
    expect(state.phase).toBe('asking');
    expect(state.session?.questions.map((q) => q.id).slice(0, kept.length)).toEqual(kept);
    expect(state.session?.questions.map((q) => q.id)).not.toContain(hidden);
    expect(
      (await client.prepareQuiz({ documentIds: ['sample'], kinds: ['who'] })).questions.map((q) => q.id),
    ).not.toContain(hidden);
  });

  it('a preview of no article is refused with the reason', async () => {
    const { state } = await quiz();
    state.selected = [];
    await state.showPreview();
    expect(state.phase).toBe('setup');
    expect(state.error).toMatch(/documentIds/);
    await state.start();
    expect(state.session).toBeNull();
  });

  it('takes a session: each answer gets its feedback and is kept, then the results and the history', async () => {
    const { state, client } = await quiz();
    await state.start();
    const total = state.session?.questions.length ?? 0;
    expect(total).toBe(3);
    const right = state.current?.answer ?? '';
    expect(await state.answer(right)).toMatchObject({ correct: true, given: right });
    expect(await state.answer('again')).toBeNull();
    await state.next();
    expect(state.index).toBe(1);
    expect(await state.answer('Nobody at all')).toMatchObject({ correct: false, given: 'Nobody at all' });
    expect(state.score).toEqual({ correct: 1, answered: 2, total: 3 });
    await state.next();
    await state.answer(state.current?.answer ?? '');
    await state.next();
    expect(state.phase).toBe('results');
    expect(state.history).toHaveLength(1);
    const stored = await client.getQuizSession({ id: state.session?.id ?? '' });
    expect(stored.finishedAt).not.toBeNull();
    expect(stored.answers.map((a) => a.correct)).toEqual([true, false, true]);
  });

  it('reports a question wrong: hidden at once, then the reason the service turns into a correction; skips it', async () => {
    const { state, client } = await quiz();
    await state.start();
    const question = state.current;
    if (!question) throw new Error('no question');
    await state.reportWrong(question.id);
    expect(state.reports[question.id]).toEqual({});
    await state.giveReason(question.id, 'not-an-actor');
    expect(state.reports[question.id]?.reason).toBe('not-an-actor');
    expect(state.reports[question.id]?.corrected).toBeTruthy();
    await state.skip();
    expect(state.index).toBe(1);
    expect(
      (await client.prepareQuiz({ documentIds: ['sample'], kinds: ['who'] })).questions.map((q) => q.id),
    ).not.toContain(question.id);
  });

  it('skipping the last question finishes the session', async () => {
    const { state } = await quiz();
    state.count = 1;
    await state.start();
    await state.skip();
    expect(state.phase).toBe('results');
  });

  it('opens a past session; one that is not there says why', async () => {
    const { state } = await quiz();
    await state.start();
    await state.finish();
    const id = state.history[0]?.id ?? '';
    state.leave();
    expect(state.phase).toBe('setup');
    await state.openPast(id);
    expect(state.phase).toBe('past');
    expect(state.session?.id).toBe(id);
    await state.openPast('nowhere');
    expect(state.error).toBe('There is no quiz session nowhere.');
    expect(state.session?.id).toBe(id);
  });

  it('an answer to a session the service no longer has says why and gives no feedback', async () => {
    const { state } = await quiz();
    await state.start();
    if (!state.session) throw new Error('no session');
    state.session = { ...state.session, id: 'nowhere' };
    expect(await state.answer('x')).toBeNull();
    expect(state.error).toBe('There is no quiz session nowhere.');
    expect(state.feedback).toBeNull();
  });
});

describe('QuizState: retry the missed', () => {
  it('counts the missed on the results, less one reported wrong, and retries exactly those from the first question', async () => {
    const { state } = await quiz();
    await state.start();
    const first = state.session;
    if (!first) throw new Error('no session');
    for (let i = 0; i < 3; i++) {
      await state.answer('Nobody at all');
      await state.next();
    }
    expect(state.phase).toBe('results');
    expect(state.missed).toBe(3);
    const reported = first.questions[1]?.id ?? '';
    await state.reportWrong(reported);
    expect(state.missed).toBe(2);
    await state.retry();
    expect(state.error).toBeNull();
    expect(state.phase).toBe('asking');
    expect(state.index).toBe(0);
    expect(state.session?.id).not.toBe(first.id);
    expect(state.session?.retryOf).toBe(first.id);
    expect(state.session?.questions.map((q) => q.id).sort()).toEqual(
      first.questions
        .map((q) => q.id)
        .filter((id) => id !== reported)
        .sort(),
    );
  });

  it('retries from a past session; a session with nothing missed says why and stays shown', async () => {
    const { state } = await quiz();
    state.count = 1;
    await state.start();
    await state.answer(state.current?.answer ?? '');
    await state.next();
    await state.leave();
    await state.openPast(state.history[0]?.id ?? '');
    expect(state.missed).toBe(0);
    const shown = state.session?.id;
    await state.retry();
    expect(state.error).toBe('That session has no missed questions to retry.');
    expect(state.phase).toBe('past');
    expect(state.session?.id).toBe(shown);
  });
});

describe('QuizState: type the answers', () => {
  it('asks for a typed session, and shows why a misspelt answer was accepted', async () => {
    const { state } = await quiz();
    state.typed = true;
    await state.start();
    expect(state.session?.typed).toBe(true);
    const answer = state.current?.answer ?? '';
    // The last letter doubled: a typo within the budget of any name of five letters or more (the sample's are).
    const typo = `${answer}${answer.slice(-1)}`;
    expect(await state.answer(typo)).toMatchObject({
      correct: true,
      given: typo,
      accepted: `Accepted: ‘${typo}’ is ${answer} (one letter off)`,
    });
    expect(state.session?.answers[0]?.accepted).toBe(`Accepted: ‘${typo}’ is ${answer} (one letter off)`);
  });
});
