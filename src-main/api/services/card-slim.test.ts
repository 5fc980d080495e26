/**
 * Studying without every card's content in memory: after a restart the due counts, the due cards per document, the
 * statistics and the review queue's order come from the card summaries and the schedule index, and only the cards a
 * page shows (or a grade touches) are read from cards.json. The answers are the same as with every card loaded, and
 * a change to a card (edit, suspend, delete, grade) is reflected at once and after the next restart.
 */
import { describe, expect, it } from 'vitest';
import { REVIEW_PAGE, type LectioApi } from '../contract';
import { numbered, serviceHarness } from './test-service-harness';

const harness = serviceHarness('card-slim');
const TEXT =
  'The council met on Monday.\nIt approved the budget after a long debate.\nThe mayor said the vote was historic.';

const LATER = '2026-05-01T11:00:00.000Z';

function setup(dataDir?: string) {
  return harness.open({
    start: dataDir ? LATER : '2026-05-01T10:00:00.000Z',
    newId: numbered(),
    scheduleFuzz: false,
    zone: 'UTC',
    ...(dataDir ? { dataDir } : {}),
  });
}

/** Everything the study screens ask for, as plain data to compare. */
async function studyAnswers(api: LectioApi) {
  const queue = await api.getReviewQueue({});
  return {
    counts: await api.getDueCounts({}),
    byDocument: await api.getDueByDocument({}),
    queue: { ...queue, cards: queue.cards.map((item) => ({ ...item })) },
    stats: await api.getCardStats({}),
  };
}

describe('studying from the card summaries', () => {
  it('answers the due counts, the queue and the statistics without loading cards.json whole, as the loaded cards do', async () => {
    const { api, storage, dataDir, clock } = await setup();
    const doc = await api.importDocument({ text: TEXT, format: 'text', title: 'Council' });
    const other = await api.importDocument({ text: TEXT, format: 'text', title: 'Council again' });
    const ids: string[] = [];
    // More than a page, with text of several bytes per character (the file is read by byte offset), some from no
    // document, some from each of two documents.
    for (let index = 0; index < REVIEW_PAGE + 8; index++) {
      const source = index % 3 === 2 ? undefined : { documentId: index % 3 ? other.id : doc.id, start: 0, end: 10 };
      const card = await api.createCard({
        kind: 'basic',
        front: `Qu’a décidé le conseil ${index}? 🗳️`,
        back: `Le budget — ${'é'.repeat(index)}`,
        ...(source ? { source } : {}),
      });
      ids.push(card.card.id);
    }
    for (const id of ids.slice(0, 6)) await api.gradeCard({ id, grade: 1 });
    await api.updateCard({ id: ids[6] as string, suspended: true });
    await api.updateCard({ id: ids[7] as string, front: 'Edited: what did the council approve?' });
    await api.deleteCard({ id: ids[8] as string });
    // An hour on, the six cards failed are due again.
    clock.now = new Date(LATER);
    const loaded = await studyAnswers(api);
    expect(loaded.counts.due).toBe(6);
    expect(Object.values(loaded.byDocument).reduce((a, b) => a + b, 0)).toBe(4);
    harness.close(storage);

    const again = await setup(dataDir);
    const slim = await studyAnswers(again.api);
    expect(slim).toEqual(loaded);
    expect(slim.queue.cards).toHaveLength(REVIEW_PAGE);
    expect(slim.queue.cards.some((item) => item.card.front === 'Edited: what did the council approve?')).toBe(true);
    expect(slim.queue.cards.map((item) => item.card.id)).not.toContain(ids[6]);
    // Grading and undoing read the one card they touch.
    const graded = await again.api.gradeCard({ id: ids[0] as string, grade: 3 });
    expect(graded.card.card.back).toBe('Le budget — ');
    expect((await again.api.getDueCounts({})).due).toBe(5);
    await again.api.undoGrade({ reviewId: graded.reviewId });
    expect((await again.api.getDueCounts({})).due).toBe(6);
    expect(again.storage.cards.isReady).toBe(false);

    // A screen that shows every card loads them; a change then updates what the counts are made from.
    expect(await again.api.listCards({})).toHaveLength(ids.length - 1);
    expect(again.storage.cards.isReady).toBe(true);
    await again.api.updateCard({ id: ids[1] as string, suspended: true });
    await again.api.deleteCard({ id: ids[2] as string });
    await again.api.updateCard({ id: ids[6] as string, suspended: false });
    const changed = await studyAnswers(again.api);
    expect(changed.counts.due).toBe(4);
    expect(changed.counts.dueIds).not.toContain(ids[1]);
    harness.close(again.storage);

    const third = await setup(dataDir);
    expect(await studyAnswers(third.api)).toEqual(changed);
    expect(third.storage.cards.isReady).toBe(false);
  });
});
