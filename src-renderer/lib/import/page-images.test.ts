// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bestCandidate, parseSrcset, preparePageImages } from './page-images';

const BASE = 'https://harbour.example/news/story';

function prepared(body: string): string[] {
  const page = new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');
  preparePageImages(page, BASE);
  return [...page.querySelectorAll('img')].map(
    (img) =>
      `${img.getAttribute('data-lectio-src')} | ${img.getAttribute('alt')} | ${img.getAttributeNames().sort().join(',')}`,
  );
}

describe('the best srcset candidate', () => {
  it.each([
    ['a.jpg 400w, b.jpg 800w, c.jpg 3000w', 'b.jpg'],
    ['c.jpg 3000w, d.jpg 2500w', 'd.jpg'],
    ['a.jpg 1x,b.jpg 2x', 'b.jpg'],
    [
      'https://cdn.example/i/w_400,h_300/a.jpg 400w, https://cdn.example/i/w_800,h_600/a.jpg 800w',
      'https://cdn.example/i/w_800,h_600/a.jpg',
    ],
    ['only.jpg', 'only.jpg'],
  ])('%s → %s', (srcset, best) => {
    expect(bestCandidate(parseSrcset(srcset))).toBe(best);
  });
});

describe('preparePageImages', () => {
  it('reduces every kind of picture to one <img> with only the address to download, resolved against the page', () => {
    expect(
      prepared(`
        <img src="data:image/gif;base64,R0lGOD" data-src="/lazy.jpg" alt="Lazy" onerror="alert(1)">
        <img srcset="s.jpg 300w, m.jpg 900w" src="s.jpg" alt="Set" width="900" height="600">
        <picture><source type="image/svg+xml" srcset="v.svg"><source srcset="p.webp 2x, q.webp 1x"><img src="q.webp" alt="Pic"></picture>
        <img class="lazyload" alt="Hidden"><noscript><img src="/real.png" alt="Hidden"></noscript>
        <img src="/pixel.gif" width="1" height="1" alt="">
        <img src="javascript:alert(1)" alt="Bad">`),
    ).toEqual([
      'https://harbour.example/lazy.jpg | Lazy | alt,data-lectio-src',
      'https://harbour.example/news/m.jpg | Set | alt,data-lectio-src,height,width',
      'https://harbour.example/news/p.webp | Pic | alt,data-lectio-src',
      'https://harbour.example/real.png | Hidden | alt,data-lectio-src',
    ]);
  });
});
