// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flattenMarkup } from './flatten-markup';

function depthOf(html: string): number {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  let deepest = 0;
  const visit = (node: Element, depth: number) => {
    deepest = Math.max(deepest, depth);
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(body, 0);
  return deepest;
}

describe('flattenMarkup', () => {
  it.each([
    [
      'an ordinary article',
      '<html><head><title>T</title></head><body><article><h1>T</h1><p>One <em>two</em>.</p><ul><li>a<li>b</ul></article></body></html>',
    ],
    [
      'unclosed paragraphs and list items, as old pages write them',
      `<body>${'<p>para'.repeat(500)}<ul>${'<li>item'.repeat(500)}</ul></body>`,
    ],
    [
      'tags inside scripts, styles, comments and quoted attributes',
      '<body><script>if (a < b) document.write("<div><div>")</script><!-- <div> --><a title="x > <div>">link</a><style>p>a{}</style></body>',
    ],
    ['void and self-closed elements', `<body>${'<br><img src=x><hr/><input>'.repeat(300)}<p>text</p></body>`],
  ])('leaves %s unchanged', (_name, html) => {
    expect(flattenMarkup(html, 16)).toBe(html);
  });

  it('drops the tags of 100,000 nested divs beyond the cap, with their end tags, and keeps the text', () => {
    const html = `<body>${'<div>'.repeat(100_000)}Deep text.${'</div>'.repeat(100_000)}<p>After.</p></body>`;
    const flat = flattenMarkup(html);
    expect(flat.length).toBeLessThan(3_000);
    expect(depthOf(flat)).toBeLessThanOrEqual(128);
    const body = new DOMParser().parseFromString(flat, 'text/html').body;
    expect(body.textContent).toBe('Deep text.After.');
    expect(body.lastElementChild?.outerHTML).toBe('<p>After.</p>');
  });

  it('caps 30,000 unclosed <b><i><a> and keeps their text', () => {
    const flat = flattenMarkup(`<body>${'<b><i><a href="https://example.org/">'.repeat(30_000)}x</body>`);
    expect((flat.match(/</g) ?? []).length).toBeLessThan(200);
    expect(flat).toContain('x</body>');
  });

  it('keeps a page whose markup ends mid-tag, as the parser will read it', () => {
    expect(flattenMarkup('<p>text<a href="https://example.org', 4)).toBe('<p>text<a href="https://example.org');
  });
});
