import { describe, expect, it } from 'vitest';
import type { Highlight } from '../annotations/highlight';
import type { LectioDocument } from '../model';
import { documentEntries, documentSignature } from './entries';
import { LibraryIndex, snippet } from './library-index';

function doc(id: string, title: string, paragraphs: string[]): LectioDocument {
  const text = paragraphs.join('\n');
  let at = 0;
  const blocks = paragraphs.map((p) => {
    const block = { kind: 'paragraph' as const, start: at, end: at + p.length };
    at += p.length + 1;
    return block;
  });
  return {
    id,
    title,
    source: 'Wire',
    publishedDate: null,
    addedAt: '',
    wordCount: 0,
    origin: 'paste',
    body: { text, blocks, marks: [] },
  };
}

const harbour = doc('d1', 'Harbour strike ends', [
  'Dock workers returned on Monday.',
  'Talks on pensions resume in March.',
]);
const summit = doc('d2', 'Summit in Lisbon', ['Ministers met to discuss fisheries quotas.']);
const note: Highlight = {
  id: 'h1',
  documentId: 'd2',
  color: 1,
  note: 'ask about quotas for sardines',
  tags: ['fish'],
  createdAt: '',
  updatedAt: 'u1',
  selectors: [
    { type: 'TextPositionSelector', start: 0, end: 9 },
    { type: 'TextQuoteSelector', exact: 'Ministers', prefix: '', suffix: '' },
  ],
};

describe('LibraryIndex', () => {
  const index = new LibraryIndex();
  index.replaceDocument('d1', documentSignature(harbour, [], ''), documentEntries(harbour, [], ''));
  index.replaceDocument(
    'd2',
    documentSignature(summit, [note], 'Lisbon trip'),
    documentEntries(summit, [note], 'Lisbon trip'),
  );

  it('finds titles, passages (with their place), highlights by note and tag, and document notes', () => {
    expect(index.search('harbour', 5)[0]).toMatchObject({ kind: 'title', documentId: 'd1' });
    expect(index.search('pensions', 5)[0]).toMatchObject({ kind: 'passage', documentId: 'd1', start: 33, end: 67 });
    expect(index.search('sardines', 5)[0]).toMatchObject({ kind: 'highlight', documentId: 'd2', start: 0, end: 9 });
    expect(index.search('fish', 5).some((hit) => hit.kind === 'highlight')).toBe(true);
    expect(index.search('trip', 5)[0]).toMatchObject({ kind: 'note', documentId: 'd2' });
    expect(index.search('pension', 5)[0]?.kind).toBe('passage');
    expect(index.search('   ', 5)).toEqual([]);
  });

  it('re-indexes one document alone, and forgets a removed one', () => {
    const changed = doc('d1', 'Harbour strike ends', ['Dock workers returned on Tuesday.']);
    expect(index.isCurrent('d1', documentSignature(changed, [], 'new note'))).toBe(false);
    index.replaceDocument('d1', documentSignature(changed, [], ''), documentEntries(changed, [], ''));
    expect(index.search('pensions', 5)).toEqual([]);
    index.removeDocument('d2');
    expect(index.search('sardines', 5)).toEqual([]);
    expect(index.documents()).toEqual(['d1']);
  });
});

describe('snippet', () => {
  it('centres on the first term and marks cuts', () => {
    const long = `${'a '.repeat(200)}needle ${'b '.repeat(200)}`;
    const s = snippet(long, ['needle']);
    expect(s).toContain('needle');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });
});

describe('cards in the index', () => {
  it('finds a card by either side or a tag, pointing at its passage', async () => {
    const { cardEntries } = await import('./entries');
    const index = new LibraryIndex();
    const cards = [
      {
        id: 'k1',
        kind: 'cloze' as const,
        front: 'The {{c1::port authority}} put losses at 40 million.',
        back: 'daily losses',
        tags: ['strike'],
        source: {
          documentId: 'd1',
          selectors: [
            { type: 'TextPositionSelector' as const, start: 5, end: 40 },
            { type: 'TextQuoteSelector' as const, exact: 'x', prefix: '', suffix: '' },
          ] as [
            { type: 'TextPositionSelector'; start: number; end: number },
            { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
          ],
        },
        highlightId: null,
        color: null,
        suspended: false,
        guid: null,
        createdAt: '',
        updatedAt: 'u',
      },
      {
        id: 'k2',
        kind: 'basic' as const,
        front: 'Capital of Mongolia?',
        back: 'Ulaanbaatar',
        tags: [],
        source: null,
        highlightId: null,
        color: null,
        suspended: false,
        guid: null,
        createdAt: '',
        updatedAt: 'u',
      },
    ];
    index.replaceDocument(
      'cards',
      's',
      cardEntries(cards, (id) => (id === 'd1' ? 'Harbour strike ends' : null)),
    );
    expect(index.search('port authority', 5)[0]).toMatchObject({
      kind: 'card',
      documentId: 'd1',
      title: 'Harbour strike ends',
      start: 5,
      end: 40,
    });
    expect(index.search('ulaanbaatar', 5)[0]).toMatchObject({ kind: 'card', documentId: '', title: 'Flashcard' });
    expect(index.search('strike', 5).some((hit) => hit.kind === 'card')).toBe(true);
  });
});

describe('notes written in Markdown', () => {
  it('show their words in snippets, never the syntax', () => {
    const index = new LibraryIndex();
    const marked: Highlight = {
      ...note,
      note: '**Sardine** quotas: see [the treaty](https://example.org/t) and _Annex 2_',
    };
    index.replaceDocument(
      'd2',
      's',
      documentEntries(summit, [marked], 'A **bold** plan, `code` and [a link](https://example.org)'),
    );
    const highlight = index.search('treaty', 5)[0];
    expect(highlight).toMatchObject({ kind: 'highlight' });
    expect(highlight?.snippet).toBe('Ministers — Sardine quotas: see the treaty and Annex 2 — #fish');
    expect(index.search('plan', 5)[0]?.snippet).toBe('A bold plan, code and a link');
  });
});
