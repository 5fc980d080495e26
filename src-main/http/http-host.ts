/**
 * Browser mode's host: one HTTP server on 127.0.0.1 that serves the built renderer and exposes the same API as
 * Electron's IPC, as `POST /api/<method>` with a JSON body, guarded by the per-launch token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_IMPORT_CHARS, type ApiResult, type LectioApi } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { httpStatus, isLectioError, LectioError, toApiError } from '../core/errors';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { guardConnections, serverTimeouts } from './connection-guard';
import { refuseApiRequest, refuseStaticRequest } from './request-guard';
import { serveStatic } from './static-files';
import { isImagePath, serveImage } from './image-route';
import type { ImageStore } from '../storage/image-store';

const MAX_BODY_BYTES = MAX_IMPORT_CHARS * 3 + 64 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export interface HttpHostOptions {
  api: LectioApi;
  rendererDir: string;
  token: string;
  port: number;
  /** The library's stored images, served read-only at /images/<id>. */
  images?: Pick<ImageStore, 'read'>;
}

export interface HttpHost {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const TOO_LARGE = `Request too large: the limit is ${Math.floor(MAX_BODY_BYTES / (1024 * 1024))} MB (an article of at most ${MAX_IMPORT_CHARS.toLocaleString('en')} characters).`;

/**
 * The request's body as text; rejects with the 'body-too-large' error as soon as it is known to pass the cap (from Content-Length,
 * before reading anything, or while it streams). The rest of the body is then read and discarded, not cut off: a
 * connection closed with unread data is reset, and the client would see the reset instead of the 413. Node's request
 * deadline still bounds how long a client may go on sending.
 */
function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    request.resume();
    return Promise.reject(new LectioError('body-too-large', TOO_LARGE));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        reject(new LectioError('body-too-large', TOO_LARGE));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, result: ApiResult<unknown>): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(result));
}

/** Refuses a request before any method runs: the status is the error code's (core/errors.ts), the body its ApiError. */
function refuse(response: ServerResponse, error: LectioError): void {
  sendJson(response, httpStatus(error), { ok: false, error: toApiError(error) });
}

async function handleApi(
  options: HttpHostOptions,
  port: number,
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
): Promise<void> {
  const refusal = refuseApiRequest(request.headers, port, options.token);
  if (refusal) return refuse(response, new LectioError('forbidden', `Forbidden: ${refusal}`));
  if (request.method !== 'POST') return refuse(response, new LectioError('wrong-http-method', 'Use POST'));
  let input: unknown;
  try {
    const body = await readBody(request);
    input = body.length === 0 ? {} : JSON.parse(body);
  } catch (error) {
    return refuse(response, isLectioError(error, 'body-too-large') ? error : new LectioError('bad-request'));
  }
  const result = await dispatch(options.api, method, input);
  sendJson(response, 200, result);
}

/** Starts listening on 127.0.0.1 (port 0 picks a free one); rejects when the port is taken. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  let port = options.port;
  const server = createServer(serverTimeouts(), (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const handled = url.pathname.startsWith('/api/')
      ? handleApi(options, port, request, response, url.pathname.slice('/api/'.length))
      : handleStatic(options, port, request, response, url.pathname);
    handled.catch(() => {
      if (!response.headersSent) refuse(response, new LectioError('internal'));
      else response.destroy();
    });
  });
  guardConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handleStatic(
  options: HttpHostOptions,
  port: number,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  const refusal = refuseStaticRequest(request.headers, port);
  if (refusal) return refuse(response, new LectioError('forbidden', `Forbidden: ${refusal}`));
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return refuse(response, new LectioError('wrong-http-method', 'Use GET'));
  if (isImagePath(pathname)) return serveImage(options.images, pathname, response, SECURITY_HEADERS);
  await serveStatic(options.rendererDir, pathname, response, SECURITY_HEADERS);
}
