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
    ['#/nowhere', { screen: 'library' }],
    ['#/read/../../etc', { screen: 'library' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips through hrefs', () => {
    for (const route of [
      { screen: 'library' },
      { screen: 'reader', id: 'a1', at: { start: 1, end: 9 } },
      { screen: 'cards' },
    ] as Route[]) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });
});
