/**
 * What a failed call sends, through both hosts: Electron's IPC registration and browser mode's HTTP server answer the
 * same failure with the same typed result (an API code and the message, nothing else), and an error nobody expected
 * reaches the page as the generic message, never its text or stack, which stay in the main process's log.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, type LectioApi, type MethodName } from './contract';
import { LectioError, standardMessage } from '../core/errors';
import { pageFetchError } from '../import/fetch-page';

// ipc.ts reaches Electron only through security.ts's shell; nothing here opens anything.
vi.mock('electron', () => ({ shell: {} }));

const { registerIpc } = await import('../electron/ipc');
const { startHttpHost } = await import('../http/http-host');

const APP_URL = 'file:///opt/lectio/out/renderer/index.html';
const TOKEN = 'boundary-token';

class DiskFull extends Error {
  code = 'ENOSPC';
}

/** Each method fails in its own way; the arguments are valid, so every failure comes from the service. */
const failures: { method: MethodName; input: unknown; thrown: () => unknown }[] = [
  {
    method: 'importFromUrl',
    input: { url: 'nonsense' },
    thrown: () => pageFetchError('“nonsense” is not a web address.'),
  },
  {
    method: 'getDocument',
    input: { id: 'gone' },
    thrown: () => new LectioError('not-found', 'Document gone was not found'),
  },
  { method: 'createBackup', input: {}, thrown: () => new LectioError('busy', 'A backup is already being taken.') },
  {
    method: 'listDocuments',
    input: {},
    thrown: () => new TypeError("Cannot read properties of undefined (reading 'secret')"),
  },
  {
    method: 'search',
    input: { query: 'q' },
    thrown: () => new DiskFull('ENOSPC: no space left on device, write /home/reader/.lectio/x'),
  },
  { method: 'listCards', input: {}, thrown: () => 'a string, not an Error' },
];

const api = Object.fromEntries(
  failures.map(({ method, thrown }) => [
    method,
    async () => {
      throw thrown();
    },
  ]),
) as unknown as LectioApi;

/** What a page receives, for each failure. */
const expected = [
  { code: 'invalid-argument', message: '“nonsense” is not a web address.' },
  { code: 'not-found', message: 'Document gone was not found' },
  { code: 'invalid-argument', message: 'A backup is already being taken.' },
  { code: 'internal', message: standardMessage('internal') },
  { code: 'storage', message: 'The disk is full: the change was not saved, and your data is unchanged.' },
  { code: 'internal', message: standardMessage('internal') },
];

let dir: string;
let host: Awaited<ReturnType<typeof startHttpHost>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-boundary-'));
  mkdirSync(path.join(dir, 'renderer'));
  writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Lectio</title>');
  host = await startHttpHost({ api, rendererDir: path.join(dir, 'renderer'), token: TOKEN, port: 0 });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

function viaIpc(): (method: MethodName, input: unknown) => Promise<unknown> {
  const handlers = new Map<string, (event: unknown, input?: unknown) => unknown>();
  const ipcMain = {
    handle: (channel: string, handler: (event: unknown, input?: unknown) => unknown) => handlers.set(channel, handler),
  };
  const none = async () => ({ ok: true as const, value: null });
  registerIpc(
    ipcMain as never,
    api,
    { openTextFile: none, revealDataFolder: none, nextMenuCommand: none as never, takeOpenedFiles: none as never },
    () => APP_URL,
  );
  const trusted = { senderFrame: { url: APP_URL, parent: null } };
  return async (method, input) => handlers.get(ipcChannel(method))?.(trusted, input);
}

function viaHttp(method: MethodName, body: string): Promise<{ status: number; json: unknown }> {
  const self = `127.0.0.1:${host.port}`;
  const headers = { host: self, origin: `http://${self}`, 'x-lectio-token': TOKEN, 'content-type': 'application/json' };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: `/api/${method}`, method: 'POST', headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(body) as unknown }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('errors at the boundary', () => {
  it('are sent by IPC and HTTP alike as an API code and a message, the unexpected ones as the generic message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const ipc = viaIpc();
      for (const [i, { method, input }] of failures.entries()) {
        const result = { ok: false, error: expected[i] };
        const overIpc = await ipc(method, input);
        const overHttp = await viaHttp(method, JSON.stringify(input));
        expect(overIpc, `${method} over IPC`).toEqual(result);
        expect(overHttp.json, `${method} over HTTP`).toEqual(result);
        // A failed call is an answer, not a refused request: the page reads the typed result from the body.
        expect(overHttp.status).toBe(200);
        expect(JSON.stringify(overHttp.json)).not.toMatch(/secret|\.lectio|\bat .*\(|TypeError/);
      }
      // The unexpected ones (the TypeError, the string) are kept for whoever debugs them: once per host.
      const logged = log.mock.calls.map((args) => args[1]);
      expect(logged.filter((value) => value instanceof TypeError)).toHaveLength(2);
      expect(logged.filter((value) => value === 'a string, not an Error')).toHaveLength(2);
      expect(log).toHaveBeenCalledTimes(4);
    } finally {
      log.mockRestore();
    }
  });

  it('sends a request refused before any method runs with the status of its code', async () => {
    const reply = await viaHttp('listDocuments', '{not json');
    expect(reply).toEqual({
      status: 400,
      json: { ok: false, error: { code: 'invalid-argument', message: 'Body is not JSON' } },
    });
  });
});
