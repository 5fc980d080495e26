/** The Library's filter and sort, as tables of cases over a small index. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ORGANISATION,
  normaliseTag,
  normaliseTags,
  progressBucket,
  type DocumentOrganisation,
  type LibraryView,
} from './organisation';
import { prepareLibraryOrder, queryLibrary, tagCounts } from './query';

const docs = [
  { id: 'a', title: 'alpha', source: 'Donga', publishedDate: '2024-03-01', addedAt: '2026-01-01T00:00:00Z' },
  { id: 'b', title: 'Beta', source: 'Reuters', publishedDate: null, addedAt: '2026-01-03T00:00:00Z' },
  { id: 'c', title: 'Gamma 10', source: '', publishedDate: '2023-11-20', addedAt: '2026-01-02T00:00:00Z' },
  { id: 'd', title: 'Gamma 9', source: 'Donga', publishedDate: '2025-06-10', addedAt: '2026-01-04T00:00:00Z' },
];
const org = (o: Partial<DocumentOrganisation>): DocumentOrganisation => ({ ...EMPTY_ORGANISATION, ...o });
const organisation: Record<string, DocumentOrganisation> = {
  a: org({ tags: ['korea'], collections: ['w3'], progress: 0.4 }),
  b: org({ tags: ['korea', 'trade'], progress: 1 }),
  c: org({ archived: true, collections: ['w3'] }),
};
const due = { d: 3, a: 1 };
const ids = (view: Partial<LibraryView>, withDue: Record<string, number> | null = due) =>
  queryLibrary({
    documents: docs,
    organisation,
    due: withDue,
    view: { sort: 'added', direction: 'desc', filter: {}, ...view },
  }).map((d) => d.id);

describe('queryLibrary', () => {
  it.each([
    ['newest added first, archived hidden', {}, ['d', 'b', 'a']],
    ['oldest added first', { direction: 'asc' as const }, ['a', 'b', 'd']],
    [
      'title A to Z, case- and number-aware',
      { sort: 'title' as const, direction: 'asc' as const, filter: { archived: true } },
      ['c'],
    ],
    ['title Z to A', { sort: 'title' as const, direction: 'desc' as const }, ['d', 'b', 'a']],
    ['published, newest first; no date last', { sort: 'published' as const }, ['d', 'a', 'b']],
    [
      'published, oldest first; no date still last',
      { sort: 'published' as const, direction: 'asc' as const },
      ['a', 'd', 'b'],
    ],
    ['source A to Z, then newest added', { sort: 'source' as const, direction: 'asc' as const }, ['d', 'a', 'b']],
    ['progress, most read first', { sort: 'progress' as const }, ['b', 'a', 'd']],
    ['due cards, most first', { sort: 'due' as const }, ['d', 'a', 'b']],
    ['a tag', { filter: { tag: 'trade' } }, ['b']],
    ['a collection (archived ones apart)', { filter: { collection: 'w3' } }, ['a']],
    ['the archive', { filter: { archived: true } }, ['c']],
    ['a source', { filter: { source: 'Donga' } }, ['d', 'a']],
    ['unread', { filter: { progress: 'unread' as const } }, ['d']],
    ['reading', { filter: { progress: 'reading' as const } }, ['a']],
    ['finished', { filter: { progress: 'finished' as const } }, ['b']],
    ['with due cards', { filter: { due: true } }, ['d', 'a']],
  ])('%s', (_, view, expected) => {
    expect(ids(view)).toEqual(expected);
  });

  it('sorts by date added, and filters on nothing, for due cards it has not counted', () => {
    expect(ids({ sort: 'due' }, null)).toEqual(['d', 'b', 'a']);
    expect(ids({ filter: { due: true } }, null)).toEqual(['d', 'b', 'a']);
  });
});

describe('tags', () => {
  it.each([
    ['Korea', 'korea'],
    ['#North  Korea ', 'north korea'],
    ['##', ''],
    ['ÉTÉ', 'été'],
  ])('%s is stored as %s', (given, stored) => {
    expect(normaliseTag(given)).toBe(stored);
  });

  it('keeps each tag once, in the order first given', () => {
    expect(normaliseTags(['B', 'a', '#b', ' ', 'A'])).toEqual(['b', 'a']);
  });

  it('counts the tags of listed documents only, most used first', () => {
    expect(tagCounts(organisation, new Set(['a', 'b']))).toEqual([
      { tag: 'korea', count: 2 },
      { tag: 'trade', count: 1 },
    ]);
    expect(tagCounts(organisation, new Set(['a']))).toEqual([{ tag: 'korea', count: 1 }]);
  });

  it('buckets progress', () => {
    expect([0, 0.01, 0.94, 0.95, 1].map(progressBucket)).toEqual([
      'unread',
      'reading',
      'reading',
      'finished',
      'finished',
    ]);
  });
});

describe('queryLibrary, each key sorted once for both directions', () => {
  // Ties: equal sources (Donga twice, "donga" equal to them by the collator) and equal progress, added at other times.
  const tied = [
    { id: 'p', title: 'P', source: 'Donga', publishedDate: null, addedAt: '2026-02-01T00:00:00Z' },
    { id: 'q', title: 'Q', source: 'donga', publishedDate: null, addedAt: '2026-02-03T00:00:00Z' },
    { id: 'r', title: 'R', source: 'Reuters', publishedDate: null, addedAt: '2026-02-02T00:00:00Z' },
    { id: 's', title: 'S', source: 'Donga', publishedDate: null, addedAt: '2026-02-04T00:00:00Z' },
    { id: 't', title: 'T', source: '', publishedDate: null, addedAt: '2026-02-05T00:00:00Z' },
  ];
  const records = { p: org({ progress: 0.5 }), q: org({ progress: 0.5 }), r: org({ progress: 0.2 }) };
  const run = (view: Partial<LibraryView>) =>
    queryLibrary({
      documents: tied,
      organisation: records,
      due: null,
      view: { sort: 'added', direction: 'desc', filter: {}, ...view },
    }).map((d) => d.id);

  it.each([
    ['source Z to A: each tie newest added first, no source last', 'source', 'desc', ['r', 's', 'q', 'p', 't']],
    ['source A to Z', 'source', 'asc', ['s', 'q', 'p', 'r', 't']],
    ['progress, most first, ties newest first', 'progress', 'desc', ['q', 'p', 'r', 't', 's']],
    ['progress, least first', 'progress', 'asc', ['t', 's', 'r', 'q', 'p']],
  ] as const)('%s', (_name, sort, direction, expected) => {
    expect(run({ sort, direction })).toEqual(expected);
  });

  it('prepareLibraryOrder sorts a key once, ahead of the view that asks for it, with the same result', () => {
    const input = { documents: [...tied], organisation: records, due: null };
    expect(prepareLibraryOrder(input, 'title')).toBe(true);
    expect(prepareLibraryOrder(input, 'title')).toBe(false);
    const view: LibraryView = { sort: 'title', direction: 'desc', filter: {} };
    expect(queryLibrary({ ...input, view }).map((d) => d.id)).toEqual(['t', 's', 'r', 'q', 'p']);
    // A new list (the library changed) is sorted again.
    expect(prepareLibraryOrder({ ...input, documents: [...tied] }, 'title')).toBe(true);
  });
});
