/**
 * Who may call the browser connector. Ordinary web pages must not: a page could otherwise save anything into the
 * library (or learn that Lectio runs) just by being visited. So, as Zotero's connector does:
 * - the Host header must be this server's own 127.0.0.1:port, so a DNS-rebinding page (a hostile name resolving to
 *   127.0.0.1) is refused;
 * - every request carries `X-Lectio-Connector: 1`: a page can send a custom header only after a CORS preflight, and
 *   the connector refuses every preflight (it names the page's Origin, and carries no such header) with no
 *   Access-Control-Allow-* header, so the browser never sends the real request. A page's "simple" request (a form
 *   post, an <img>) lacks the header;
 * - a request naming a web page's Origin is refused outright; the extension's own origin (chrome-extension://,
 *   moz-extension://) or none (a command-line client) may pass. The extension needs no CORS: its host permission for
 *   http://127.0.0.1/* lets its background fetch the connector directly;
 * - saving needs the pairing token made in Settings (checked by the server, after these).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { CONNECTOR_HEADER } from '../api/contract';

export interface Refusal {
  status: 403;
  message: string;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;

/** null when the request may proceed to its endpoint, otherwise the refusal to send. */
export function refuseConnectorRequest(headers: IncomingHttpHeaders, port: number): Refusal | null {
  if (headers.host !== `127.0.0.1:${port}`) return { status: 403, message: 'unexpected Host header' };
  const origin = headers.origin;
  if (origin !== undefined && !EXTENSION_ORIGIN.test(origin))
    return { status: 403, message: 'web pages may not call the Lectio connector' };
  if (headers[CONNECTOR_HEADER] !== '1') return { status: 403, message: `the ${CONNECTOR_HEADER} header is missing` };
  return null;
}

/** The bearer token of the request, or undefined. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}
