import { describe, expect, it } from 'vitest';
import { importMarkdown } from './markdown';
import { MAX_CONTAINER_DEPTH, MAX_DELIMITER_RUNS, defuseMarkdown } from './markdown-defuse';

/** Delimiter runs the parser still has to pair in the busiest paragraph: what its cost grows with, squared. */
function busiestParagraph(source: string): number {
  return Math.max(
    ...source.split(/\n\s*\n/).map((paragraph) => paragraph.match(/(?<!\\)(?:\*+|_+|\[|\])/g)?.length ?? 0),
  );
}

describe('hostile Markdown', () => {
  // Before the defusing pass the first three took 1 to 2 s each on the UI thread, and the nested ones overflowed the
  // stack (RangeError). The cost is bounded by what is left to pair, so that is what is checked, not the clock.
  it.each([
    ['16 KB of emphasis openers', '*a'.repeat(8_000)],
    ['16 KB of mixed emphasis', '*_'.repeat(8_000)],
    ['15 KB of bracket pairs', '[a]'.repeat(5_000)],
    ['20,000 nested quotes', '> '.repeat(20_000)],
    ['20,000 nested list items', '- '.repeat(20_000) + 'deep'],
  ])('%s parses, with few runs left to pair, and keeps every character as text', (_, source) => {
    expect(busiestParagraph(defuseMarkdown(source))).toBeLessThanOrEqual(MAX_DELIMITER_RUNS * 2);
    const body = importMarkdown(source);
    // Markers are structure where the parser nests them and text past the cap; everything else comes through as is.
    const letters = (text: string) => text.replace(/[\s>-]/g, '');
    expect(letters(body.text)).toBe(letters(source));
  });
});

describe('defuseMarkdown', () => {
  it('leaves ordinary Markdown exactly as it is', () => {
    const ordinary = [
      '# Title',
      '',
      'Some *emphasis*, some **strong**, a [link](https://example.org) and `code`.',
      '',
      ...Array.from({ length: 600 }, (_, i) => `* item **${i}** with _style_`),
      '',
      '> quoted > text',
      '',
      '```',
      '*'.repeat(2_000),
      '```',
    ].join('\n');
    expect(defuseMarkdown(ordinary)).toBe(ordinary);
  });

  it('escapes the emphasis of a paragraph with too many runs, and only that paragraph', () => {
    const hostile = '*a'.repeat(MAX_DELIMITER_RUNS + 1);
    const source = `Keep *this*.\n\n${hostile}\n\nAnd *this*.`;
    const body = importMarkdown(source);
    expect(body.text.split('\n')).toEqual(['Keep this.', hostile, 'And this.']);
    expect(body.marks.filter((mark) => mark.kind === 'emphasis')).toHaveLength(2);
  });

  it('reads quote markers past the depth cap as text', () => {
    const source = `${'> '.repeat(MAX_CONTAINER_DEPTH + 3)}deep`;
    const body = importMarkdown(source);
    expect(body.text).toBe('> > > deep');
    expect(body.blocks).toEqual([{ kind: 'quote', start: 0, end: body.text.length }]);
  });
});
