// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { checkStructuredBody } from '@core/import/structured';
import { htmlToArticle } from './html-to-body';

const PAGE = `<!doctype html><html><head><title>Port strike ends | The Harbour Times</title>
<script>window.pwned = true</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1>Port strike ends after nine days</h1>
  <p class="byline">By Ana Costa</p>
  <p>Dock workers in <em>Rotterdam</em> returned to work on <strong>Monday</strong>, the union said in a
     <a href="https://example.org/statement">statement</a> and <a href="javascript:alert(1)">here</a>.</p>
  <p>The strike had halted <img src="http://tracker.example/x.gif" onerror="alert(1)">shipments of grain and fuel across the
     northern ports, costing an estimated 40 million euros a day according to the port authority.</p>
  <ul><li>Wages rise 6%</li><li>Shifts shorten</li></ul>
  <blockquote>We stood together, and we won.</blockquote>
  <p onclick="alert(2)">Talks on pensions will resume in March, officials said, after both sides agreed to a cooling-off period.</p>
</article>
<footer>© 2026 The Harbour Times. <script>alert(3)</script></footer></body></html>`;

describe('htmlToArticle', () => {
  const article = htmlToArticle(PAGE);

  it('keeps the article’s text, structure, emphasis and safe links', () => {
    expect(article.title).toMatch(/Port strike ends/);
    expect(article.body.text).toContain('Dock workers in Rotterdam returned to work on Monday');
    const kinds = article.body.blocks.map((b) => b.kind);
    expect(kinds).toContain('list-item');
    expect(kinds).toContain('quote');
    const slice = (m: { start: number; end: number }) => article.body.text.slice(m.start, m.end);
    expect(article.body.marks.filter((m) => m.kind === 'emphasis').map(slice)).toContain('Rotterdam');
    expect(article.body.marks.filter((m) => m.kind === 'strong').map(slice)).toContain('Monday');
    const links = article.body.marks.filter((m) => m.kind === 'link');
    expect(links.map((m) => m.href)).toEqual(['https://example.org/statement']);
  });

  it('drops scripts, styles, images, handlers and page furniture', () => {
    const all = JSON.stringify(article);
    for (const banned of ['pwned', 'alert', 'color:red', 'tracker.example', 'javascript:'])
      expect(all).not.toContain(banned);
    expect(article.body.text).not.toContain('Home');
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('produces a body the service accepts as it is', () => {
    const checked = checkStructuredBody(article.body);
    expect('body' in checked && checked.body.blocks).toEqual(article.body.blocks);
    for (const block of article.body.blocks)
      expect(article.body.text.slice(block.start, block.end).trim().length).toBeGreaterThan(0);
  });

  it('reads a fragment of pasted rich text', () => {
    const pasted = htmlToArticle('<meta charset="utf-8"><p>First <b>bold</b> point.</p><p>Second point.</p>');
    expect(pasted.body.text).toBe('First bold point.\nSecond point.');
    expect(pasted.body.blocks).toHaveLength(2);
  });
});

describe('checkStructuredBody', () => {
  it('refuses blocks and marks outside the text, and drops unsafe links', () => {
    expect(
      checkStructuredBody({ text: 'abc', blocks: [{ kind: 'paragraph', start: 0, end: 9 }], marks: [] }),
    ).toHaveProperty('error');
    expect(
      checkStructuredBody({
        text: 'abc',
        blocks: [{ kind: 'paragraph', start: 0, end: 3 }],
        marks: [{ kind: 'strong', start: 2, end: 7 }],
      }),
    ).toHaveProperty('error');
    const ok = checkStructuredBody({
      text: 'abc',
      blocks: [{ kind: 'paragraph', start: 0, end: 3 }],
      marks: [{ kind: 'link', start: 0, end: 3, href: 'javascript:alert(1)' }],
    });
    expect(ok).toEqual({ body: { text: 'abc', blocks: [{ kind: 'paragraph', start: 0, end: 3 }], marks: [] } });
  });
});
