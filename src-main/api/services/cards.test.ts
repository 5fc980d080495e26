import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rating, createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/cards/days';
import { readerDayOf, startOfReaderDay } from '../../core/cards/reader-day';
import { fromFsrsCard } from '../../core/cards/schedule';
import { throughAnki } from '../../core/cards/test-anki-desktop';
import { REVIEW_PAGE, type LectioApi } from '../contract';
import { dispatch } from '../dispatch';
import { numbered, serviceHarness } from './test-service-harness';

/** The reader's day in the tests that count days: UTC (given to the service), starting at the default 4 am. */
const UTC_DAY = { zone: 'UTC', rolloverHour: 4 };
const TEXT =
  'The council met on Monday.\nIt approved the budget after a long debate.\nThe mayor said the vote was historic.';

const harness = serviceHarness('cards');

function setup(dataDir?: string, zone?: string) {
  return harness.open({
    start: '2026-05-01T10:00:00.000Z',
    newId: numbered(),
    scheduleFuzz: false,
    ...(dataDir ? { dataDir } : {}),
    ...(zone ? { zone } : {}),
  });
}

function range(quote: string) {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length };
}

async function withHighlight(api: LectioApi, quote = 'the budget') {
  const doc = await api.importDocument({ text: TEXT, format: 'text', title: 'Council' });
  const highlight = await api.createHighlight({
    documentId: doc.id,
    ...range(quote),
    color: 3,
    note: 'The key vote',
    tags: ['budget'],
  });
  return { doc, highlight };
}

describe('cards service', () => {
  it('makes a cloze from a highlight in one step: the words blanked in their sentence, the note on the back', async () => {
    const { api } = await setup();
    const { doc, highlight } = await withHighlight(api);
    const made = await api.createCardFromHighlight({ documentId: doc.id, highlightId: highlight.id });
    expect(made.created).toBe(true);
    expect(made.card.card).toMatchObject({
      kind: 'cloze',
      front: 'It approved {{c1::the budget}} after a long debate.',
      back: 'The key vote',
      tags: ['budget'],
      color: 3,
      highlightId: highlight.id,
    });
    expect(made.card.source).toMatchObject({
      documentId: doc.id,
      documentTitle: 'Council',
      anchor: range('It approved the budget after a long debate.'),
      passage: 'It approved the budget after a long debate.',
    });
    expect(made.card.schedule).toMatchObject({ state: 'New', reps: 0 });
    const again = await api.createCardFromHighlight({ documentId: doc.id, highlightId: highlight.id });
    expect(again.created).toBe(false);
    expect(await api.listCards({})).toHaveLength(1);
  });

  it('validates cards: bad arguments and bad content are typed errors', async () => {
    const { api } = await setup();
    const doc = await api.importDocument({ text: TEXT, format: 'text' });
    const cases: [unknown, string][] = [
      [{ kind: 'basic', front: 'Q' }, 'invalid-argument'],
      [{ kind: 'basic', front: '  ', back: 'A' }, 'invalid-argument'],
      [{ kind: 'basic', front: 'Q', back: '' }, 'invalid-argument'],
      [{ kind: 'cloze', cloze: 'no deletion here' }, 'invalid-argument'],
      [{ kind: 'cloze', front: 'Q', back: 'A' }, 'invalid-argument'],
      [{ kind: 'image', front: 'Q', back: 'A' }, 'invalid-argument'],
      [{ kind: 'basic', front: 'Q', back: 'A', source: { documentId: doc.id, start: 5, end: 2 } }, 'invalid-argument'],
      [
        { kind: 'basic', front: 'Q', back: 'A', source: { documentId: doc.id, start: 0, end: 10_000 } },
        'invalid-argument',
      ],
      [{ kind: 'basic', front: 'Q', back: 'A', source: { documentId: 'missing', start: 0, end: 3 } }, 'not-found'],
      [{ kind: 'basic', front: 'Q', back: 'A', extra: true }, 'invalid-argument'],
    ];
    for (const [input, code] of cases)
      expect(await dispatch(api, 'createCard', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code },
      });
    expect(await dispatch(api, 'gradeCard', { id: 'nope', grade: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'gradeCard', { id: 'x', grade: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await api.listCards({})).toEqual([]);

    const made = await dispatch(api, 'createCard', {
      kind: 'basic',
      front: 'Who met on Monday?',
      back: 'The council',
      source: { documentId: doc.id, ...range('The council met on Monday.') },
      tags: ['#quiz'],
    });
    expect(made).toMatchObject({
      ok: true,
      value: { card: { kind: 'basic', tags: ['quiz'] }, source: { passage: 'The council met on Monday.' } },
    });
    expect(await dispatch(api, 'updateCard', { id: 'id2', back: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('keeps the review log in its own files: grading appends a line to reviews/ and leaves cards.json untouched', async () => {
    const { api, dataDir, clock } = await setup();
    const { doc, highlight } = await withHighlight(api);
    const { card } = await api.createCardFromHighlight({ documentId: doc.id, highlightId: highlight.id });
    const cardsBefore = readFileSync(path.join(dataDir, 'cards.json'), 'utf8');
    const graded = await api.gradeCard({ id: card.card.id, grade: 3 });
    clock.now = new Date(graded.card.schedule.due);
    const second = await api.gradeCard({ id: card.card.id, grade: 3 });
    expect(readFileSync(path.join(dataDir, 'cards.json'), 'utf8')).toBe(cardsBefore);
    const segment = path.join(dataDir, 'reviews', '000001.jsonl');
    const lines = () =>
      readFileSync(segment, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    expect(lines().map((r: { grade: number; cardId: string }) => [r.cardId, r.grade])).toEqual([
      [card.card.id, 3],
      [card.card.id, 3],
    ]);
    expect(second.card.schedule.state).toBe('Review');

    // Undo drops the record (by its position, in reviews/drops.jsonl), so the card's schedule is the one before.
    const undone = await api.undoGrade({ reviewId: second.reviewId });
    expect(undone.schedule).toEqual(graded.card.schedule);
    expect(lines()).toHaveLength(2);
    const drops = readFileSync(path.join(dataDir, 'reviews', 'drops.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(drops.map((line) => JSON.parse(line))).toEqual([
      { segment: '000001.jsonl', offset: Buffer.byteLength(`${JSON.stringify(lines()[0])}\n`) },
    ]);
    expect(await dispatch(api, 'undoGrade', { reviewId: second.reviewId })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('schedules exactly as ts-fsrs does for the same sequence (fuzz off), and the schedule survives a restart', async () => {
    const first = await setup(undefined, 'UTC');
    const created = await first.api.createCard({ kind: 'basic', front: 'Q', back: 'A' });
    const reference = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false }));
    let expected = createEmptyCard(first.clock.now);
    const steps: [1 | 2 | 3 | 4, number][] = [
      [3, 0],
      [3, 600_000],
      [1, 3 * 86_400_000],
      [3, 600_000],
      [4, 2 * 86_400_000],
    ];
    const ratings = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy } as const;
    for (const [grade, after] of steps) {
      first.clock.now = new Date(first.clock.now.getTime() + after);
      const result = await first.api.gradeCard({ id: created.card.id, grade });
      expected = reference.next(expected, first.clock.now, ratings[grade]).card;
      const want = fromFsrsCard(expected);
      // Days counted in UTC from 4 am, where ts-fsrs counts UTC dates: the same at 10:00 UTC. A review card is due at the
      // start of its day, not at the hour of its last review.
      const due =
        expected.scheduled_days >= 1
          ? startOfReaderDay(
              addDays(readerDayOf(UTC_DAY)(first.clock.now), expected.scheduled_days),
              UTC_DAY,
            ).toISOString()
          : want.due;
      expect(result.card.schedule).toEqual({
        state: want.state,
        due,
        reps: want.reps,
        lapses: want.lapses,
        stability: want.stability,
        difficulty: want.difficulty,
        lastReview: want.lastReview,
      });
    }
    const due = (await first.api.listCards({}))[0]?.schedule.due;
    harness.close(first.storage);
    const second = await setup(first.dataDir, 'UTC');
    expect((await second.api.listCards({}))[0]?.schedule.due).toBe(due);
  });

  it('queues due cards, then new ones within the daily limit from settings, and says when the next is due', async () => {
    const { api, clock } = await setup(undefined, 'UTC');
    for (const front of ['one', 'two', 'three']) await api.createCard({ kind: 'basic', front, back: 'x' });
    await api.updateSettings({ review: { desiredRetention: 0.9, newPerDay: 2 } });
    let queue = await api.getReviewQueue({});
    expect(queue.cards.map((c) => c.card.front)).toEqual(['one', 'two']);
    expect(queue.newWaiting).toBe(1);
    expect(queue.cards[0]?.options.map((o) => o.label)).toEqual(['1m', '6m', '10m', '8d']);
    await api.gradeCard({ id: queue.cards[0]!.card.id, grade: 4 });
    await api.gradeCard({ id: queue.cards[1]!.card.id, grade: 4 });
    queue = await api.getReviewQueue({});
    expect(queue.cards).toEqual([]);
    expect(queue.newWaiting).toBe(1);
    // Easy set eight days; due at the start of the eighth reader day from now (4 am), as in Anki.
    expect(queue.nextDue).toBe(startOfReaderDay(addDays(readerDayOf(UTC_DAY)(clock.now), 8), UTC_DAY).toISOString());
    const stats = await api.getCardStats({});
    expect(stats).toMatchObject({ total: 3, unseen: 1, dueToday: 0, dueThisWeek: 0, desiredRetention: 0.9 });
    expect(stats.reviewsPerDay.at(-1)?.reviews).toBe(2);
  });

  it('sends the queue a page at a time, saying how many wait; a card asked for comes first', async () => {
    const { api } = await setup(undefined, 'UTC');
    await api.updateSettings({ review: { desiredRetention: 0.9, newPerDay: 100 } });
    for (let i = 1; i <= REVIEW_PAGE + 5; i++) await api.createCard({ kind: 'basic', front: `card ${i}`, back: 'x' });
    const queue = await api.getReviewQueue({});
    expect(queue.cards).toHaveLength(REVIEW_PAGE);
    expect(queue.queued).toBe(REVIEW_PAGE + 5);
    expect(queue.counts.fresh).toBe(REVIEW_PAGE + 5);
    const sent = new Set(queue.cards.map((item) => item.card.id));
    const last = (await api.listCards({})).map((view) => view.card.id).find((id) => !sent.has(id)) ?? '';
    expect(last).not.toBe('');
    const asked = await api.getReviewQueue({ first: last });
    expect(asked.cards).toHaveLength(REVIEW_PAGE);
    expect(asked.cards[0]?.card.id).toBe(last);
    expect(asked.cards.slice(1).map((item) => item.card.id)).toEqual(
      queue.cards.slice(0, REVIEW_PAGE - 1).map((item) => item.card.id),
    );
    // A card that is not queued (or not there) leaves the order as it is.
    expect((await api.getReviewQueue({ first: 'nowhere' })).cards.map((item) => item.card.id)).toEqual(
      queue.cards.map((item) => item.card.id),
    );
  });

  it('counts due and new cards one way for every screen: the queue, the statistics and getDueCounts agree', async () => {
    const { api, clock } = await setup();
    for (const front of ['one', 'two', 'three']) await api.createCard({ kind: 'basic', front, back: 'x' });
    const first = (await api.getReviewQueue({})).cards[0]!.card.id;
    // Good on a new card: a learning step due in ten minutes, so due today but not due now.
    await api.gradeCard({ id: first, grade: 3 });
    const [queue, stats, counts] = [
      await api.getReviewQueue({}),
      await api.getCardStats({}),
      await api.getDueCounts({}),
    ];
    expect(counts).toEqual({ due: 0, fresh: 2, dueIds: [] });
    expect(queue.counts).toEqual(counts);
    expect(stats.now).toEqual(counts);
    expect(stats.dueToday).toBe(1);
    clock.now = new Date(clock.now.getTime() + 11 * 60_000);
    const later = await api.getDueCounts({});
    expect(later).toEqual({ due: 1, fresh: 2, dueIds: [first] });
    expect((await api.getReviewQueue({})).counts).toEqual(later);
    expect((await api.getCardStats({})).now).toEqual(later);
  });

  it('keeps the reader’s time zone beside each grade’s UTC instant; an old log without zones still opens', async () => {
    const { api, dataDir, storage } = await setup();
    const card = await api.createCard({ kind: 'basic', front: 'one', back: 'x' });
    await api.gradeCard({ id: card.card.id, grade: 3 });
    const segment = path.join(dataDir, 'reviews', '000001.jsonl');
    const reviews = readFileSync(segment, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { reviewedAt: string; zone?: string });
    expect(reviews[0]).toMatchObject({
      reviewedAt: '2026-05-01T10:00:00.000Z',
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    harness.close(storage);
    // The log as an older Lectio kept it: one reviews.json, written before the zone was kept. It is converted.
    for (const review of reviews) delete review.zone;
    rmSync(path.join(dataDir, 'reviews'), { recursive: true });
    rmSync(path.join(dataDir, 'card-schedules.idx'), { force: true });
    writeFileSync(path.join(dataDir, 'reviews.json'), JSON.stringify({ schemaVersion: 1, reviews }, null, 1));
    const again = await setup(dataDir);
    expect((await again.api.listCards({}))[0]?.schedule.state).toBe('Learning');
    expect(readdirSync(dataDir).some((name) => name.includes('corrupt'))).toBe(false);
    expect(readdirSync(dataDir)).not.toContain('reviews.json');
    expect(readFileSync(segment, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('deletes and restores a card with its schedule (undo)', async () => {
    const { api } = await setup();
    const made = await api.createCard({ kind: 'cloze', cloze: '{{c1::Paris}} is the capital.', back: '' });
    await api.gradeCard({ id: made.card.id, grade: 3 });
    const removed = await api.deleteCard({ id: made.card.id });
    expect(await api.listCards({})).toEqual([]);
    const restored = await api.restoreCard({ card: removed });
    expect(restored.schedule.reps).toBe(1);
    const suspended = await api.updateCard({ id: made.card.id, suspended: true });
    expect(suspended.card.suspended).toBe(true);
    expect((await api.getReviewQueue({})).cards).toEqual([]);
  });

  it('exports to Anki text and imports it back without duplicates, into this library or another', async () => {
    const first = await setup();
    const { doc, highlight } = await withHighlight(first.api);
    await first.api.createCardFromHighlight({ documentId: doc.id, highlightId: highlight.id });
    await first.api.createCard({
      kind: 'basic',
      front: 'Who said "historic"?',
      back: 'The mayor',
      tags: ['big picture'],
    });
    const file = await first.api.exportCards({});
    expect(file.fileName).toBe('lectio-anki.txt');
    expect(file.content).toContain('Source: “It approved the budget after a long debate.” — Council');
    expect(await first.api.importCards({ content: file.content })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      errors: [],
    });
    expect(await first.api.listCards({})).toHaveLength(2);

    const second = await setup();
    expect(await second.api.importCards({ content: file.content })).toMatchObject({ created: 2, updated: 0 });
    expect(await second.api.importCards({ content: file.content })).toMatchObject({ created: 0, unchanged: 2 });
    const edited = file.content.replace('The mayor', 'The mayor, Ms Lee');
    expect(await second.api.importCards({ content: edited })).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await second.api.listCards({})).map((c) => c.card.back).sort()).toEqual([
      'The key vote',
      'The mayor, Ms Lee',
    ]);
    const reexport = await second.api.exportCards({});
    expect(
      reexport.content
        .split('\n')
        .filter((l) => l.startsWith('lectio-'))
        .map((l) => l.split('\t')[0]),
    ).toEqual(
      file.content
        .split('\n')
        .filter((l) => l.startsWith('lectio-'))
        .map((l) => l.split('\t')[0]),
    );
  });
});

describe("Anki's export of Lectio's cards", () => {
  it.each([
    ['with HTML', true],
    ['without HTML', false],
  ])('%s imports back with every card unchanged', async (_, withHtml) => {
    const { api } = await setup();
    const doc = await api.importDocument({ text: TEXT, format: 'text', title: "L'Assemblée — minutes" });
    const highlight = await api.createHighlight({
      documentId: doc.id,
      ...range('the budget'),
      color: 3,
      note: '',
      tags: [],
    });
    await api.createCardFromHighlight({ documentId: doc.id, highlightId: highlight.id });
    await api.createCard({
      kind: 'basic',
      front: 'Who said it\'s "historic"?',
      back: 'The mayor,\nat 5 < 6 pm',
      tags: ['big picture'],
    });
    const file = await api.exportCards({});
    expect(await api.importCards({ content: throughAnki(file.content, withHtml) })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      errors: [],
    });
  });
});

describe('settings with scheduling', () => {
  it('reads a settings file written before flashcards, with defaults, without moving it aside', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-cards-settings-'));
    const old = { schemaVersion: 1, colorLabels: { '1': 'A', '2': 'B', '3': 'C', '4': 'D', '5': 'E' } };
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(old));
    const { api, storage } = await setup(dataDir);
    expect(storage.notices).toEqual([]);
    expect(await api.getSettings({})).toMatchObject({
      colorLabels: old.colorLabels,
      review: { desiredRetention: 0.9, newPerDay: 20 },
    });
    await api.updateSettings({ review: { desiredRetention: 0.85, newPerDay: 5 } });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
      colorLabels: old.colorLabels,
      review: { desiredRetention: 0.85, newPerDay: 5 },
    });
    expect(await dispatch(api, 'updateSettings', { review: { desiredRetention: 1.5, newPerDay: 5 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('moves an unreadable cards file aside on its first use and says so', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-cards-corrupt-'));
    writeFileSync(path.join(dataDir, 'cards.json'), '{"schemaVersion":1,"cards":[{"id":1}]}');
    const { api, storage } = await setup(dataDir);
    // The card files are read on first use, not when the library opens.
    expect(storage.notices).toEqual([]);
    expect(await api.listCards({})).toEqual([]);
    expect(storage.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/^The flashcards file could not be read and was moved aside to .*cards\.json\.corrupt-/),
    ]);
  });
});
