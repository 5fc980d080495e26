/**
 * Who may call browser mode's API: requests for this server's own host and port (a foreign Host header means DNS
 * rebinding), from its own origin, carrying the per-launch token. Anything else gets 403.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_HEADER } from '../api/contract';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Returns null when the request may proceed, otherwise the reason it is refused. */
export function refuseApiRequest(headers: IncomingHttpHeaders, port: number, token: string): string | null {
  const hosts = allowedHosts(port);
  if (!headers.host || !hosts.has(headers.host)) return 'unexpected Host header';
  const origin = headers.origin;
  if (!origin || !hosts.has(origin.replace(/^http:\/\//, '')) || !origin.startsWith('http://'))
    return 'unexpected Origin';
  const given = headers[TOKEN_HEADER];
  if (typeof given !== 'string' || !sameToken(given, token)) return 'missing or wrong token';
  return null;
}

/** Static files reveal nothing secret, but a foreign Host is still refused so a rebinding page learns nothing. */
export function refuseStaticRequest(headers: IncomingHttpHeaders, port: number): string | null {
  return headers.host && allowedHosts(port).has(headers.host) ? null : 'unexpected Host header';
}
