/**
 * The browser connector: a small HTTP server on 127.0.0.1 (a fixed port, CONNECTOR_PORT, as Zotero's connector uses
 * 23119) that the Lectio browser extension calls to save the page the reader is looking at.
 *   GET|POST /connector/ping   → { app, version, paired }    (paired: whether the request's token is the current one)
 *   POST     /connector/save   → { status, documentId, title, selection }   (pairing token required)
 * Who may call it is decided in connector-guard.ts. Answers carry no CORS header at all.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { CONNECTOR_MAX_BODY_BYTES } from '../api/contract';
import { httpStatus, isLectioError, toApiError } from '../core/errors';
import type { ConnectorService } from '../api/services/connector-save';
import { guardConnections, serverTimeouts } from '../http/connection-guard';
import { bearerToken, refuseConnectorRequest } from './connector-guard';

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
};

const webAddress = z
  .string()
  .max(8000)
  .refine(
    (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
    'only http and https pages can be saved',
  );

const captureSchema = z
  .object({
    url: webAddress,
    title: z.string().max(2000),
    html: z.string().min(1).max(CONNECTOR_MAX_BODY_BYTES),
    selection: z
      .object({ exact: z.string().max(100_000), prefix: z.string().max(1000), suffix: z.string().max(1000) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

class BodyTooLarge extends Error {}

/** The body as text; rejects with BodyTooLarge past `max` bytes (the rest is read and dropped, so the 413 arrives). */
function readBody(request: IncomingMessage, max: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    request.resume();
    return Promise.reject(new BodyTooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > max) return;
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, HEADERS);
  response.end(JSON.stringify(body));
}

function fail(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, status, { ok: false, error: { code, message } });
}

const PAIRING_NEEDED =
  'Lectio does not know this extension: paste the pairing token from Lectio’s Settings › Browser extension into the extension’s options.';

async function save(service: ConnectorService, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!service.isPaired(bearerToken(request.headers))) return fail(response, 401, 'pairing-needed', PAIRING_NEEDED);
  let input: unknown;
  try {
    input = JSON.parse(await readBody(request, CONNECTOR_MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return fail(
        response,
        413,
        'too-large',
        `This page is too large to save (over ${CONNECTOR_MAX_BODY_BYTES / 1024 / 1024} MB).`,
      );
    return fail(response, 400, 'invalid-argument', 'The request is not JSON.');
  }
  const parsed = captureSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      response,
      400,
      'invalid-argument',
      `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  try {
    const outcome = await service.save({ ...parsed.data, selection: parsed.data.selection ?? null });
    send(response, 200, { ok: true, ...outcome });
  } catch (error) {
    // A page with no article is the reader's to know; other failures (a full disk) travel as the API sends them.
    if (isLectioError(error, 'page-fetch')) return fail(response, 422, 'no-article', error.message);
    if (!isLectioError(error)) throw error;
    send(response, httpStatus(error), { ok: false, error: toApiError(error) });
  }
}

async function route(
  service: ConnectorService,
  port: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const refusal = refuseConnectorRequest(request.headers, port);
  if (refusal) {
    request.resume();
    return fail(response, refusal.status, 'forbidden', `Forbidden: ${refusal.message}`);
  }
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (pathname === '/connector/ping' && (request.method === 'GET' || request.method === 'POST')) {
    request.resume();
    return send(response, 200, {
      ok: true,
      app: 'Lectio',
      version: service.version,
      paired: service.isPaired(bearerToken(request.headers)),
    });
  }
  if (pathname === '/connector/save' && request.method === 'POST') return save(service, request, response);
  request.resume();
  fail(response, 404, 'not-found', 'No such connector endpoint.');
}

export interface ConnectorServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0 picks a free one); rejects (EADDRINUSE) when the port is taken. */
export async function startConnectorServer(service: ConnectorService, port: number): Promise<ConnectorServer> {
  let bound = port;
  const server = createServer(serverTimeouts(), (request, response) => {
    route(service, bound, request, response).catch(() => {
      if (!response.headersSent) fail(response, 500, 'internal', 'Internal error');
      else response.destroy();
    });
  });
  guardConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  bound = (server.address() as AddressInfo).port;
  return {
    server,
    port: bound,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
