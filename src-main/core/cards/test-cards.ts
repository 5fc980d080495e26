/** Cards for the unit tests: awkward content on purpose (tabs, quotes, line breaks, emoji, spaces in tags). */
import { describe } from '../anchoring/describe';
import type { StoredCard } from './card';

export const SOURCE_TEXT = 'The council met on Monday.\nIt approved the budget after a long debate.';

export function makeCard(id: string, change: Partial<StoredCard> = {}): StoredCard {
  return {
    id,
    kind: 'basic',
    front: `Question ${id}`,
    back: `Answer ${id}`,
    tags: [],
    source: null,
    highlightId: null,
    color: null,
    suspended: false,
    guid: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...change,
  };
}

const passage = SOURCE_TEXT.indexOf('It approved');

export const SAMPLE_CARDS: StoredCard[] = [
  makeCard('c-1', {
    kind: 'cloze',
    front: 'It approved {{c1::the budget}} after a long debate.',
    back: 'Key vote',
    tags: ['budget', 'big picture'],
    color: 2,
    highlightId: 'h-1',
    source: { documentId: 'doc-1', selectors: describe(SOURCE_TEXT, passage, SOURCE_TEXT.length) },
  }),
  makeCard('c-2', {
    front: 'Who said:\t"We have lost everything"?',
    back: 'One exile,\nwriting in 1848 📜',
    tags: ['quotes'],
  }),
  makeCard('c-3', { front: '#hash at the start', back: 'Source: not a passage of ours', guid: 'Abc123!@#' }),
];
