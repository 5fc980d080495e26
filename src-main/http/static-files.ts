/** Serves the built renderer from one folder: no path escapes it, unknown paths get index.html (the app routes itself). */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Resolves a URL path inside `root`; returns null for anything that would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return target === root || target.startsWith(`${root}${path.sep}`) ? target : null;
}

export async function serveStatic(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const wanted = urlPath === '/' ? '/index.html' : urlPath;
  const file = resolveInside(root, wanted);
  let body: Buffer;
  let chosen = file;
  try {
    if (!file) throw new Error('outside');
    body = await readFile(file);
  } catch {
    // Asset-looking paths that do not exist are 404s; everything else is the single-page app.
    if (path.extname(wanted) && wanted !== '/index.html') {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    chosen = path.join(root, 'index.html');
    body = await readFile(chosen);
  }
  const type = TYPES[path.extname(chosen ?? '')] ?? 'application/octet-stream';
  const cache = chosen?.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable';
  response.writeHead(200, { ...headers, 'content-type': type, 'cache-control': cache }).end(body);
}
