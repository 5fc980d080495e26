import { describe as suite, expect, it } from 'vitest';
import { anchor } from './anchor';
import { longDocument, parseMarked, reanchorCases } from './cases';
import { describe } from './describe';
import type { Selector } from './selectors';
import { splitsSurrogatePair } from './surrogates';

function selectorsFor(marked: string) {
  const { text, range } = parseMarked(marked);
  if (!range) throw new Error('case needs a marked range');
  return { text, range, selectors: describe(text, range.start, range.end) };
}

suite('anchor: describe -> anchor round trip on the unchanged text', () => {
  it.each(reanchorCases)('$name (before)', ({ before }) => {
    const { text, range, selectors } = selectorsFor(before);
    expect(anchor(text, selectors)).toEqual({ ...range, method: 'position' });
  });
});

suite('anchor: re-anchoring after edits', () => {
  it.each(reanchorCases)('$name -> $expect', ({ before, after, expect: expected }) => {
    const { selectors } = selectorsFor(before);
    const { text, range } = parseMarked(after);
    const result = anchor(text, selectors);
    if (expected === 'orphan') {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    expect({ start: result?.start, end: result?.end, method: result?.method }).toEqual({ ...range, method: expected });
    expect(splitsSurrogatePair(text, result?.start ?? 0) || splitsSurrogatePair(text, result?.end ?? 0)).toBe(false);
    if (expected !== 'position') expect(result?.score).toBeGreaterThan(0.65);
  });
});

suite('anchor: selector handling', () => {
  const text = 'one two three two one';

  it('uses a position alone when there is no quote to check it against', () => {
    expect(anchor(text, [{ type: 'TextPositionSelector', start: 4, end: 7 }])).toEqual({
      start: 4,
      end: 7,
      method: 'position',
    });
  });

  it('orphans a position alone that no longer fits the text', () => {
    expect(anchor('short', [{ type: 'TextPositionSelector', start: 4, end: 70 }])).toBeNull();
  });

  it('finds a quote with no position and no context', () => {
    const selectors: Selector[] = [{ type: 'TextQuoteSelector', exact: 'three', prefix: '', suffix: '' }];
    expect(anchor(text, selectors)).toMatchObject({ start: 8, end: 13, method: 'exact' });
  });

  it('accepts selectors in either order', () => {
    const [position, quote] = describe(text, 14, 17);
    expect(anchor(`x${text}`, [quote, position])).toMatchObject({ start: 15, end: 18, method: 'exact' });
  });

  it('orphans an empty quote and an empty selector list', () => {
    expect(anchor(text, [{ type: 'TextQuoteSelector', exact: '', prefix: 'one', suffix: 'two' }])).toBeNull();
    expect(anchor(text, [])).toBeNull();
  });

  it('uses the quote when the stored position splits an emoji', () => {
    const emoji = 'say 😀 now';
    const selectors: Selector[] = [
      { type: 'TextPositionSelector', start: 5, end: 6 },
      { type: 'TextQuoteSelector', exact: 'now', prefix: '😀 ', suffix: '' },
    ];
    expect(anchor(emoji, selectors)).toMatchObject({ start: 7, end: 10, method: 'exact' });
  });

  it('widens an approximate match that would end inside an emoji', () => {
    const selectors = describe('abc 😀 defgh', 0, 6);
    const result = anchor('zz abc 😃 defgh', selectors);
    expect(result).toMatchObject({ start: 3, end: 9, method: 'fuzzy' });
  });

  it('respects a stricter minScore', () => {
    const [position, quote] = describe('the quick brown fox jumps', 4, 19);
    const edited = 'the quick red fox jumps';
    expect(anchor(edited, [position, quote])?.method).toBe('fuzzy');
    expect(anchor(edited, [position, quote], { minScore: 0.99 })).toBeNull();
  });
});

suite('anchor: long documents', () => {
  const text = longDocument(20_000);
  const start = Math.floor(text.length / 2);
  const end = text.indexOf('.', start + 40) + 1;

  it('re-anchors by position, after an insertion and after an edit inside the quote', () => {
    const selectors = describe(text, start, end);
    expect(anchor(text, selectors)).toEqual({ start, end, method: 'position' });
    const inserted = `Foreword.\n\n${text}`;
    expect(anchor(inserted, selectors)).toMatchObject({ start: start + 11, end: end + 11, method: 'exact' });
    const middle = start + 20;
    const edited = `${text.slice(0, middle)}XYZ${text.slice(middle + 1)}`;
    expect(anchor(edited, selectors)).toMatchObject({ start, end: end + 2, method: 'fuzzy' });
  });

  it('searches the whole text for an edited paragraph moved far away, unless told not to', () => {
    const paragraphs = text.split('\n\n');
    const middle = Math.floor(paragraphs.length / 2);
    const paragraph = paragraphs[middle] ?? '';
    const offset = text.indexOf(paragraph);
    const sentenceEnd = paragraph.indexOf('.') + 1;
    const selectors = describe(text, offset, offset + sentenceEnd);
    const edited = `${paragraph.slice(0, 3)}X${paragraph.slice(4)}`;
    const moved = [edited, ...paragraphs.slice(0, middle), ...paragraphs.slice(middle + 1)].join('\n\n');
    expect(anchor(moved, selectors)).toMatchObject({ start: 0, end: sentenceEnd, method: 'fuzzy' });
    expect(anchor(moved, selectors, { searchBeyondWindow: false })).toBeNull();
  });
});
