/**
 * "Save from a web address" against a real HTTP server on the loopback interface, started by each test and closed at
 * its end: a real-looking article with metadata, redirects (a chain, a loop, to another scheme), HTTP errors, a body
 * far over the cap, a server too slow to answer, a wrong content type and a page without an article. Every refusal
 * must leave the library as it was.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { LectioApi } from '../contract';
import { serviceHarness } from './test-service-harness';
import { DEFAULT_LIMITS, type FetchLimits } from '../../import/fetch-page';

const harness = serviceHarness('web');

async function makeApi(limits: Partial<FetchLimits> = {}): Promise<LectioApi> {
  return (await harness.open({ webLimits: { ...DEFAULT_LIMITS, ...limits } })).api;
}

const serve = harness.serve;

const PARAGRAPHS = [
  'The harbour council voted on Tuesday to rebuild the northern breakwater before the winter storms, ending a debate that had run for three years.',
  'Engineers told the council that the old wall, built in 1911, had lost a third of its stones since the last survey, and that a single bad storm could breach it.',
  'The work will cost 4.2 million euros, shared between the city and the regional government, and is due to start in April.',
  'Fishermen who moor behind the wall welcomed the decision, though several said the council should have acted after the flooding of 2023.',
];

const ARTICLE_PAGE = `<!doctype html>
<html lang="en"><head>
<title>Council votes to rebuild the breakwater | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta property="article:published_time" content="2026-02-10T08:00:00+01:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council votes to rebuild the breakwater","datePublished":"2026-02-09T18:30:00+01:00","author":{"@type":"Person","name":"Ana Costa"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Council votes to rebuild the breakwater</h1>
${PARAGRAPHS.map((p, i) => `<p>${p}${i === 1 ? ' <a href="/reports/survey-2025">Read the survey</a>.' : ''}</p>`).join('\n')}
<script>document.body.innerHTML = 'SCRIPT RAN';</script>
</article>
<footer><a href="/about">About</a> <a href="/contact">Contact</a></footer>
</body></html>`;

function html(response: ServerResponse, body: string, status = 200) {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(body);
}

describe('importFromUrl', () => {
  it('saves a page’s article with its metadata, address and resolved links', async () => {
    const api = await makeApi();
    const base = await serve((request, response) =>
      request.url === '/news/breakwater' ? html(response, ARTICLE_PAGE) : html(response, 'missing', 404),
    );
    const saved = await api.importFromUrl({ url: `${base}/news/breakwater` });
    expect(saved).toMatchObject({
      title: 'Council votes to rebuild the breakwater',
      source: 'The Harbour Times, Ana Costa',
      publishedDate: '2026-02-09',
      url: `${base}/news/breakwater`,
      origin: '127.0.0.1',
    });
    const doc = await api.getDocument({ id: saved.id });
    for (const paragraph of PARAGRAPHS) expect(doc.body.text).toContain(paragraph);
    expect(doc.body.text).not.toContain('SCRIPT RAN');
    expect(doc.body.text).not.toContain('Sport');
    expect(doc.body.marks).toContainEqual(
      expect.objectContaining({ kind: 'link', href: `${base}/reports/survey-2025` }),
    );
    // The address survives a reload of the library.
    expect((await api.listDocuments({}))[0]).toMatchObject({ url: `${base}/news/breakwater` });
  });

  it('takes the title from <title> without the site name appended to it', async () => {
    const api = await makeApi();
    // A short title, which Readability itself keeps whole, site name and all.
    const page = ARTICLE_PAGE.replace(/<script type="application\/ld\+json">.*<\/script>/, '').replace(
      /<title>.*<\/title>/,
      '<title>Breakwater vote | The Harbour Times</title>',
    );
    const base = await serve((_request, response) => html(response, page));
    const saved = await api.importFromUrl({ url: `${base}/a` });
    expect(saved.title).toBe('Breakwater vote');
    expect(saved.publishedDate).toBe('2026-02-10');
    expect(saved.source).toBe('The Harbour Times');
  });

  it('follows a chain of up to five redirects, checking each hop, and keeps the final address', async () => {
    const api = await makeApi();
    const base = await serve((request, response) => {
      const hop = /^\/hop\/(\d)$/.exec(request.url ?? '');
      if (hop) {
        const n = Number(hop[1]);
        response.writeHead(n % 2 ? 301 : 302, { location: n < 5 ? `/hop/${n + 1}` : '/article' });
        return response.end();
      }
      return html(response, ARTICLE_PAGE);
    });
    const saved = await api.importFromUrl({ url: `${base}/hop/1` });
    expect(saved.url).toBe(`${base}/article`);
  });

  it('refuses a sixth redirect, a redirect loop and a redirect to another scheme, saving nothing', async () => {
    const api = await makeApi();
    const base = await serve((request, response) => {
      const url = request.url ?? '';
      const location = url.startsWith('/long/')
        ? `/long/${Number(url.slice(6)) + 1}`
        : url === '/loop-a'
          ? '/loop-b'
          : url === '/loop-b'
            ? '/loop-a'
            : 'file:///etc/passwd';
      response.writeHead(302, { location });
      response.end();
    });
    await expect(api.importFromUrl({ url: `${base}/long/1` })).rejects.toThrow(/redirected more than 5 times/);
    await expect(api.importFromUrl({ url: `${base}/loop-a` })).rejects.toThrow(/redirects in a loop/);
    await expect(api.importFromUrl({ url: `${base}/elsewhere` })).rejects.toThrow(
      /not a web page \(file\): only http and https/,
    );
    expect(await api.listDocuments({})).toEqual([]);
  });

  it('refuses addresses that are not http or https, or that carry a password, before fetching anything', async () => {
    const api = await makeApi();
    let requests = 0;
    const base = await serve((_request, response) => {
      requests += 1;
      html(response, ARTICLE_PAGE);
    });
    await expect(api.importFromUrl({ url: 'not an address' })).rejects.toThrow(/is not a web address/);
    await expect(api.importFromUrl({ url: 'ftp://127.0.0.1/article' })).rejects.toThrow(/only http and https/);
    await expect(api.importFromUrl({ url: base.replace('http://', 'http://ana:secret@') })).rejects.toThrow(
      /user name or password/,
    );
    expect(requests).toBe(0);
  });

  it('says which HTTP error stopped it: not found, a login wall, a server error', async () => {
    const api = await makeApi();
    const base = await serve((request, response) => html(response, '<p>no</p>', Number(request.url?.slice(1))));
    await expect(api.importFromUrl({ url: `${base}/404` })).rejects.toThrow(/no page at this address \(HTTP 404/);
    await expect(api.importFromUrl({ url: `${base}/401` })).rejects.toThrow(
      /asks for a login or refuses access \(HTTP 401\)/,
    );
    await expect(api.importFromUrl({ url: `${base}/403` })).rejects.toThrow(
      /asks for a login or refuses access \(HTTP 403\)/,
    );
    await expect(api.importFromUrl({ url: `${base}/503` })).rejects.toThrow(/server error/);
    expect(await api.listDocuments({})).toEqual([]);
  });

  it('stops reading a 30 MB body at the cap, whether or not the server declares its length', async () => {
    const api = await makeApi();
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const total = 30 * 1024 * 1024;
    let sent = 0;
    let finished = false;
    const base = await serve((request, response) => {
      response.writeHead(200, {
        'content-type': 'text/html',
        ...(request.url === '/declared' ? { 'content-length': String(total) } : {}),
      });
      let written = 0;
      const pump = () => {
        while (written < total) {
          written += chunk.length;
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        finished = true;
        response.end();
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    });
    await expect(api.importFromUrl({ url: `${base}/declared` })).rejects.toThrow(/too large to save \(over 10 MB\)/);
    sent = 0;
    await expect(api.importFromUrl({ url: `${base}/chunked` })).rejects.toThrow(/too large to save \(over 10 MB\)/);
    // The client cancelled the stream: the server never got to write all 30 MB.
    expect(finished).toBe(false);
    expect(sent).toBeLessThan(total);
    expect(await api.listDocuments({})).toEqual([]);
  });

  it('gives up on a server too slow to answer, within the (shortened) timeout', async () => {
    const api = await makeApi({ timeoutMs: 300 });
    const base = await serve((request, response) => {
      // Headers arrive, the body never does: the deadline covers the whole exchange, not just the first byte.
      if (request.url === '/trickle') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<!doctype html><p>Start');
        return;
      }
      // No answer at all.
    });
    await expect(api.importFromUrl({ url: `${base}/silent` })).rejects.toThrow(/took too long to answer/);
    await expect(api.importFromUrl({ url: `${base}/trickle` })).rejects.toThrow(/took too long to answer/);
    expect(await api.listDocuments({})).toEqual([]);
  });

  // A PDF now goes to the PDF import (pdf-import.test.ts imports one from a URL), an EPUB to the book import
  // (book-import.test.ts imports one from a URL); a broken one of either is refused as broken.
  it('refuses what is not a web page by its type: a broken PDF or EPUB as broken, others by name', async () => {
    const api = await makeApi();
    const base = await serve((request, response) => {
      const type =
        {
          '/pdf': 'application/pdf',
          '/epub': 'application/epub+zip',
          '/png': 'image/png',
          '/json': 'application/json',
        }[request.url ?? ''] ?? 'text/plain';
      response.writeHead(200, { 'content-type': type });
      response.end(request.url === '/pdf' ? '%PDF-1.4\n1 0 obj' : '{"a":1}');
    });
    await expect(api.importFromUrl({ url: `${base}/pdf` })).rejects.toThrow(
      /could not be read as a PDF: it is damaged or incomplete/,
    );
    await expect(api.importFromUrl({ url: `${base}/epub` })).rejects.toThrow(/not a readable EPUB/);
    await expect(api.importFromUrl({ url: `${base}/png` })).rejects.toThrow(/not a web page \(it is image\/png\)/);
    await expect(api.importFromUrl({ url: `${base}/json` })).rejects.toThrow(
      /not a web page \(it is application\/json\)/,
    );
    expect(await api.listDocuments({})).toEqual([]);
  });

  it('refuses a page with no article (a list of headlines), a closed port and a name that does not resolve', async () => {
    const api = await makeApi();
    const headlines = `<!doctype html><html><body><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/story/${i}">Headline number ${i} about the harbour and the council</a></li>`).join('')}</ul></body></html>`;
    const base = await serve((_request, response) => html(response, headlines));
    await expect(api.importFromUrl({ url: `${base}/front` })).rejects.toThrow(/No article found on this page/);
    await harness.stop(base);
    await expect(api.importFromUrl({ url: `${base}/front` })).rejects.toThrow(/refused the connection|Could not reach/);
    // .invalid never resolves (RFC 6761): the same answer as a name looked up with no network.
    await expect(api.importFromUrl({ url: 'http://lectio-test.invalid/article' })).rejects.toThrow(
      /Could not find lectio-test\.invalid: there may be no network connection|Could not reach lectio-test\.invalid/,
    );
    expect(await api.listDocuments({})).toEqual([]);
  });
});
