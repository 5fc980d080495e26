import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { DueCountsState } from './due-counts.svelte';
import { ReviewState } from './review.svelte';

afterEach(closeSampleLibraries);

/** The Review screen's state over the real service, with two new cards to study, loaded. */
async function review() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const due = new DueCountsState(client);
  const first = await client.createCard({ kind: 'basic', front: 'Who met in Lisbon?', back: 'The ministers' });
  const second = await client.createCard({ kind: 'basic', front: 'When did they agree?', back: 'On Monday' });
  const state = new ReviewState(client, due);
  await state.load();
  return { state, client, due, ids: [first.card.id, second.card.id] };
}

describe('ReviewState', () => {
  it('loads the queue, question side up, and sets the app’s due count from it', async () => {
    const { state, due, ids } = await review();
    expect(state.error).toBeNull();
    expect(state.queue?.cards.map((item) => item.card.id).sort()).toEqual([...ids].sort());
    expect(state.current).not.toBeNull();
    expect(state.revealed).toBe(false);
    expect(state.progress).toBe(0);
    expect(due.counts).toMatchObject({ due: 0, fresh: 2 });
  });

  it('says why the queue could not be loaded', async () => {
    const client = createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() }));
    const state = new ReviewState(client, new DueCountsState(client));
    await state.load();
    expect(state.error).toMatch(/not answering/);
    expect(state.current).toBeNull();
    expect(state.progress).toBe(1);
  });

  it('shows the answer; grading needs it shown first', async () => {
    const { state } = await review();
    await state.grade(3);
    expect(state.reviewed).toBe(0);
    state.reveal();
    expect(state.revealed).toBe(true);
    expect(state.status).toBe('Answer shown');
  });

  it('grades the card in front: the next comes question side up, progress and the due count follow', async () => {
    const { state, client, due } = await review();
    const graded = state.current?.card.id;
    state.reveal();
    await state.grade(3);
    expect(state.error).toBeNull();
    expect(state.reviewed).toBe(1);
    expect(state.last).toMatchObject({ cardId: graded, grade: 3 });
    expect(state.revealed).toBe(false);
    expect(state.status).toMatch(/^Graded Good; next due /);
    expect(state.current?.card.id).not.toBe(graded);
    expect(state.progress).toBe(0.5);
    expect(due.counts?.fresh).toBe(1);
    expect((await client.getReviewQueue({})).cards.map((item) => item.card.id)).not.toContain(graded);
  });

  it('Undo brings the graded card back first, as a question, and forgets the grade', async () => {
    const { state, client } = await review();
    state.reveal();
    const graded = state.current?.card.id;
    await state.grade(1);
    await state.undo();
    expect(state.status).toBe('Undid: Again');
    expect(state.current?.card.id).toBe(graded);
    expect(state.revealed).toBe(false);
    expect(state.reviewed).toBe(0);
    expect(state.last).toBeNull();
    expect((await client.getReviewQueue({})).cards).toHaveLength(2);
  });

  it('a grade of a card deleted meanwhile says why, and the queue is read again without it', async () => {
    const { state, client } = await review();
    const gone = state.current?.card.id ?? '';
    await client.deleteCard({ id: gone });
    state.reveal();
    await state.grade(3);
    expect(state.error).toBe(`There is no card ${gone}; it may have been deleted.`);
    expect(state.reviewed).toBe(0);
    expect(state.queue?.cards.map((item) => item.card.id)).not.toContain(gone);
  });

  it('saves an edit of the card in front and shows it, answer still shown', async () => {
    const { state, client } = await review();
    const id = state.current?.card.id ?? '';
    state.reveal();
    expect(await state.edit({ front: 'Who met in Lisbon in May?', back: 'The ministers', tags: ['lisbon'] })).toBe(
      true,
    );
    expect(state.status).toBe('Card saved');
    expect(state.current?.card).toMatchObject({ id, front: 'Who met in Lisbon in May?', tags: ['lisbon'] });
    expect(state.revealed).toBe(true);
    expect((await client.listCards({})).find((view) => view.card.id === id)?.card.front).toBe(
      'Who met in Lisbon in May?',
    );
  });

  it('saves a draft as it is typed without moving the queue; a card that is gone resolves false', async () => {
    const { state, client } = await review();
    const id = state.current?.card.id ?? '';
    const queue = state.queue;
    expect(await state.saveDraft(id, { front: 'Who met', back: 'The ministers', tags: [] })).toBe(true);
    expect(state.queue).toBe(queue);
    expect((await client.listCards({})).find((view) => view.card.id === id)?.card.front).toBe('Who met');
    expect(await state.saveDraft('nowhere', { front: 'x', back: 'y', tags: [] })).toBe(false);
    expect(state.error).toBe('There is no card nowhere; it may have been deleted.');
  });

  it('with no card in front, an edit is not made and Undo does nothing', async () => {
    const { state, client, ids } = await review();
    for (const id of ids) await client.deleteCard({ id });
    await state.load();
    expect(state.current).toBeNull();
    expect(await state.edit({ front: 'x', back: 'y', tags: [] })).toBe(false);
    await state.undo();
    expect(state.status).toBe('');
  });
});
