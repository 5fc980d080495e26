import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { DueCountsState } from './due-counts.svelte';
import { QuizState } from './quiz.svelte';
import { TodayState } from './today.svelte';
import { EARLY_ARTICLE as EARLY, LATER_ARTICLE as LATER } from '@core/quiz/test-cross-articles';

afterEach(closeSampleLibraries);

/** The sample library with two invented articles on one official, analysed, in a collection. */
async function library() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const add = async (text: string, title: string, publishedDate: string) => {
    const doc = await client.importDocument({ text, format: 'text', title, source: 'Herald', publishedDate });
    await client.getAnalysis({ id: doc.id });
    return doc.id;
  };
  const early = await add(EARLY, 'Quota talks', '2024-03-02');
  const later = await add(LATER, 'A station in the north', '2024-06-10');
  const fish = await client.createCollection({ name: 'Fisheries' });
  await client.organiseDocuments({ ids: [early, later], addToCollection: fish.id });
  const quiz = new QuizState(client);
  await quiz.load();
  return { client, quiz, early, later, fish };
}

describe('QuizState studying across articles', () => {
  it('studies a collection: its articles chosen, its name kept with the session, questions across them', async () => {
    const { quiz, early, later, fish } = await library();
    expect(quiz.collections.map((c) => c.name)).toEqual(['Fisheries']);
    expect(await quiz.useStudy({ kind: 'collection', collectionId: fish.id })).toBe(true);
    expect(quiz.study?.label).toBe('Collection “Fisheries”');
    expect([...quiz.selected].sort()).toEqual([early, later].sort());
    quiz.kinds = ['role-change', 'event-order'];
    await quiz.start();
    expect(quiz.error).toBeNull();
    expect(quiz.session?.label).toBe('Collection “Fisheries”');
    expect(quiz.session?.questions.map((q) => q.kind).sort()).toEqual(['event-order', 'role-change']);
    quiz.clearStudy();
    expect(quiz.study).toBeNull();
  });

  it('finds an actor and asks only about them', async () => {
    const { quiz } = await library();
    await quiz.findActors('Lindq');
    expect(quiz.actorResults.map((a) => a.name)).toEqual(['Maria Lindqvist']);
    await quiz.useStudy({ kind: 'actor', key: quiz.actorResults[0]!.key });
    expect(quiz.study?.actor?.name).toBe('Maria Lindqvist');
    quiz.count = 10;
    await quiz.showPreview();
    expect(quiz.preview.length).toBeGreaterThan(0);
    for (const q of quiz.preview) expect(`${q.prompt} ${q.answer} ${q.evidence.text}`).toMatch(/Lindqvist/);
    await quiz.findActors('');
    expect(quiz.actorResults).toEqual([]);
  });

  it('says so when the scope holds no article, and keeps the articles chosen', async () => {
    const { client, quiz } = await library();
    const empty = await client.createCollection({ name: 'Empty' });
    const before = [...quiz.selected];
    expect(await quiz.useStudy({ kind: 'collection', collectionId: empty.id })).toBe(false);
    expect(quiz.error).toBe('Collection “Empty” holds no articles yet.');
    expect(quiz.selected).toEqual(before);
    expect(quiz.study).toBeNull();
  });
});

describe('TodayState', () => {
  it('shows the cards, then runs a five-question quiz on last week’s reading, done once finished', async () => {
    const { client, quiz } = await library();
    await client.createCard({ kind: 'basic', front: 'Who opened the station?', back: 'Maria Lindqvist' });
    const today = new TodayState(
      client,
      quiz,
      new DueCountsState(client),
      () => 4,
      () => new Date('2026-06-01T09:30:00Z'),
    );
    await today.load();
    expect(today.error).toBeNull();
    expect(today.cards).toBe('todo');
    expect(today.cardsLeft).toBe(1);
    expect(today.plan?.documentIds).toHaveLength(3); // everything was added this morning
    expect(today.quizPart).toBe('todo');
    expect(await today.startQuiz()).toBe(true);
    expect(today.quizRunning).toBe(true);
    expect(quiz.session?.questions.length).toBeLessThanOrEqual(5);
    while (quiz.phase === 'asking') {
      await quiz.answer(quiz.current!.answer);
      await quiz.next();
    }
    expect(quiz.phase).toBe('results');
    await today.quizFinished();
    expect(today.quizRunning).toBe(false);
    expect(today.quizPart).toBe('done');
    expect(today.todaysQuiz?.total).toBe(quiz.session?.questions.length);
  });

  it('lets either part be skipped', async () => {
    const { client, quiz } = await library();
    const later = () => new Date('2026-06-20T09:30:00Z');
    const today = new TodayState(client, quiz, new DueCountsState(client), () => 4, later);
    await today.load();
    expect(today.cards).toBe('done'); // no cards at all
    today.skipCards();
    expect(today.cards).toBe('skipped');
    today.skipQuiz();
    expect(today.quizPart).toBe('skipped');
  });
});
