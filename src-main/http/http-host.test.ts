import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../analysis/extraction-runner';
import { createService } from '../api/service';
import { LibraryStorage } from '../storage/library-storage';
import { startHttpHost, type HttpHost } from './http-host';

const TOKEN = 'test-token-123';
let host: HttpHost;
let storage: LibraryStorage;

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function apiHeaders(overrides: Record<string, string> = {}): Record<string, string> {
  const self = `127.0.0.1:${host.port}`;
  return {
    host: self,
    origin: `http://${self}`,
    'x-lectio-token': TOKEN,
    'content-type': 'application/json',
    ...overrides,
  };
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-http-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lectio</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  storage = await LibraryStorage.open({ dataDir: path.join(dir, 'data'), now: () => new Date() });
  const api = createService({
    storage,
    host: 'browser',
    extraction: inProcessRunner,
    version: 'test',
    now: () => new Date(),
  });
  host = await startHttpHost({ api, rendererDir, token: TOKEN, port: 0 });
});

afterAll(async () => {
  await host.close();
  storage.close();
});

describe('browser-mode HTTP host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in its fragment', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`);
  });

  it('answers API calls that carry the token from its own origin', async () => {
    const reply = await send('/api/listDocuments', { method: 'POST', headers: apiHeaders(), body: '{}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['no token', { 'x-lectio-token': '' }],
    ['a wrong token', { 'x-lectio-token': 'guess' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['no Origin', { origin: '' }],
    ['a foreign Host (DNS rebinding)', { host: `evil.example:${0}` }],
    ['an opaque Origin (null, from a sandboxed frame or a file)', { origin: 'null' }],
    ['an https Origin on the same host', { origin: 'https://127.0.0.1' }],
    ['a look-alike Origin', { origin: 'http://127.0.0.1.evil.example' }],
  ])('refuses API calls with %s (403)', async (_label, overrides) => {
    const headers = apiHeaders(overrides as Record<string, string>);
    for (const [key, value] of Object.entries(headers)) if (value === '') delete headers[key];
    const reply = await send('/api/listDocuments', { method: 'POST', headers, body: '{}' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses an Origin or Host on another port, and a token anywhere but its header', async () => {
    const other = `127.0.0.1:${host.port + 1}`;
    expect(
      (
        await send('/api/listDocuments', {
          method: 'POST',
          headers: apiHeaders({ origin: `http://${other}` }),
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect(
      (await send('/api/listDocuments', { method: 'POST', headers: apiHeaders({ host: other }), body: '{}' })).status,
    ).toBe(403);
    const headers = apiHeaders();
    delete headers['x-lectio-token'];
    expect((await send(`/api/listDocuments?token=${TOKEN}`, { method: 'POST', headers, body: '{}' })).status).toBe(403);
    expect((await send('/api/listDocuments', { method: 'GET', headers: apiHeaders() })).status).toBe(405);
  });

  it('returns typed errors for malformed bodies and unknown methods', async () => {
    const bad = await send('/api/importDocument', { method: 'POST', headers: apiHeaders(), body: '{not json' });
    expect(bad.status).toBe(400);
    const unknown = await send('/api/eval', { method: 'POST', headers: apiHeaders(), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  // 120 MB, past the cap (three bytes a character of the largest import): sent whole, as a page or a client would.
  const HUGE = 120 * 1024 * 1024;

  it.each([
    ['declared in Content-Length', true],
    ['streamed in chunks with no length', false],
  ])(
    'answers a body over the cap, %s, with 413 and a JSON error, not a cut connection',
    async (_label, declared) => {
      const reply = await new Promise<Reply>((resolve, reject) => {
        const headers: Record<string, string> = apiHeaders();
        if (declared) headers['content-length'] = String(HUGE);
        const req = request(
          { host: '127.0.0.1', port: host.port, path: '/api/importDocument', method: 'POST', headers },
          (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
          },
        );
        req.on('error', reject);
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < HUGE) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringMatching(/too large.*MB/) },
      });
      // The server is fine after it.
      expect((await send('/api/listDocuments', { method: 'POST', headers: apiHeaders(), body: '{}' })).status).toBe(
        200,
      );
    },
    60_000,
  );

  it('serves the renderer with a strict CSP, and never a file outside it', async () => {
    const index = await send('/', { headers: { host: `127.0.0.1:${host.port}` } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await send('/assets/app.js', { headers: { host: `localhost:${host.port}` } });
    expect(asset.headers['content-type']).toContain('text/javascript');
    for (const sneaky of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await send(sneaky, { headers: { host: `127.0.0.1:${host.port}` } });
      expect(reply.body).not.toContain('do not serve');
    }
    const rebinding = await send('/', { headers: { host: 'evil.example' } });
    expect(rebinding.status).toBe(403);
  });
});
