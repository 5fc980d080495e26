/**
 * Test support: a local HTTP server of crafted article pages for "Save from a web address" with pictures, shared by
 * the unit tests, the end-to-end tests and the benchmark. Pictures are real PNGs built from pixels (test-images.ts).
 * `/article` holds every way a page hides its pictures (lazy data-src, srcset, <picture>, a <noscript> copy) and every
 * piece of furniture (an advertisement with its label, a share bar, a newsletter box, a "read more" box), a caption,
 * a fake picture (HTML served as image/png), one over the cap, and a tracking pixel; `/nav` is a page of links only;
 * `/gallery?n=100` an article with n pictures; `/slow` an article whose pictures wait until `release()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pngBytes } from '../storage/test-images';

export const ARTICLE_TITLE = 'Council votes to rebuild the breakwater';

export const ARTICLE_PARAGRAPHS = [
  'The harbour council voted on Tuesday to rebuild the northern breakwater before the winter storms, ending a debate that had run for three years.',
  'Engineers told the council that the old wall, built in 1911, had lost a third of its stones since the last survey, and that a single bad storm could breach it.',
  'The work will cost 4.2 million euros, shared between the city and the regional government, and is due to start in April.',
  'Fishermen who moor behind the wall welcomed the decision, though several said the council should have acted after the flooding of 2023.',
  'The mayor said the new wall would be built from the old stones where they could still be used, with concrete armour units on the seaward side.',
];

export const CAPTION = 'The northern breakwater at low tide, photographed in January.';

/** Alt texts of the pictures the article keeps, in reading order. */
export const KEPT_ALTS = [
  'The old breakwater in a storm',
  'Survey map of the wall',
  'Fishing boats behind the wall',
  'The harbour office',
];

/** Text of page furniture that must not reach the saved article. */
export const FURNITURE_TEXT = [
  'Advertisement',
  'Share on Facebook',
  'Sign up for our newsletter',
  'More from The Harbour Times',
  'Buy a boat today',
];

const SIZES: Record<string, [number, number]> = {
  storm: [64, 40],
  'map-400': [40, 30],
  'map-800': [80, 60],
  'map-3000': [300, 225],
  boats: [72, 48],
  'boats-small': [36, 24],
  office: [50, 50],
};

function metaHead(base: string): string {
  return `<title>${ARTICLE_TITLE} | The Harbour Times</title>
<link rel="canonical" href="${base}/news/2026/breakwater">
<meta property="og:site_name" content="The Harbour Times">
<meta property="og:image" content="${base}/img/office.png">
<meta property="article:published_time" content="2026-02-10T08:00:00+01:00">
<meta property="article:modified_time" content="2026-02-12T09:30:00+01:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${ARTICLE_TITLE}","datePublished":"2026-02-09T18:30:00+01:00","author":[{"@type":"Person","name":"Ana Costa"},{"@type":"Person","name":"Li Wei"}],"publisher":{"@type":"Organization","name":"The Harbour Times"}}</script>`;
}

function articlePage(base: string): string {
  const [p1, p2, p3, p4, p5] = ARTICLE_PARAGRAPHS;
  return `<!doctype html>
<html lang="en-gb"><head>${metaHead(base)}</head><body>
<header class="site-header"><a href="/">The Harbour Times</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
<main><article>
<h1>${ARTICLE_TITLE}</h1>
<div class="share-bar" aria-label="Share this article"><a href="https://facebook.example/share">Share on Facebook</a> <a href="https://x.example/share">Share on X</a></div>
<p>${p1}</p>
<figure><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/storm.png" alt="${KEPT_ALTS[0]}"><figcaption>${CAPTION}</figcaption></figure>
<p>${p2}</p>
<div class="ad-slot"><p>Advertisement</p><a href="https://ads.example/boat">Buy a boat today</a></div>
<img srcset="/img/map-400.png 400w, /img/map-800.png 800w, /img/map-3000.png 3000w" src="/img/map-400.png" alt="${KEPT_ALTS[1]}">
<p>${p3}</p>
<picture><source type="image/svg+xml" srcset="/img/boats.svg"><source type="image/webp" srcset="/img/boats.png 2x, /img/boats-small.png 1x"><img src="/img/boats-small.png" alt="${KEPT_ALTS[2]}"></picture>
<div class="newsletter-signup"><p>Sign up for our newsletter</p><p>Get the harbour news every morning in your inbox.</p></div>
<p>${p4}</p>
<img class="lazyload" alt="${KEPT_ALTS[3]}"><noscript><img src="/img/office.png" alt="${KEPT_ALTS[3]}"></noscript>
<img src="/img/fake.png" alt="Not really a picture">
<img src="/img/huge.png" alt="Far too large">
<img src="/img/pixel.png" width="1" height="1" alt="">
<p>${p5}</p>
<aside class="related-stories"><h3>More from The Harbour Times</h3><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Lighthouse reopens</a></li><li><a href="/c">Tide tables for March</a></li></ul></aside>
</article></main>
<footer><a href="/about">About</a> <a href="/contact">Contact</a></footer>
</body></html>`;
}

const NAV_PAGE = `<!doctype html><html lang="en"><head><title>Sections | The Harbour Times</title></head><body>
<ul>${['News', 'Sport', 'Weather', 'Tides', 'Ferries', 'Letters', 'Obituaries', 'Jobs', 'Property', 'Contact'].map((name) => `<li><a href="/${name.toLowerCase()}">${name}</a></li>`).join('')}</ul>
</body></html>`;

/** An article of `count` paragraphs, each followed by a captioned picture (left out with `withImages` false). */
function galleryPage(count: number, withImages = true): string {
  const picture = (i: number) =>
    withImages
      ? `<figure><img src="/gallery-img/${i}.png" alt="Picture ${i + 1}"><figcaption>Picture ${i + 1} of the harbour.</figcaption></figure>`
      : '';
  const blocks = Array.from(
    { length: count },
    (_, i) => `<p>${ARTICLE_PARAGRAPHS[i % ARTICLE_PARAGRAPHS.length]}</p>${picture(i)}`,
  );
  return `<!doctype html><html lang="en"><head><title>The harbour in ${count} pictures</title></head><body><article><h1>The harbour in ${count} pictures</h1>${blocks.join('\n')}</article></body></html>`;
}

export interface ArticleServer {
  base: string;
  server: Server;
  /** Paths requested so far, in order. */
  requested: string[];
  /** Lets the pictures of `/slow` answer. */
  release(): void;
  close(): Promise<void>;
}

function send(response: ServerResponse, type: string, body: string | Uint8Array, status = 200): void {
  response.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

/**
 * Starts the server on 127.0.0.1 (a free port). `/gallery` pictures are `gallerySize` pixels square (default 64), with
 * `galleryPadding` extra bytes each to weigh what photographs weigh; `/gallery?images=none` is the same page without them.
 */
export async function startArticleServer(
  options: { gallerySize?: number; galleryPadding?: number } = {},
): Promise<ArticleServer> {
  const requested: string[] = [];
  let releaseSlow: () => void = () => undefined;
  const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
  let base = '';
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', base);
    requested.push(url.pathname);
    const image = /^\/img\/([\w-]+)\.png$/.exec(url.pathname);
    if (url.pathname === '/article') return send(response, 'text/html; charset=utf-8', articlePage(base));
    if (url.pathname === '/nav') return send(response, 'text/html; charset=utf-8', NAV_PAGE);
    if (url.pathname === '/gallery')
      return send(
        response,
        'text/html; charset=utf-8',
        galleryPage(Number(url.searchParams.get('n') ?? 100), url.searchParams.get('images') !== 'none'),
      );
    if (url.pathname === '/slow')
      return send(response, 'text/html; charset=utf-8', galleryPage(3).replace(/\/gallery-img\//g, '/slow-img/'));
    if (url.pathname.startsWith('/slow-img/')) {
      void slowReleased.then(() => send(response, 'image/png', pngBytes(8, 8, 7)));
      return;
    }
    const gallery = /^\/gallery-img\/(\d+)\.png$/.exec(url.pathname);
    if (gallery) {
      const size = options.gallerySize ?? 64;
      return send(response, 'image/png', pngBytes(size, size, Number(gallery[1]) + 1000, options.galleryPadding ?? 0));
    }
    if (image?.[1] === 'fake')
      return send(response, 'image/png', '<!doctype html><html><body>Not an image at all</body></html>');
    if (image?.[1] === 'huge') {
      // Over the 20 MB cap, declared honestly; the client must stop at the header.
      return send(response, 'image/png', pngBytes(4, 4, 3, 21 * 1024 * 1024));
    }
    const size = image ? (SIZES[image[1] ?? ''] ?? (image[1] === 'pixel' ? [1, 1] : undefined)) : undefined;
    if (size)
      return send(response, 'image/png', pngBytes(size[0], size[1], Object.keys(SIZES).indexOf(image?.[1] ?? '') + 1));
    send(response, 'text/plain', 'Not found', 404);
  };
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    server,
    requested,
    release: () => releaseSlow(),
    close: () =>
      new Promise<void>((resolve) => {
        releaseSlow();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
