import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionKind } from '../../core/quiz/types';
import type { LectioApi } from '../contract';
import { dispatch } from '../dispatch';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary, sampleText } from './test-sample-service';

const setup = openSampleLibrary;

/** A session of every question of `kind` the sample gives, and the first one matching `pick`. */
async function askedAbout(
  api: LectioApi,
  kind: QuestionKind,
  pick: (q: { about?: { actor?: string; role?: string; date?: object } }) => boolean,
) {
  const session = await api.startQuiz({ documentIds: ['sample'], seed: `fb-${kind}`, kinds: [kind] });
  const question = session.questions.find(pick);
  if (!question) throw new Error(`the sample gives no ${kind} question`);
  return { session, question };
}

afterEach(closeSampleLibraries);

describe('"This question is wrong"', () => {
  it('"not an actor" removes the actor from the analysis and from every later quiz of the document', async () => {
    const { api } = await setup();
    const { session, question } = await askedAbout(api, 'who', (q) => Boolean(q.about?.actor));
    const actor = question.about?.actor as string;
    expect((await api.getAnalysis({ id: 'sample' })).actors.some((a) => a.id === actor)).toBe(true);

    const result = await api.hideQuestion({ questionId: question.id, sessionId: session.id, reason: 'not-an-actor' });
    expect(result.corrected).toBe(`${question.answer} is no longer listed as an actor.`);

    expect((await api.getAnalysis({ id: 'sample' })).actors.some((a) => a.id === actor)).toBe(false);
    const next = await api.prepareQuiz({ documentIds: ['sample'], seed: 'after' });
    expect(next.questions.length).toBeGreaterThan(0);
    expect(next.questions.filter((q) => q.about?.actor === actor)).toEqual([]);
    expect(next.questions.filter((q) => q.kind === 'who' && q.answer === question.answer)).toEqual([]);

    // Listed as set aside, and the reader can put it back.
    expect((await api.getAnalysis({ id: 'sample' })).setAside.actors).toEqual([{ id: actor, name: question.answer }]);
    const restored = await api.correctAnalysis({ id: 'sample', correction: { kind: 'restore-actor', actor } });
    expect(restored.actors.some((a) => a.id === actor)).toBe(true);
    expect(restored.setAside.actors).toEqual([]);
  });

  it('"wrong role" drops that role from that actor, and it is never asked again', async () => {
    const { api } = await setup();
    const { session, question } = await askedAbout(api, 'role', (q) => Boolean(q.about?.actor && q.about.role));
    const { actor, role } = question.about as { actor: string; role: string };

    await api.hideQuestion({ questionId: question.id, sessionId: session.id, reason: 'wrong-role' });

    const shown = (await api.getAnalysis({ id: 'sample' })).actors.find((a) => a.id === actor);
    expect(shown).toBeDefined();
    expect(shown?.roles).not.toContain(role);
    const next = await api.prepareQuiz({ documentIds: ['sample'], seed: 'after', kinds: ['role', 'match'] });
    expect(next.questions.filter((q) => q.about?.actor === actor && q.about.role === role)).toEqual([]);
    expect(
      next.questions.flatMap((q) => q.items ?? []).filter((item) => item.label === shown?.name && item.match === role),
    ).toEqual([]);

    const restored = await api.correctAnalysis({ id: 'sample', correction: { kind: 'restore-role', actor, role } });
    expect(restored.actors.find((a) => a.id === actor)?.roles).toContain(role);
    expect(restored.setAside.roles).toEqual([]);
  });

  it('"wrong date" takes the date mention out of the dates, and it is never asked again', async () => {
    const { api } = await setup();
    const { session, question } = await askedAbout(api, 'when', (q) => Boolean(q.about?.date));
    const { start, end } = question.about?.date as { start: number; end: number };

    const result = await api.hideQuestion({ questionId: question.id, sessionId: session.id, reason: 'wrong-date' });
    expect(result.corrected).toBe(`The date “${sampleText.slice(start, end)}” is no longer listed.`);

    expect((await api.getAnalysis({ id: 'sample' })).dates.some((d) => d.start === start && d.end === end)).toBe(false);
    const next = await api.prepareQuiz({ documentIds: ['sample'], seed: 'after', kinds: ['when'] });
    expect(next.questions.filter((q) => q.about?.date?.start === start && q.about.date.end === end)).toEqual([]);

    expect((await api.getAnalysis({ id: 'sample' })).setAside.dates).toEqual([
      { start, end, text: sampleText.slice(start, end) },
    ]);
    const restored = await api.correctAnalysis({ id: 'sample', correction: { kind: 'restore-date', start, end } });
    expect(restored.dates.some((d) => d.start === start && d.end === end)).toBe(true);
    // Putting back what was never taken out is refused.
    expect(
      await dispatch(api, 'correctAnalysis', { id: 'sample', correction: { kind: 'restore-date', start, end } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('stores the reason with the hidden question, kept across a restart; "wrong answer" and "unclear" only hide', async () => {
    const first = await setup();
    const { session, question } = await askedAbout(first.api, 'who', (q) => Boolean(q.about?.actor));
    const before = await first.api.getAnalysis({ id: 'sample' });
    const other = session.questions.find((q) => q.id !== question.id);
    if (!other) throw new Error('the sample gives one who question only');

    expect(
      await first.api.hideQuestion({ questionId: question.id, sessionId: session.id, reason: 'wrong-answer' }),
    ).toEqual({ hidden: 1 });
    await first.api.hideQuestion({ questionId: other.id, sessionId: session.id, reason: 'unclear' });
    const after = await first.api.getAnalysis({ id: 'sample' });
    expect(after.actors).toEqual(before.actors);
    expect(after.dates).toEqual(before.dates);

    closeSampleLibrary(first.storage);
    const again = await setup(first.dataDir);
    const stored = JSON.parse(readFileSync(path.join(first.dataDir, 'quiz.json'), 'utf8'));
    expect(stored.hidden).toEqual([question.id, other.id]);
    expect(stored.reasons).toEqual([
      { questionId: question.id, reason: 'wrong-answer', at: '2026-06-01T09:00:00.000Z', documentId: 'sample' },
      { questionId: other.id, reason: 'unclear', at: '2026-06-01T09:00:00.000Z', documentId: 'sample' },
    ]);
    // The same question regenerated (same fingerprint) is not asked again.
    const next = await again.api.prepareQuiz({ documentIds: ['sample'], seed: 'after', kinds: ['who'] });
    expect(next.questions.some((q) => q.id === question.id || q.id === other.id)).toBe(false);
  });

  it('refuses an unknown reason or a question not in the session, and changes nothing', async () => {
    const { api, dataDir } = await setup();
    const { session, question } = await askedAbout(api, 'who', (q) => Boolean(q.about?.actor));
    expect(
      await dispatch(api, 'hideQuestion', { questionId: question.id, sessionId: session.id, reason: 'boring' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(
      await dispatch(api, 'hideQuestion', { questionId: 'q-nope', sessionId: session.id, reason: 'not-an-actor' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'quiz.json'), 'utf8')).hidden).toEqual([]);
  });
});
