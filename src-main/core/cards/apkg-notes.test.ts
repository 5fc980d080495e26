import { describe, expect, it } from 'vitest';
import type { Block } from '../model';
import type { ScheduleState } from './card';
import { ankiSchedule, DEFAULT_DECAY, revlogRow } from './anki-schedule';
import { clozeOrds, deckId, plainText } from './apkg-collection';
import { fieldHtml, lectioLink } from './anki-note-type';
import { picturesNear } from './card-pictures';
import { utcDayOf } from './days';

const image = (at: number, id: string): Block => ({ kind: 'image', start: at, end: at, image: { id, alt: id } });
const para = (start: number, end: number): Block => ({ kind: 'paragraph', start, end });
const caption = (start: number, end: number): Block => ({ kind: 'caption', start, end });

describe('the pictures that go with a card', () => {
  // Text: [0,10) para A, picture p1 + caption [10,20), [20,30) para B, picture p2, [30,40) para C, far picture p3.
  const blocks = [
    para(0, 10),
    image(10, 'p1'),
    caption(10, 20),
    para(20, 30),
    image(30, 'p2'),
    para(30, 40),
    para(40, 50),
    image(50, 'p3'),
  ];
  it.each([
    ['a passage after a captioned picture gets it, and the one right after its paragraph', 22, 28, ['p1', 'p2']],
    ['a passage in the caption gets its picture', 12, 18, ['p1']],
    ['a passage before a picture gets it', 2, 8, ['p1']],
    ['a passage just before the last picture gets it, none further away', 42, 48, ['p3']],
    ['a passage across two paragraphs gets the picture between them', 25, 35, ['p1', 'p2']],
  ])('%s', (_name, start, end, ids) => {
    expect(picturesNear(blocks, start, end).map((p) => p.imageId)).toEqual(ids);
  });
  it('gets nothing for a passage with text between it and every picture, or that no block holds', () => {
    expect(picturesNear([para(0, 10), para(10, 20), image(20, 'p')], 2, 8)).toEqual([]);
    expect(picturesNear([image(0, 'p')], 0, 5)).toEqual([]);
  });
});

const TIMING = { dayOf: utcDayOf, today: '2026-05-01', desiredRetention: 0.9 };
function state(change: Partial<ScheduleState>): ScheduleState {
  return {
    due: '2026-05-01T00:00:00.000Z',
    stability: 3.2,
    difficulty: 5.1,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 'New',
    lastReview: null,
    ...change,
  };
}

describe('a schedule in Anki’s columns', () => {
  it('keeps a new card new, in the order Lectio made it, with no memory', () => {
    expect(ankiSchedule(state({}), false, 7, TIMING)).toMatchObject({ type: 0, queue: 0, due: 7, ivl: 0, data: '{}' });
  });
  it('dates a review card in days from the export’s day, with its FSRS memory', () => {
    const review = state({ state: 'Review', due: '2026-05-11T09:00:00.000Z', scheduledDays: 10, reps: 3, lapses: 1 });
    expect(ankiSchedule(review, false, 1, TIMING)).toEqual({
      type: 2,
      queue: 2,
      due: 10,
      ivl: 10,
      factor: 2500,
      reps: 3,
      lapses: 1,
      left: 0,
      data: `{"s":3.2,"d":5.1,"dr":0.9,"decay":${DEFAULT_DECAY}}`,
    });
  });
  it('puts a short learning step in the intraday queue (an instant) and a day-long one in the day queue', () => {
    const short = state({ state: 'Learning', due: '2026-05-01T10:10:00.000Z', reps: 1 });
    expect(ankiSchedule(short, false, 1, TIMING)).toMatchObject({ type: 1, queue: 1, due: 1777630200, left: 1 });
    const relearn = state({ state: 'Relearning', due: '2026-05-03T10:00:00.000Z', scheduledDays: 2, reps: 4 });
    expect(ankiSchedule(relearn, false, 1, TIMING)).toMatchObject({ type: 3, queue: 3, due: 2, ivl: 2 });
  });
  it('suspends in Anki a card suspended in Lectio, keeping its type', () => {
    expect(ankiSchedule(state({ state: 'Review', scheduledDays: 3 }), true, 1, TIMING)).toMatchObject({
      type: 2,
      queue: -1,
    });
  });
  it('logs a review with its grade, intervals (negative seconds under a day) and kind', () => {
    const previous = state({});
    const next = state({ state: 'Learning', due: '2026-05-01T10:10:00.000Z', lastReview: '2026-05-01T10:00:00.000Z' });
    const row = revlogRow({ id: 'r', cardId: 'c', grade: 3, reviewedAt: '2026-05-01T10:00:00.000Z', previous, next });
    expect(row).toEqual({ id: 1777629600000, ease: 3, ivl: -600, lastIvl: 0, factor: 0, time: 0, type: 0 });
  });
});

describe('note contents', () => {
  it('escapes the reader’s text as field HTML and keeps line breaks', () => {
    expect(fieldHtml('a < b & "c"\nd')).toBe('a &lt; b &amp; &quot;c&quot;<br>d');
    expect(plainText(fieldHtml('a < b & c'))).toBe('a < b & c');
  });
  it('makes one Anki card per cloze number', () => {
    expect(clozeOrds('{{c2::b}} {{c1::a}} {{c2::c}}')).toEqual([0, 1]);
    expect(clozeOrds('no deletion')).toEqual([0]);
  });
  it('links back to the passage in the Reader’s route', () => {
    expect(lectioLink('doc-1', 5, 20)).toBe('lectio://read/doc-1?at=5-20');
    expect(lectioLink('doc-1', null, null)).toBe('lectio://read/doc-1');
  });
  it('gives a deck the same id in every export', () => {
    expect(deckId('Lectio::A')).toBe(deckId('Lectio::A'));
    expect(deckId('Lectio::A')).not.toBe(deckId('Lectio::B'));
  });
});
