// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildBody, isAdLabel } from './article-builder';

const root = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;

describe('isAdLabel', () => {
  it.each([
    'Advertisement',
    'ADVERTISEMENT',
    ' Advertisement: ',
    'Advertisement - Scroll to continue',
    'Sponsored',
    'Sponsored content',
    'Story continues below advertisement',
    'Article continues after this advertisement',
    'Continue reading the main story',
    'Paid Post',
    'Ad',
  ])('knows %j', (label) => {
    expect(isAdLabel(label)).toBe(true);
  });

  it.each([
    'An advertisement campaign begins in spring.',
    'Advertising revenue fell by 6%.',
    'Sponsored by the council, the ferry runs daily.',
    'Adam',
  ])('leaves %j', (text) => {
    expect(isAdLabel(text)).toBe(false);
  });
});

describe('buildBody', () => {
  it('drops advertising labels and their formatting, keeping offsets exact', () => {
    const { body } = buildBody(
      root(
        '<p>First <em>point</em>.</p><div><b>Advertisement</b></div><p>Second <a href="https://example.org/">point</a>.</p><p>Story continues below advertisement</p>',
      ),
    );
    expect(body.text).toBe('First point.\nSecond point.');
    expect(body.blocks.map((block) => body.text.slice(block.start, block.end))).toEqual([
      'First point.',
      'Second point.',
    ]);
    expect(body.marks.map((mark) => [mark.kind, body.text.slice(mark.start, mark.end)])).toEqual([
      ['emphasis', 'point'],
      ['link', 'point'],
    ]);
  });

  it('measures how much of the text is links, whatever their target', () => {
    expect(
      buildBody(root('<ul><li><a href="/world">World news</a></li><li><a href="/sport">Sport news</a></li></ul>'))
        .linkShare,
    ).toBeGreaterThan(0.9);
    expect(
      buildBody(
        root(
          '<p>Dock workers returned to work on Monday, the union said in a <a href="https://example.org/">statement</a>.</p>',
        ),
      ).linkShare,
    ).toBeLessThan(0.2);
  });

  it('keeps every block of a long article exact', () => {
    const { body } = buildBody(root('<p>Dock workers returned to work on <em>Monday</em>. </p>'.repeat(2_000)));
    expect(body.blocks).toHaveLength(2_000);
    expect(body.text.length).toBe(2_000 * 'Dock workers returned to work on Monday.'.length + 1_999);
    expect(
      body.blocks.every(
        (block) => body.text.slice(block.start, block.end) === 'Dock workers returned to work on Monday.',
      ),
    ).toBe(true);
  });
});
