import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './router.svelte';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { screen: 'library' }],
    ['#/', { screen: 'library' }],
    ['#/read/sample', { screen: 'reader', id: 'sample' }],
    ['#/read/sample?at=10-42', { screen: 'reader', id: 'sample', at: { start: 10, end: 42 } }],
    ['#/read/sample?at=42-10', { screen: 'reader', id: 'sample' }],
    ['#/quiz', { screen: 'quiz' }],
    ['#/quiz?doc=sample', { screen: 'quiz', documentId: 'sample' }],
    ['#/review', { screen: 'review' }],
    ['#/today', { screen: 'today' }],
    ['#/quiz?recent', { screen: 'quiz', study: { kind: 'recent' } }],
    ['#/quiz?collection=c1', { screen: 'quiz', study: { kind: 'collection', collectionId: 'c1' } }],
    [
      '#/quiz?actor=person%3Amaria-lindqvist',
      { screen: 'quiz', study: { kind: 'actor', key: 'person:maria-lindqvist' } },
    ],
    ['#/quiz?actor=%E0%A4%A', { screen: 'library' }],
    ['#/nowhere', { screen: 'library' }],
    ['#/read/../../etc', { screen: 'library' }],
    ['#/actor?key=person%3Amarta-quellen', { screen: 'actor', key: 'person:marta-quellen' }],
    ['#/actor?doc=d1&actor=person%3Ajo', { screen: 'actor', documentId: 'd1', actorId: 'person:jo' }],
    ['#/actor?doc=d1', { screen: 'library' }],
    ['#/timeline', { screen: 'timeline' }],
    ['#/timeline?collection=c1', { screen: 'timeline', collection: 'c1' }],
    ['#/timeline?collection=../x', { screen: 'library' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips through hrefs', () => {
    for (const route of [
      { screen: 'library' },
      { screen: 'reader', id: 'a1', at: { start: 1, end: 9 } },
      { screen: 'cards' },
      { screen: 'quiz', study: { kind: 'actor', key: 'person:a b~d1/x' } },
      { screen: 'quiz', study: { kind: 'collection', collectionId: 'c-2' } },
      { screen: 'actor', key: 'person:jo-brindle~d2/person:brindle' },
      { screen: 'actor', documentId: 'd1', actorId: 'user:o&r=1' },
      { screen: 'timeline', collection: 'week-1' },
    ] as Route[]) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });
});
