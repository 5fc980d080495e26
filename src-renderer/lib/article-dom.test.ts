// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DocumentBody } from '@core/model';
import { renderArticle } from './article-dom';
import { offsetFromPoint, rangeFromOffsets } from './anchoring/text-map';

const TEXT = 'A heading\n\nPlain <b>not bold</b> & text with a link and emphasis.\n\nFirst item\n\nQuoted words';
const at = (s: string) => TEXT.indexOf(s);
const BODY: DocumentBody = {
  text: TEXT,
  blocks: [
    { kind: 'heading', start: 0, end: at('\n\nPlain'), level: 1 },
    { kind: 'paragraph', start: at('Plain'), end: at('\n\nFirst') },
    { kind: 'list-item', start: at('First'), end: at('\n\nQuoted'), level: 2 },
    { kind: 'quote', start: at('Quoted'), end: TEXT.length },
  ],
  marks: [
    { kind: 'link', start: at('a link'), end: at('a link') + 6, href: 'https://example.org/' },
    { kind: 'emphasis', start: at('emphasis'), end: at('emphasis') + 8 },
    { kind: 'strong', start: at('emphasis') + 3, end: at('emphasis') + 8 },
  ],
};

function rendered(): HTMLElement {
  document.body.innerHTML = '<div id="root"><p>stale</p></div>';
  const root = document.getElementById('root') as HTMLElement;
  renderArticle(root, BODY);
  return root;
}

describe('renderArticle', () => {
  it('renders one element per block, by kind, each carrying its start offset, and replaces what was there', () => {
    const root = rendered();
    const blocks = [...root.children] as HTMLElement[];
    expect(blocks.map((b) => `${b.tagName} ${b.className} ${b.dataset['start']}`)).toEqual([
      'H2 block heading level-1 0',
      `P block ${at('Plain')}`,
      `P block list-item ${at('First')}`,
      `BLOCKQUOTE block ${at('Quoted')}`,
    ]);
    expect(blocks[2]?.style.getPropertyValue('--depth')).toBe('2');
    expect(root.textContent).not.toContain('stale');
  });

  it("keeps each block's text exactly its slice of the canonical text, as text: markup in it is never parsed", () => {
    const root = rendered();
    for (const [i, block] of BODY.blocks.entries())
      expect(root.children[i]?.textContent).toBe(TEXT.slice(block.start, block.end));
    expect(root.querySelector('b')).toBeNull();
    // A plain block is a single text node: nothing else for the text map to walk.
    expect([...(root.children[0]?.childNodes ?? [])].map((n) => n.nodeType)).toEqual([Node.TEXT_NODE]);
  });

  it('renders links (opening outside, without an opener) and nested emphasis and strong', () => {
    const root = rendered();
    const link = root.querySelector('a');
    expect(link?.textContent).toBe('a link');
    expect(link?.getAttribute('href')).toBe('https://example.org/');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toBe('noopener noreferrer');
    expect([...root.querySelectorAll('span')].map((s) => `${s.className}:${s.textContent}`)).toEqual([
      'em:emp',
      'em strong:hasis',
    ]);
  });

  it('maps offsets to the DOM and back through the rendered blocks', () => {
    const root = rendered();
    const start = at('emphasis');
    const range = rangeFromOffsets(root, start, start + 8);
    expect(range?.toString()).toBe('emphasis');
    expect(offsetFromPoint(root, range?.endContainer as Node, range?.endOffset ?? 0, 'backward')).toBe(start + 8);
  });
});

describe('long articles', () => {
  it('marks an article over 100,000 characters long, and a shorter one not', () => {
    const root = rendered();
    expect(root.classList.contains('long')).toBe(false);
    const text = 'A sentence of the record. '.repeat(4_500);
    renderArticle(root, { text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }], marks: [] });
    expect(text.length).toBeGreaterThan(100_000);
    expect(root.classList.contains('long')).toBe(true);
  });
});
