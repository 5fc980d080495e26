import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../model';
import type { DateMention } from '../extract/types';
import { indexedEvents, type DateIndexEntry, type IndexedEvent } from './date-index';
import { eventKey, libraryTimeline, type TimelineInput } from './library-timeline';

function meta(id: string, publishedDate: string): DocumentMeta {
  return {
    id,
    title: `Title ${id}`,
    source: 'Desk',
    publishedDate,
    addedAt: '2025-01-01T00:00:00Z',
    wordCount: 10,
    origin: 'paste',
  };
}

function event(value: string, text: string, sentence: string, status: IndexedEvent['status'], actors: string[] = []) {
  const start = sentence.indexOf(text);
  const mention: DateMention = {
    text,
    start,
    end: start + text.length,
    value,
    precision: 'day',
    event: sentence,
    eventSpan: { start: 0, end: sentence.length },
    actors,
    status,
  };
  return indexedEvents([mention])[0] as IndexedEvent;
}

const entry = (documentId: string, events: IndexedEvent[], current = true): DateIndexEntry => ({
  documentId,
  stamp: 's',
  current,
  events,
});

const summit = (date: string) =>
  `The ministers of France and Germany will meet in Brussels on ${date} to sign the treaty.`;

function input(entries: DateIndexEntry[], change: Partial<TimelineInput> = {}): TimelineInput {
  return {
    entries,
    documents: ['a', 'b', 'c'].map((id) => meta(id, '2025-01-10')),
    organisation: { a: { tags: [], collections: ['week'], archived: false, position: null, progress: 0 } },
    query: {},
    today: '2026-06-01',
    answers: {},
    limit: 100,
    ...change,
  };
}

describe('libraryTimeline', () => {
  const a = entry('a', [
    event('2025-03-03', '3 March 2025', summit('3 March 2025'), 'expected', ['France', 'Germany']),
    event('1998', '1998', 'The old treaty was signed in 1998.', 'past'),
  ]);
  const b = entry('b', [
    event('2025-03-03', 'March 3, 2025', summit('March 3, 2025'), 'expected', ['FRANCE']),
    // Same date, other words: another event, never merged.
    event('2025-03-03', 'March 3, 2025', 'Germany will meet France in Brussels on March 3, 2025.', 'expected', [
      'Germany',
    ]),
    event('2031', '2031', 'A new summit will be held in 2031.', 'expected'),
  ]);

  it('shows the same event once with every article that reports it, in date order', () => {
    const timeline = libraryTimeline(input([a, b]));
    expect(timeline.events.map((e) => e.value)).toEqual(['1998', '2025-03-03', '2025-03-03', '2031']);
    const merged = timeline.events.find((e) => e.sources.length === 2);
    expect(merged?.sources.map((s) => s.documentId).sort()).toEqual(['a', 'b']);
    expect(merged?.actors.sort()).toEqual(['France', 'Germany']);
    expect(
      timeline.events
        .filter((e) => e.value === '2025-03-03')
        .map((e) => e.sources.length)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('asks "did it happen?" of expected events whose dates have passed, unless an article reports them done', () => {
    const done = entry('c', [event('2025-03-03', '3 March 2025', summit('3 March 2025'), 'past')]);
    const timeline = libraryTimeline(input([a, b]));
    expect(timeline.events.filter((e) => e.toCheck).map((e) => e.value)).toEqual(['2025-03-03', '2025-03-03']);
    expect(timeline.unanswered).toBe(2);
    const reported = libraryTimeline(input([a, b, done]));
    expect(reported.events.find((e) => e.sources.length === 3)?.toCheck).toBe(false);
    // Not before the reader's today has passed the date.
    expect(libraryTimeline(input([a, b], { today: '2025-03-03' })).events.some((e) => e.toCheck)).toBe(false);
  });

  it('carries the answer kept under the event key', () => {
    const key = eventKey(a.events[0] as IndexedEvent);
    const timeline = libraryTimeline(input([a, b], { answers: { [key]: { outcome: 'happened', at: 'x' } } }));
    expect(timeline.events.find((e) => e.key === key)?.answer?.outcome).toBe('happened');
    expect(timeline.unanswered).toBe(1);
  });

  it('filters by collection, actor (case and accents folded), date range and "to check"', () => {
    expect(libraryTimeline(input([a, b], { query: { collection: 'week' } })).events).toHaveLength(2);
    const byActor = libraryTimeline(input([a, b], { query: { actor: 'france' } }));
    expect(byActor.events.map((e) => e.sources.length)).toEqual([2]);
    expect(byActor.actors.map((x) => x.key)).toEqual(['germany', 'france']);
    const ranged = libraryTimeline(input([a, b], { query: { from: '2025-01-01', to: '2030-12-31' } }));
    expect(ranged.events.map((e) => e.value)).toEqual(['2025-03-03', '2025-03-03']);
    expect(libraryTimeline(input([a, b], { query: { toCheck: true } })).events).toHaveLength(2);
  });

  it('counts documents never analysed or analysed for another date, and limits the events', () => {
    const timeline = libraryTimeline(input([a, entry('b', [], false)], { limit: 1 }));
    expect(timeline.analysed).toBe(1);
    expect(timeline.unanalysed.sort()).toEqual(['b', 'c']);
    expect(timeline.events).toHaveLength(1);
    expect(timeline.total).toBe(2);
  });

  it('never merges an event with no words of its own', () => {
    const bare = (id: string) => entry(id, [event('2024', '2024', '2024', 'past')]);
    expect(libraryTimeline(input([bare('a'), bare('b')])).events).toHaveLength(2);
  });
});
