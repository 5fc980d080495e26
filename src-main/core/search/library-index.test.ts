import { describe, expect, it } from 'vitest';
import type { Highlight } from '../annotations/highlight';
import type { LectioDocument } from '../model';
import { documentEntries } from './entries';
import { snippet } from './library-index';

describe('snippet', () => {
  it('centres on the first term and marks cuts', () => {
    const long = `${'a '.repeat(200)}needle ${'b '.repeat(200)}`;
    const s = snippet(long, ['needle']);
    expect(s).toContain('needle');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });

  it('cuts between words, not inside one', () => {
    const text = `${'industry has tested '.repeat(12)}the needle ${'and then some more words '.repeat(12)}`;
    const s = snippet(text, ['needle']);
    expect(s).toContain('needle');
    const inner = s.replace(/^…/, '').replace(/…$/, '');
    const words = new Set(text.split(/\s+/));
    for (const word of inner.split(/\s+/)) expect(words.has(word)).toBe(true);
  });
});

describe('notes written in Markdown', () => {
  it('are indexed as their words, so snippets never show the syntax', () => {
    const doc: LectioDocument = {
      id: 'd2',
      title: 'Summit in Lisbon',
      source: 'Wire',
      publishedDate: null,
      addedAt: '',
      wordCount: 0,
      origin: 'paste',
      body: { text: 'Ministers met.', blocks: [{ kind: 'paragraph', start: 0, end: 14 }], marks: [] },
    };
    const marked: Highlight = {
      id: 'h1',
      documentId: 'd2',
      color: 1,
      note: '**Sardine** quotas: see [the treaty](https://example.org/t) and _Annex 2_',
      tags: ['fish'],
      createdAt: '',
      updatedAt: 'u1',
      selectors: [
        { type: 'TextPositionSelector', start: 0, end: 9 },
        { type: 'TextQuoteSelector', exact: 'Ministers', prefix: '', suffix: '' },
      ],
    };
    const entries = documentEntries(doc, [marked], 'A **bold** plan, `code` and [a link](https://example.org)');
    const highlight = entries.find((entry) => entry.kind === 'highlight');
    expect(snippet(highlight?.text ?? '', ['treaty'])).toBe(
      'Ministers — Sardine quotas: see the treaty and Annex 2 — #fish',
    );
    expect(snippet(entries.find((entry) => entry.kind === 'note')?.text ?? '', ['plan'])).toBe(
      'A bold plan, code and a link',
    );
  });
});
