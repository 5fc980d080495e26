import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary, sampleText } from './test-sample-service';

const setup = openSampleLibrary;

afterEach(closeSampleLibraries);

describe('quiz service', () => {
  it('prepares the same questions for the same seed, with evidence in the article', async () => {
    const { api } = await setup();
    const a = await api.prepareQuiz({ documentIds: ['sample'], count: 10, seed: 's1' });
    const b = await api.prepareQuiz({ documentIds: ['sample'], count: 10, seed: 's1' });
    expect(a.questions.map((q) => q.id)).toEqual(b.questions.map((q) => q.id));
    expect(a.questions).toHaveLength(10);
    for (const q of a.questions) {
      expect(q.documentId).toBe('sample');
      expect(sampleText.slice(q.evidence.start, q.evidence.end)).toBe(q.evidence.text);
    }
    expect(new Set(a.questions.map((q) => q.kind)).size).toBeGreaterThan(2);
  });

  it('runs a session: answers graded and stored, a score at the end, the history kept across a restart', async () => {
    const first = await setup();
    const session = await first.api.startQuiz({
      documentIds: ['sample'],
      count: 4,
      seed: 'run',
      kinds: ['who', 'when'],
    });
    const [q1, q2] = session.questions;
    if (!q1 || !q2) throw new Error('no questions');
    expect(await first.api.answerQuiz({ sessionId: session.id, questionId: q1.id, given: q1.answer })).toEqual({
      correct: true,
      expected: q1.answer,
    });
    const wrong = q2.choices.find((c) => c !== q2.answer) ?? 'nobody';
    expect((await first.api.answerQuiz({ sessionId: session.id, questionId: q2.id, given: wrong })).correct).toBe(
      false,
    );
    expect(
      await dispatch(first.api, 'answerQuiz', { sessionId: session.id, questionId: q1.id, given: 'again' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const summary = await first.api.finishQuiz({ sessionId: session.id });
    expect(summary).toMatchObject({ total: 4, answered: 2, correct: 1, finishedAt: '2026-06-01T09:00:00.000Z' });

    closeSampleLibrary(first.storage);
    const again = await setup(first.dataDir);
    expect(await again.api.listQuizSessions({})).toEqual([summary]);
    const stored = await again.api.getQuizSession({ id: session.id });
    expect(stored.answers.map((a) => a.correct)).toEqual([true, false]);
    // The instant is UTC; the reader's zone is kept beside it.
    expect(stored).toMatchObject({
      startedAt: '2026-06-01T09:00:00.000Z',
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('gives partial credit for a partly right match question, kept across a restart; older sessions stay readable', async () => {
    const first = await setup();
    const session = await first.api.startQuiz({ documentIds: ['sample'], seed: 'm', kinds: ['match'] });
    const match = session.questions.find((q) => q.kind === 'match');
    const items = match?.items ?? [];
    if (!match || items.length < 3) throw new Error('the sample gives no match question');
    // Every pair right but the last two, swapped.
    const roles = items.map((item) => item.match ?? '');
    const n = roles.length;
    [roles[n - 2], roles[n - 1]] = [roles[n - 1] as string, roles[n - 2] as string];
    const given = items.map((item, i) => `${item.label}: ${roles[i]}`).join('; ');
    expect(await first.api.answerQuiz({ sessionId: session.id, questionId: match.id, given })).toMatchObject({
      correct: false,
      credit: { right: n - 2, of: n },
    });
    const summary = await first.api.finishQuiz({ sessionId: session.id });
    expect(summary).toMatchObject({ correct: 0, score: (n - 2) / n });

    // A quiz.json written before partial credit (no credit field) opens as it was, all or nothing.
    const file = path.join(first.dataDir, 'quiz.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.sessions.push({
      ...data.sessions[0],
      id: 'old',
      answers: [{ questionId: match.id, given, correct: false, at: '2025-01-01T00:00:00.000Z' }],
    });
    writeFileSync(file, JSON.stringify(data));
    closeSampleLibrary(first.storage);
    const again = await setup(first.dataDir);
    const listed = await again.api.listQuizSessions({});
    expect(listed.find((s) => s.id === session.id)).toMatchObject({ score: (n - 2) / n });
    expect(listed.find((s) => s.id === 'old')).toMatchObject({ correct: 0, score: 0 });
    expect((await again.api.getQuizSession({ id: session.id })).answers[0]?.credit).toEqual({ right: n - 2, of: n });
  });

  it('never asks a hidden question again', async () => {
    const { api } = await setup();
    const before = await api.prepareQuiz({ documentIds: ['sample'], seed: 'h' });
    const victim = before.questions[0];
    if (!victim) throw new Error('no questions');
    await api.hideQuestion({ questionId: victim.id });
    const after = await api.prepareQuiz({ documentIds: ['sample'], seed: 'h' });
    expect(after.questions.some((q) => q.id === victim.id)).toBe(false);
    expect(after.questions.length).toBe(before.questions.length - 1);
  });

  it('refuses unknown documents and sessions with typed errors', async () => {
    const { api } = await setup();
    expect(await dispatch(api, 'startQuiz', { documentIds: ['missing'] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(api, 'startQuiz', { documentIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'answerQuiz', { sessionId: 'nope', questionId: 'q', given: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});
