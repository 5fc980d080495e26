// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { looksLikeFurniture, removeFurniture, removeLinkBoxes } from './page-clutter';

function element(markup: string): Element {
  return new DOMParser().parseFromString(markup, 'text/html').body.firstElementChild as Element;
}

describe('page furniture', () => {
  it.each([
    '<div class="ad-slot">x</div>',
    '<div id="div-gpt-ad-123">x</div>',
    '<div class="article__share-bar">x</div>',
    '<div class="socialShare">x</div>',
    '<section class="newsletter-signup">x</section>',
    '<aside class="related-stories">x</aside>',
    '<div class="read-more-box">x</div>',
    '<div aria-label="Advertisement">x</div>',
    '<div role="complementary">x</div>',
  ])('is found by its name: %s', (markup) => {
    expect(looksLikeFurniture(element(markup))).toBe(true);
  });

  it.each([
    '<div class="article-body">x</div>',
    '<div class="header-image">x</div>',
    '<figure class="share-image">x</figure>',
    '<p class="lead">x</p>',
    '<div class="shadow">x</div>',
  ])('is not mistaken: %s', (markup) => {
    expect(looksLikeFurniture(element(markup))).toBe(false);
  });

  it('keeps an article column whatever it is called, and figures with their captions', () => {
    const page = new DOMParser().parseFromString(
      `<body><div class="content-with-share-tools">${'<p>A long paragraph of the article itself, well over a few words.</p>'.repeat(40)}</div>
       <div class="promo"><figure><img alt="x"><figcaption>Caption</figcaption></figure></div><div class="promo">Buy now</div></body>`,
      'text/html',
    );
    removeFurniture(page.body);
    expect(page.body.textContent).toContain('A long paragraph');
    expect(page.body.textContent).toContain('Caption');
    expect(page.body.textContent).not.toContain('Buy now');
  });

  it('drops short boxes of links but not a paragraph with a link in it', () => {
    const page = new DOMParser().parseFromString(
      '<body><div><h3>Read more</h3><a href="/a">Ferry timetable changes</a> <a href="/b">Lighthouse reopens</a></div><div><p>The council met on Tuesday and <a href="/r">published the survey</a> on its website after the vote.</p></div></body>',
      'text/html',
    );
    removeLinkBoxes(page.body);
    expect(page.body.textContent).not.toContain('Ferry');
    expect(page.body.textContent).toContain('published the survey');
  });

  it('leaves a page that is nothing but links whole, to be judged (and refused) as a page with no article', () => {
    const links = ['World', 'Politics', 'Business', 'Climate']
      .map((name) => `<li><a href="/${name}">${name} news and analysis</a></li>`)
      .join('');
    const page = new DOMParser().parseFromString(`<body><div><nav><ul>${links}</ul></nav></div></body>`, 'text/html');
    removeLinkBoxes(page.body);
    expect(page.body.textContent).toContain('Politics news and analysis');
  });
});
