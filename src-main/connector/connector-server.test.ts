/**
 * The browser connector over real HTTP on 127.0.0.1 (port 0): ping, save with a selection (a document and its first
 * highlight), the same page again, and every refusal: no custom header, no or a wrong token, a foreign Host (DNS
 * rebinding), a web page's Origin, a CORS preflight (answered with no allowance), a body over 10 MB, a page with no
 * article. And a taken port is reported, not thrown.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CONNECTOR_MAX_BODY_BYTES } from '../api/contract';
import { createConnectorService } from '../api/services/connector-save';
import { openTestLibrary } from '../storage/test-library';
import type { LibraryStorage } from '../storage/library-storage';
import type { LectioApi } from '../api/contract';
import { startConnectorServer, type ConnectorServer } from './connector-server';
import { ConnectorListener } from './listener';
import { startConnector } from './start-connector';
import path from 'node:path';

const PARAGRAPHS = [
  'The harbour council voted on Tuesday to rebuild the northern breakwater before the winter storms, ending a debate that had run for three years.',
  'Engineers told the council that the old wall, built in 1911, had lost a third of its stones since the last survey, and that a single bad storm could breach it.',
  'The work will cost 4.2 million euros, shared between the city and the regional government, and is due to start in April.',
  'Fishermen who moor behind the wall welcomed the decision, though several said the council should have acted after the flooding of 2023.',
];

// As a browser hands it over: the DOM after the page's scripts ran (here the article body was put in by a script, so
// a server-side fetch would see none of it), with the script still in it.
const RENDERED_PAGE = `<html lang="en"><head><title>Council votes to rebuild the breakwater</title>
<meta property="og:site_name" content="The Harbour Times"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council votes to rebuild the breakwater</h1>
${PARAGRAPHS.map((p) => `<p>\n      ${p}\n    </p>`).join('\n')}
</article><script>document.querySelector('article').dataset.ready = '1';</script></body></html>`;

const PAGE_URL = 'https://harbour.example/news/breakwater';

interface Harness {
  api: LectioApi;
  storage: LibraryStorage;
  server: ConnectorServer;
  token: string;
}

const opened: { storage: LibraryStorage; server: ConnectorServer | null }[] = [];

afterEach(async () => {
  for (const { storage, server } of opened.splice(0)) {
    await server?.close();
    storage.close();
  }
});

async function harness(): Promise<Harness> {
  const { api, storage } = await openTestLibrary();
  let n = 0;
  const service = createConnectorService(
    { storage, now: () => new Date('2026-03-04T05:06:07.000Z'), newId: () => `page-${++n}`, version: '9.9.9' },
    api,
  );
  const server = await startConnectorServer(service, 0);
  opened.push({ storage, server });
  const { token } = await api.makeConnectorToken({});
  return { api, storage, server, token };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** One request with exactly these headers (fetch would not let a test set Host). */
function call(
  port: number,
  options: { method?: string; path?: string; headers?: OutgoingHttpHeaders; body?: string | Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/connector/save',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const connectorHeaders = (token?: string): OutgoingHttpHeaders => ({
  'x-lectio-connector': '1',
  'content-type': 'application/json',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

const selectionOf = (paragraph: string, exact: string) => {
  const at = paragraph.indexOf(exact);
  // The page's text around the selection, with the page's own whitespace.
  return {
    exact,
    prefix: ` ${paragraph.slice(Math.max(0, at - 32), at)}`,
    suffix: `${paragraph.slice(at + exact.length, at + exact.length + 32)}`,
  };
};

const saveBody = (selection: ReturnType<typeof selectionOf> | null = null, html = RENDERED_PAGE, url = PAGE_URL) =>
  JSON.stringify({ url, title: 'Tab title', html, selection });

describe('connector ping', () => {
  it('answers the app name and version, and whether the token is the current one', async () => {
    const { server, token } = await harness();
    const unpaired = await call(server.port, { method: 'GET', path: '/connector/ping', headers: connectorHeaders() });
    expect(unpaired).toMatchObject({ status: 200, body: { ok: true, app: 'Lectio', version: '9.9.9', paired: false } });
    const paired = await call(server.port, { path: '/connector/ping', headers: connectorHeaders(token) });
    expect(paired.body).toMatchObject({ paired: true });
    const wrong = await call(server.port, {
      path: '/connector/ping',
      headers: connectorHeaders(`${token.slice(0, -1)}x`),
    });
    expect(wrong.body).toMatchObject({ paired: false });
    expect(paired.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('connector save', () => {
  it('saves the rendered page through the web import path, with the selection as its first highlight', async () => {
    const { api, storage, server, token } = await harness();
    const selection = selectionOf(PARAGRAPHS[1] ?? '', 'had lost a third of its stones');
    const answer = await call(server.port, { headers: connectorHeaders(token), body: saveBody(selection) });
    expect(answer).toMatchObject({
      status: 200,
      body: {
        ok: true,
        status: 'saved',
        documentId: 'page-1',
        title: 'Council votes to rebuild the breakwater',
        selection: 'saved',
      },
    });

    const doc = await api.getDocument({ id: 'page-1' });
    expect(doc).toMatchObject({ url: PAGE_URL, origin: 'harbour.example' });
    for (const paragraph of PARAGRAPHS) expect(doc.body.text).toContain(paragraph);
    expect(doc.body.text).not.toContain('Home');
    const { highlights } = await api.getAnnotations({ documentId: 'page-1' });
    expect(highlights).toHaveLength(1);
    const [first] = highlights;
    expect(first?.anchor).not.toBeNull();
    expect(doc.body.text.slice(first?.anchor?.start, first?.anchor?.end)).toBe('had lost a third of its stones');
    expect(storage.documents.list().find((d) => d.id === 'page-1')?.highlightCount).toBe(1);
  });

  it('finds a selection that spans two paragraphs, whatever whitespace the page had between them', async () => {
    const { api, server, token } = await harness();
    const exact = 'start in April.\n\n    \n      Fishermen who moor';
    const answer = await call(server.port, {
      headers: connectorHeaders(token),
      body: saveBody({ exact, prefix: 'regional government, and is due to ', suffix: ' behind the wall welcomed' }),
    });
    expect(answer.body).toMatchObject({ status: 'saved', selection: 'saved' });
    const doc = await api.getDocument({ id: 'page-1' });
    const [first] = (await api.getAnnotations({ documentId: 'page-1' })).highlights;
    expect(doc.body.text.slice(first?.anchor?.start, first?.anchor?.end).replace(/\s+/g, ' ')).toBe(
      'start in April. Fishermen who moor',
    );
  });

  it('does not save a page twice, and adds a new selection on it to the document already saved', async () => {
    const { api, storage, server, token } = await harness();
    await call(server.port, { headers: connectorHeaders(token), body: saveBody() });
    const again = await call(server.port, {
      headers: connectorHeaders(token),
      body: saveBody(selectionOf(PARAGRAPHS[2] ?? '', '4.2 million euros'), RENDERED_PAGE, `${PAGE_URL}#comments`),
    });
    expect(again.body).toMatchObject({ ok: true, status: 'already-saved', documentId: 'page-1', selection: 'saved' });
    const repeat = await call(server.port, {
      headers: connectorHeaders(token),
      body: saveBody(selectionOf(PARAGRAPHS[2] ?? '', '4.2 million euros')),
    });
    expect(repeat.body).toMatchObject({ status: 'already-saved', selection: 'already' });
    expect(storage.documents.list().filter((d) => d.url === PAGE_URL)).toHaveLength(1);
    expect((await api.getAnnotations({ documentId: 'page-1' })).highlights).toHaveLength(1);
  });

  it('keeps the document and says so when the selection is not in the saved article', async () => {
    const { api, server, token } = await harness();
    const answer = await call(server.port, {
      headers: connectorHeaders(token),
      body: saveBody({ exact: 'News', prefix: 'Home ', suffix: '' }),
    });
    expect(answer.body).toMatchObject({ status: 'saved', selection: 'not-found' });
    expect((await api.getAnnotations({ documentId: 'page-1' })).highlights).toHaveLength(0);
  });

  it('refuses a page with no article, with the importer’s message, and stores nothing', async () => {
    const { storage, server, token } = await harness();
    const links = `<html><body><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/n/${i}">Headline number ${i} about the harbour</a></li>`).join('')}</ul></body></html>`;
    const answer = await call(server.port, { headers: connectorHeaders(token), body: saveBody(null, links) });
    expect(answer).toMatchObject({ status: 422, body: { ok: false, error: { code: 'no-article' } } });
    expect(String((answer.body.error as { message: string }).message)).toMatch(/No article found/);
    expect(storage.documents.list()).toHaveLength(0);
  });
});

describe('who may call the connector', () => {
  it('refuses a request without the X-Lectio-Connector header (a page’s simple request) with 403', async () => {
    const { storage, server, token } = await harness();
    const { 'x-lectio-connector': _, ...headers } = connectorHeaders(token);
    const answer = await call(server.port, { headers: { ...headers, 'content-type': 'text/plain' }, body: saveBody() });
    expect(answer.status).toBe(403);
    expect(storage.documents.list()).toHaveLength(0);
  });

  it('refuses a save without the pairing token, or with a wrong one, with 401', async () => {
    const { storage, server, token } = await harness();
    expect((await call(server.port, { headers: connectorHeaders(), body: saveBody() })).status).toBe(401);
    const wrong = await call(server.port, {
      headers: connectorHeaders(token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))),
      body: saveBody(),
    });
    expect(wrong).toMatchObject({ status: 401, body: { ok: false, error: { code: 'pairing-needed' } } });
    expect(storage.documents.list()).toHaveLength(0);
  });

  it('stops accepting the old token once a new one is made', async () => {
    const { api, server, token } = await harness();
    const { token: fresh } = await api.makeConnectorToken({});
    expect((await call(server.port, { headers: connectorHeaders(token), body: saveBody() })).status).toBe(401);
    expect((await call(server.port, { headers: connectorHeaders(fresh), body: saveBody() })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding), and localhost too: the extension calls 127.0.0.1', async () => {
    const { storage, server, token } = await harness();
    for (const host of [
      `evil.example:${server.port}`,
      `localhost:${server.port}`,
      '127.0.0.1',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const answer = await call(server.port, { headers: { ...connectorHeaders(token), host }, body: saveBody() });
      expect(answer.status, host).toBe(403);
    }
    expect(storage.documents.list()).toHaveLength(0);
  });

  it('gives a web page’s CORS preflight no allowance, and refuses a request from a page origin', async () => {
    const { storage, server, token } = await harness();
    const preflight = await call(server.port, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-lectio-connector, authorization, content-type',
      },
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const fromPage = await call(server.port, {
      headers: { ...connectorHeaders(token), origin: 'https://evil.example' },
      body: saveBody(),
    });
    expect(fromPage.status).toBe(403);
    expect(storage.documents.list()).toHaveLength(0);
  });

  it('refuses a body over 10 MB with 413', async () => {
    const { storage, server, token } = await harness();
    const html = `<html><body><article><p>${'word '.repeat(CONNECTOR_MAX_BODY_BYTES / 5)}</p></article></body></html>`;
    const answer = await call(server.port, { headers: connectorHeaders(token), body: saveBody(null, html) });
    expect(answer).toMatchObject({ status: 413, body: { ok: false, error: { code: 'too-large' } } });
    expect(storage.documents.list()).toHaveLength(0);
  });
});

describe('pairing token and port', () => {
  it('stores only the token’s hash, shows it once, and reports the status', async () => {
    const { api, storage } = await openTestLibrary();
    opened.push({ storage, server: null });
    expect(await api.getConnectorStatus({})).toMatchObject({ state: 'off', paired: false, tokenCreatedAt: null });
    const { token, status } = await api.makeConnectorToken({});
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(status).toMatchObject({ paired: true, tokenCreatedAt: '2026-03-04T05:06:07.000Z' });
    expect(JSON.stringify(await api.getConnectorStatus({}))).not.toContain(token);
    const stored = readFileSync(path.join(storage.dataDir, 'settings.json'), 'utf8');
    expect(stored).not.toContain(token);
    expect(JSON.parse(stored).connector.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says the port is in use instead of failing when another program holds it', async () => {
    const { api, storage, server } = await harness();
    const listener = new ConnectorListener(server.port, null);
    const service = createConnectorService({ storage, now: () => new Date(), newId: () => 'x', version: '1' }, api);
    expect(await startConnector(service, listener)).toBeNull();
    expect(listener).toMatchObject({ state: 'port-in-use' });
    expect(listener.message).toContain(`Port ${server.port} is in use`);
  });
});
