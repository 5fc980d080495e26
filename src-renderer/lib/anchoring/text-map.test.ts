// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { invalidateTextMap, offsetFromPoint, rangeFromOffsets, selectionToOffsets } from './text-map';

// Canonical text of the test article; blocks are separated by "\n\n", which is never rendered.
const TEXT =
  'Title here\n\nFirst paragraph with emphasis and a link.\n\nSecond 😀 paragraph.\n\nItem one\n\nLast words';
const at = (s: string) => TEXT.indexOf(s);

let root: HTMLElement;

/** Renders the article with hostile markup: nested inline elements, comments, split and empty text nodes. */
function render(): HTMLElement {
  document.body.innerHTML = `<aside id="outside">not the article</aside><article id="reader">
  <h1 data-start="${at('Title')}">Title <!-- c -->here</h1>
  <p data-start="${at('First')}">First paragraph with <em>emph<strong>asis</strong></em> and a <a href="#x">link</a>.</p>
  <p data-start="${at('Second')}"><span>Second 😀 </span><strong><em>para</em>graph</strong>.</p>
  <ul><li data-start="${at('Item')}">Item one</li></ul>
  <p data-start="${at('Last')}">Last words</p>
</article>`;
  const article = document.getElementById('reader') as HTMLElement;
  // Split the first paragraph's leading text node twice and leave an empty node behind, as editors and
  // frameworks do.
  const first = article.querySelector('p')?.firstChild as Text;
  first.splitText(6).splitText(4);
  first.parentNode?.insertBefore(document.createTextNode(''), first.nextSibling);
  return article;
}

/** Every text node inside a block, with its canonical start computed independently through Range.toString(). */
function textNodesWithStarts(): { node: Text; start: number }[] {
  const result: { node: Text; start: number }[] = [];
  for (const block of root.querySelectorAll('[data-start]')) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.setStart(block, 0);
      range.setEnd(node, 0);
      result.push({ node: node as Text, start: Number(block.getAttribute('data-start')) + range.toString().length });
    }
  }
  return result;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const selection = window.getSelection() as Selection;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

beforeEach(() => {
  root = render();
  invalidateTextMap(root);
});

describe('the test article', () => {
  it('renders each block as exactly its slice of the canonical text', () => {
    for (const block of root.querySelectorAll('[data-start]')) {
      const start = Number(block.getAttribute('data-start'));
      expect(block.textContent).toBe(TEXT.slice(start, start + (block.textContent ?? '').length));
    }
  });
});

describe('offsetFromPoint', () => {
  it('maps every offset in every text node, however the nodes are split', () => {
    const nodes = textNodesWithStarts();
    expect(nodes.length).toBeGreaterThan(12);
    for (const { node, start } of nodes) {
      for (let offset = 0; offset <= node.length; offset += 1) {
        expect(offsetFromPoint(root, node, offset)).toBe(start + offset);
      }
    }
  });

  it('maps boundaries at element nodes inside blocks', () => {
    const em = root.querySelector('em') as Element;
    const strong = em.querySelector('strong') as Element;
    const second = root.querySelectorAll('p')[1] as Element;
    expect(offsetFromPoint(root, em, 0)).toBe(at('emphasis'));
    expect(offsetFromPoint(root, em, 1)).toBe(at('asis'));
    expect(offsetFromPoint(root, strong, 1)).toBe(at(' and a'));
    expect(offsetFromPoint(root, em, em.childNodes.length)).toBe(at(' and a'));
    expect(offsetFromPoint(root, second, 0)).toBe(at('Second'));
    expect(offsetFromPoint(root, second, second.childNodes.length)).toBe(at('\n\nItem'));
    expect(offsetFromPoint(root, root.querySelector('h1') as Element, 1)).toBe(at('here'));
  });

  it('maps boundaries between blocks to the next start, or the previous end going backward', () => {
    const ul = root.querySelector('ul') as Element;
    expect(offsetFromPoint(root, root, 0)).toBe(0);
    expect(offsetFromPoint(root, root, root.childNodes.length)).toBe(TEXT.length);
    expect(offsetFromPoint(root, ul, 0)).toBe(at('Item'));
    expect(offsetFromPoint(root, ul, 1)).toBe(at('Last'));
    expect(offsetFromPoint(root, ul, 1, 'backward')).toBe(at('\n\nLast'));
    const whitespace = ul.previousSibling as Text;
    expect(whitespace.nodeType).toBe(Node.TEXT_NODE);
    expect(offsetFromPoint(root, whitespace, 1)).toBe(at('Item'));
    expect(offsetFromPoint(root, whitespace, 1, 'backward')).toBe(at('\n\nItem'));
  });

  it('returns null outside the root and in a root without blocks', () => {
    expect(offsetFromPoint(root, document.getElementById('outside') as Element, 0)).toBeNull();
    expect(offsetFromPoint(root, document.body, 0)).toBeNull();
    const empty = document.createElement('div');
    empty.innerHTML = '<p>no data-start here</p>';
    expect(offsetFromPoint(empty, empty.firstChild as Node, 0)).toBeNull();
  });

  it('stays right after the DOM under a cached block changes', () => {
    const node = textNodesWithStarts().find(({ node: n }) => n.data.includes('with'));
    if (!node) throw new Error('fixture lacks the "with" node');
    expect(offsetFromPoint(root, node.node, 1)).toBe(node.start + 1);
    const tail = node.node.splitText(2);
    expect(offsetFromPoint(root, tail, 1)).toBe(node.start + 3);
    const p = root.querySelector('p') as Element;
    p.innerHTML = 'First <b>paragraph</b> with emphasis and a link.';
    expect(offsetFromPoint(root, p.querySelector('b')?.firstChild as Node, 0)).toBe(at('paragraph'));
  });
});

describe('rangeFromOffsets', () => {
  it('round-trips every range inside the rendered text', () => {
    const rendered = [...root.querySelectorAll('[data-start]')].map((block) => {
      const start = Number(block.getAttribute('data-start'));
      return [start, start + (block.textContent ?? '').length] as const;
    });
    const isRendered = (offset: number) => rendered.some(([s, e]) => s <= offset && offset <= e);
    for (let start = 0; start < TEXT.length; start += 1) {
      for (let end = start + 1; end <= TEXT.length; end += 1) {
        if (!isRendered(start) || !isRendered(end)) continue;
        const range = rangeFromOffsets(root, start, end);
        // A start at a block's end moves to the next block; an end at a block's start moves to the previous one.
        const startsAtEnd = rendered.findIndex(([, e]) => e === start);
        const endsAtStart = rendered.findIndex(([s]) => s === end);
        const tightStart = startsAtEnd >= 0 ? (rendered[startsAtEnd + 1]?.[0] ?? start) : start;
        const tightEnd = endsAtStart > 0 ? (rendered[endsAtStart - 1]?.[1] ?? end) : end;
        if (tightStart >= tightEnd) {
          expect(range).toBeNull();
          continue;
        }
        if (!range) throw new Error(`no range for [${start}, ${end})`);
        expect(offsetFromPoint(root, range.startContainer, range.startOffset)).toBe(tightStart);
        expect(offsetFromPoint(root, range.endContainer, range.endOffset)).toBe(tightEnd);
        const sameBlock = rendered.some(([s, e]) => s <= start && end <= e);
        if (sameBlock) expect(range.toString()).toBe(TEXT.slice(start, end));
      }
    }
  });

  it('starts and ends on the text it covers, not on the edge of a neighbouring node', () => {
    const range = rangeFromOffsets(root, at('emphasis'), at(' and a'));
    expect(range?.startContainer.textContent).toBe('emph');
    expect(range?.startOffset).toBe(0);
    expect(range?.endContainer.textContent).toBe('asis');
    expect(range?.endOffset).toBe(4);
  });

  it('spans blocks and moves ends in the gaps between blocks inward', () => {
    const across = rangeFromOffsets(root, at('link'), at('graph.') + 5);
    expect(across?.toString().replace(/\s+/g, ' ')).toBe('link. Second 😀 paragraph');
    const gapped = rangeFromOffsets(root, at('\n\nFirst') + 1, at('\n\nItem') + 1);
    expect(gapped?.toString().trim().startsWith('First')).toBe(true);
    expect(gapped?.toString().trim().endsWith('paragraph.')).toBe(true);
  });

  it('returns null for gaps only, reversed, negative, fractional or too-late offsets', () => {
    expect(rangeFromOffsets(root, at('\n\nFirst'), at('First'))).toBeNull();
    expect(rangeFromOffsets(root, 20, 10)).toBeNull();
    expect(rangeFromOffsets(root, -1, 10)).toBeNull();
    expect(rangeFromOffsets(root, 1.5, 10)).toBeNull();
    expect(rangeFromOffsets(root, TEXT.length + 1, TEXT.length + 5)).toBeNull();
  });

  it('follows blocks added, text edited and starts changed after the layout was cached', () => {
    expect(rangeFromOffsets(root, at('Last'), at('Last') + 4, { static: true })?.startContainer.textContent).toBe(
      'Last words',
    );
    // A block rendered later (as the Reader renders long articles a page at a time).
    const later = document.createElement('p');
    later.setAttribute('data-start', String(TEXT.length + 50));
    later.textContent = 'Appended';
    root.append(later);
    const appended = rangeFromOffsets(root, TEXT.length + 50, TEXT.length + 58, { static: true });
    expect(appended?.startContainer).toBe(later.firstChild);
    expect([appended?.startOffset, appended?.endOffset]).toEqual([0, 8]);
    // The text of a measured block edited in place: lengths change, so must the positions.
    const last = root.querySelector(`[data-start="${at('Last')}"]`) as Element;
    (last.firstChild as Text).data = 'Last, longer words';
    const words = rangeFromOffsets(root, at('Last') + 13, at('Last') + 18, { static: true });
    expect([words?.startContainer, words?.startOffset, words?.endOffset]).toEqual([last.firstChild, 13, 18]);
    // A block's start rewritten.
    later.setAttribute('data-start', String(TEXT.length + 100));
    expect(rangeFromOffsets(root, TEXT.length + 100, TEXT.length + 108, { static: true })?.startContainer).toBe(
      later.firstChild,
    );
  });

  it('clamps an end past the text and can return a StaticRange', () => {
    const clamped = rangeFromOffsets(root, at('words'), TEXT.length + 50);
    expect(clamped?.toString()).toBe('words');
    const fixed = rangeFromOffsets(root, at('Item'), at(' one'), { static: true });
    expect(fixed).toBeInstanceOf(StaticRange);
    expect(fixed?.startContainer.textContent).toBe('Item one');
    expect([fixed?.startOffset, fixed?.endOffset]).toEqual([0, 4]);
  });
});

describe('selectionToOffsets', () => {
  it('maps a selection through nested markup', () => {
    const em = root.querySelector('em') as Element;
    const link = root.querySelector('a')?.firstChild as Text;
    expect(selectionToOffsets(root, select(em.firstChild as Node, 2, link, 2))).toEqual({
      start: at('phasis'),
      end: at('nk.'),
    });
  });

  it('maps boundaries at element nodes and across blocks', () => {
    const h1 = root.querySelector('h1') as Element;
    const second = root.querySelectorAll('p')[1] as Element;
    expect(selectionToOffsets(root, select(h1, 0, second, 1))).toEqual({ start: 0, end: at('paragraph.') });
  });

  it('drops the trailing gap of a triple-click that ends at the next block start', () => {
    const first = root.querySelector('p') as Element;
    const second = root.querySelectorAll('p')[1] as Element;
    expect(selectionToOffsets(root, select(first, 0, second, 0))).toEqual({
      start: at('First'),
      end: at('\n\nSecond'),
    });
    const secondText = second.firstChild?.firstChild as Node;
    expect(selectionToOffsets(root, select(first, first.childNodes.length, secondText, 1))).toEqual({
      start: at('Second'),
      end: at('econd'),
    });
  });

  it('clips a selection that runs out of the root', () => {
    const outside = document.getElementById('outside') as Element;
    const title = root.querySelector('h1')?.firstChild as Text;
    expect(selectionToOffsets(root, select(outside.firstChild as Node, 2, title, 5))).toEqual({ start: 0, end: 5 });
    const last = root.querySelectorAll('p')[2]?.firstChild as Text;
    document.body.append(document.createTextNode('after'));
    expect(selectionToOffsets(root, select(last, 5, document.body.lastChild as Node, 3))).toEqual({
      start: at('words'),
      end: TEXT.length,
    });
  });

  it('returns null for a selection outside the root, collapsed, empty or missing', () => {
    const outside = document.getElementById('outside')?.firstChild as Text;
    expect(selectionToOffsets(root, select(outside, 0, outside, 3))).toBeNull();
    const title = root.querySelector('h1')?.firstChild as Text;
    expect(selectionToOffsets(root, select(title, 2, title, 2))).toBeNull();
    window.getSelection()?.removeAllRanges();
    expect(selectionToOffsets(root, window.getSelection())).toBeNull();
    expect(selectionToOffsets(root, null)).toBeNull();
  });

  it('returns null for a selection of whitespace between blocks only', () => {
    const ul = root.querySelector('ul') as Element;
    expect(selectionToOffsets(root, select(ul.previousSibling as Node, 0, ul, 0))).toBeNull();
  });
});
