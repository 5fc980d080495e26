/**
 * Studying across articles over a real library on disk with invented articles: the documents of a collection, of last
 * week's reading (in the reader's days) and of one actor, and quizzes on them: questions that need two articles,
 * each naming both, and the actor quiz asking only about its actor.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { numbered, serviceHarness } from './test-service-harness';
import { EARLY_ARTICLE as EARLY, LATER_ARTICLE as LATER } from '../../core/quiz/test-cross-articles';

const harness = serviceHarness('study');

const OTHER = 'Parliament in Oslo voted on the fishing budget in June. The vote was close.';

async function setup(zone = 'Asia/Tokyo', start = '2026-03-01T12:00:00.000Z') {
  const { api, clock } = await harness.open({ start, zone, newId: numbered() });
  const add = async (text: string, title: string, publishedDate: string) => {
    const doc = await api.importDocument({ text, format: 'text', title, source: 'Herald', publishedDate });
    await api.getAnalysis({ id: doc.id });
    return doc.id;
  };
  return { api, clock, add };
}

describe('what a study quiz draws on', () => {
  it('a collection: its documents, named', async () => {
    const { api, add } = await setup();
    const early = await add(EARLY, 'Quota talks', '2024-03-02');
    await add(OTHER, 'Budget vote', '2024-06-20');
    const later = await add(LATER, 'A station in the north', '2024-06-10');
    const fish = await api.createCollection({ name: 'Fisheries' });
    await api.organiseDocuments({ ids: [early, later], addToCollection: fish.id });
    const plan = await api.planStudy({ scope: { kind: 'collection', collectionId: fish.id } });
    expect(plan.label).toBe('Collection “Fisheries”');
    expect([...plan.documentIds].sort()).toEqual([early, later].sort());
    expect(await dispatch(api, 'planStudy', { scope: { kind: 'collection', collectionId: 'nope' } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it("last week's reading: documents added or read in the reader's last seven days, most recent first", async () => {
    const { api, clock, add } = await setup('Asia/Tokyo', '2026-02-01T12:00:00.000Z');
    const old = await add(OTHER, 'Old, reread', '2024-06-20');
    const never = await add(EARLY, 'Old, never opened again', '2024-03-02');
    clock.now = new Date('2026-03-06T03:00:00.000Z');
    const added = await add(LATER, 'Added this week', '2024-06-10');
    clock.now = new Date('2026-03-08T10:00:00.000Z');
    await api.saveReadingPosition({ id: old, offset: 10, progress: 0.5 });
    // 02:00 on 10 March in Tokyo: still the 9th's study day, whose week began at 04:00 on 3 March.
    clock.now = new Date('2026-03-09T17:00:00.000Z');
    const plan = await api.planStudy({ scope: { kind: 'recent' } });
    expect(plan).toMatchObject({ label: 'Last week’s reading', since: '2026-03-03' });
    expect(plan.documentIds).toEqual([old, added]);
    expect(plan.documentIds).not.toContain(never);
    // Eight days later nothing is recent.
    clock.now = new Date('2026-03-17T17:00:00.000Z');
    expect((await api.planStudy({ scope: { kind: 'recent' } })).documentIds).toEqual([]);
  });

  it("an actor: the documents holding them, across the library's identities", async () => {
    const { api, add } = await setup();
    const early = await add(EARLY, 'Quota talks', '2024-03-02');
    await add(OTHER, 'Budget vote', '2024-06-20');
    const later = await add(LATER, 'A station in the north', '2024-06-10');
    const [found] = await api.findActors({ query: 'Maria Lindqvist' });
    const plan = await api.planStudy({ scope: { kind: 'actor', key: found!.key } });
    expect(plan.label).toBe('Maria Lindqvist');
    expect(plan.actor).toEqual({ key: found!.key, name: 'Maria Lindqvist' });
    expect([...plan.documentIds].sort()).toEqual([early, later].sort());
    const byMember = await api.planStudy({
      scope: { kind: 'actor', documentId: early, actorId: 'person:maria-lindqvist' },
    });
    expect(byMember.actor?.key).toBe(found!.key);
    expect(await dispatch(api, 'planStudy', { scope: { kind: 'actor', key: 'person:nobody' } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('quizzes across articles', () => {
  it('asks how the later article describes the actor, and which event came first, naming both articles', async () => {
    const { api, add } = await setup();
    const early = await add(EARLY, 'Quota talks', '2024-03-02');
    const later = await add(LATER, 'A station in the north', '2024-06-10');
    const session = await api.startQuiz({
      documentIds: [early, later],
      kinds: ['role-change', 'event-order'],
      label: 'Collection “Fisheries”',
    });
    expect(session.label).toBe('Collection “Fisheries”');
    const change = session.questions.find((q) => q.kind === 'role-change');
    expect(change?.prompt).toBe(
      'In “Quota talks” (March 2, 2024), Maria Lindqvist was described as Swedish ambassador to Norway; by “A station in the north” (June 10, 2024), as what?',
    );
    expect(change).toMatchObject({ documentId: later, documentTitle: 'A station in the north' });
    expect(change?.answer).toBe('European environment commissioner');
    const order = session.questions.find((q) => q.kind === 'event-order');
    expect(order?.items?.map((i) => i.documentId)).toEqual([early, later]);
    expect(order).toMatchObject({ documentId: early, documentTitle: 'Quota talks' });
    const right = await api.answerQuiz({ sessionId: session.id, questionId: order!.id, given: order!.answer });
    expect(right.correct).toBe(true);
    const wrong = order!.choices.find((c) => c !== order!.answer)!;
    expect((await api.answerQuiz({ sessionId: session.id, questionId: change!.id, given: wrong })).correct).toBe(false);
    expect((await api.finishQuiz({ sessionId: session.id })).label).toBe('Collection “Fisheries”');
  });

  it('asks no question across articles from one article, or about an actor the question is not about', async () => {
    const { api, add } = await setup();
    const early = await add(EARLY, 'Quota talks', '2024-03-02');
    const later = await add(LATER, 'A station in the north', '2024-06-10');
    expect(
      await dispatch(api, 'startQuiz', { documentIds: [early], kinds: ['role-change', 'event-order'] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const [holm] = await api.findActors({ query: 'Petra Holm' });
    const quiz = await api.prepareQuiz({ documentIds: [early, later], actor: holm!.key, seed: 's' });
    expect(quiz.questions.length).toBeGreaterThan(0);
    expect(quiz.questions.some((q) => q.kind === 'role-change' || q.kind === 'event-order')).toBe(false);
    for (const q of quiz.questions) expect(`${q.prompt} ${q.answer} ${q.evidence.text}`).toMatch(/Holm/);
  });

  it('the actor quiz asks about its actor in every article, the change of role included', async () => {
    const { api, add } = await setup();
    const early = await add(EARLY, 'Quota talks', '2024-03-02');
    const later = await add(LATER, 'A station in the north', '2024-06-10');
    const [maria] = await api.findActors({ query: 'Maria Lindqvist' });
    const quiz = await api.prepareQuiz({ documentIds: [early, later], actor: maria!.key, seed: 's' });
    expect(quiz.questions.some((q) => q.kind === 'role-change')).toBe(true);
    expect(new Set(quiz.questions.map((q) => q.documentId))).toEqual(new Set([early, later]));
    for (const q of quiz.questions) expect(`${q.prompt} ${q.answer} ${q.evidence.text}`).toMatch(/Lindqvist/);
  });
});
