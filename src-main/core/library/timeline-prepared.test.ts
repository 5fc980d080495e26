/**
 * The prepared timeline, kept and queried again and again, must answer every query exactly as the plain way does
 * (test-reference-timeline.ts): the same events in the same order with the same sources, actors, counts and flags.
 * Checked over generated libraries: stories several documents report, actors spelled several ways, documents out of
 * the list, out of date or in another collection, answers, limits, and the service's identity-based actor keys.
 */
import { describe, expect, it } from 'vitest';
import type { DateMention, EventStatus } from '../extract/types';
import type { DocumentMeta } from '../model';
import { foldName, indexedEvents, type DateIndexEntry } from './date-index';
import type { DocumentOrganisation } from './organisation';
import { referenceTimeline } from './test-reference-timeline';
import { prepareTimeline, queryTimeline } from './timeline-prepared';
import type { EventAnswer, TimelineQuery, TimelineRequest } from './timeline-types';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(list: readonly T[]) => list[int(list.length)] as T };
}

const NAMES = ['France', 'FRANCE', 'Élysée', 'elysee', 'Ann Lee', 'Lee', 'Germany', 'Bo Ek', 'bo ek'];
const VERBS = ['signed the treaty', 'met the envoy', 'closed the border', 'held a vote'];
const STATUSES: EventStatus[] = ['past', 'expected', 'unknown'];
const DATES = [
  ['2024', '2024'],
  ['2025-03', 'March 2025'],
  ['2025-03-03', '3 March 2025'],
  ['2026-07-01', '1 July 2026'],
  ['2031', '2031'],
  ['1998', '1998'],
] as const;

function library(seed: number) {
  const r = random(seed);
  const stories = Array.from({ length: 12 }, () => {
    const [value, text] = r.pick(DATES);
    const actors = Array.from({ length: r.int(4) }, () => r.pick(NAMES));
    const bare = r.int(8) === 0;
    const sentence = bare ? text : `${actors.join(' and ') || 'They'} ${r.pick(VERBS)} in ${text}.`;
    return { value, text, sentence, actors };
  });
  const documents: DocumentMeta[] = [];
  const organisation: Record<string, DocumentOrganisation> = {};
  const entries: DateIndexEntry[] = [];
  for (let n = 0; n < 14; n++) {
    const id = `d${n}`;
    // Most listed; an entry of a document no longer listed (deleted, its entry not yet dropped) now and then.
    if (r.int(7) !== 0)
      documents.push({
        id,
        title: `Title ${n}`,
        source: `Desk ${n % 3}`,
        ...(n % 4 === 0 ? { siteName: `Site ${n}` } : {}),
        publishedDate: r.int(5) === 0 ? null : `2025-0${1 + r.int(9)}-1${r.int(9)}`,
        addedAt: '2025-01-01T00:00:00Z',
        wordCount: 10,
        origin: 'paste',
      });
    organisation[id] = {
      tags: [],
      collections: ['c1', 'c2'].filter(() => r.int(2) === 0),
      archived: false,
      position: null,
      progress: 0,
    };
    if (r.int(6) === 0) continue; // never analysed
    let text = '';
    const dates: DateMention[] = [];
    for (let i = 0; i < 1 + r.int(6); i++) {
      const story = r.pick(stories);
      const start = text.length + story.sentence.indexOf(story.text);
      dates.push({
        text: story.text,
        start,
        end: start + story.text.length,
        value: story.value,
        precision: 'day',
        event: story.sentence,
        eventSpan: { start: text.length, end: text.length + story.sentence.length },
        actors: [...story.actors],
        status: r.pick(STATUSES),
      });
      text += `${story.sentence} `;
    }
    entries.push({ documentId: id, stamp: 's', current: r.int(8) !== 0, events: indexedEvents(dates) });
  }
  return { r, documents, organisation, entries };
}

function queries(actors: string[]): TimelineQuery[] {
  const ranges = [
    {},
    { from: '2025-01-01' },
    { to: '2025-03-31' },
    { from: '2025-03-03', to: '2026-12-31' },
    { from: '2040-01-01' },
  ];
  const result: TimelineQuery[] = [];
  for (const range of ranges)
    for (const collection of [null, 'c1', 'c2'])
      for (const actor of [null, ...actors, 'nobody'])
        for (const toCheck of [false, true]) result.push({ ...range, collection, actor, toCheck });
  return result;
}

describe('prepared timeline', () => {
  it('answers every query as the plain way does, prepared once and queried again and again', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { r, documents, organisation, entries } = library(seed);
      // The service's keys depend on the document (an identity per article's actor); the default folds the name.
      const byDocument = (id: string, name: string) =>
        Number(id.slice(1)) % 3 === 0 ? `id:${foldName(name).split(' ').at(-1)}` : `name:${foldName(name)}`;
      for (const actorKey of [undefined, byDocument]) {
        const actorName = actorKey ? (key: string) => (key === 'id:lee' ? 'Ann Lee' : undefined) : undefined;
        const prepared = prepareTimeline(entries, actorKey);
        const all = referenceTimeline({
          entries,
          documents,
          organisation,
          query: {},
          today: '2026-06-01',
          answers: {},
          limit: 1e9,
          actorKey,
          actorName,
        });
        const answers: Record<string, EventAnswer> = {};
        for (const event of all.events) if (r.int(3) === 0) answers[event.key] = { outcome: 'happened', at: 'x' };
        for (const query of queries(all.actors.map((a) => a.key))) {
          const request: TimelineRequest = {
            documents,
            organisation,
            query,
            today: r.pick(['2025-03-03', '2026-06-01']),
            answers,
            limit: r.pick([1, 3, 1000]),
            actorName,
          };
          expect(queryTimeline(prepared, request), `seed ${seed} ${JSON.stringify(query)}`).toEqual(
            referenceTimeline({ ...request, entries, actorKey }),
          );
        }
      }
    }
  });

  it('keeps nothing of one query for the next', () => {
    const { documents, organisation, entries } = library(7);
    const prepared = prepareTimeline(entries);
    const request = (query: TimelineQuery): TimelineRequest => ({
      documents,
      organisation,
      query,
      today: '2026-06-01',
      answers: {},
      limit: 100,
    });
    const first = queryTimeline(prepared, request({}));
    queryTimeline(prepared, request({ collection: 'c1', from: '2025-01-01' }));
    expect(queryTimeline(prepared, request({}))).toEqual(first);
    expect(first.total).toBeGreaterThan(0);
  });
});
