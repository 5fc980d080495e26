/**
 * Fetches one web page for "Save from a web address", in the main process: http and https only, no credentials in the
 * address, redirects followed by hand (each hop re-checked, at most five), one deadline for the whole exchange, and a
 * byte cap enforced while the body streams in, so a huge or endless response stops being read at the cap instead of
 * filling memory. Every failure is a 'page-fetch' LectioError whose message says what happened in words a reader can act on.
 */
import { isLectioError, LectioError } from '../core/errors';

/** The error for a page Lectio will not or could not fetch; `message` says why in words the reader can act on. */
export function pageFetchError(message: string): LectioError {
  return new LectioError('page-fetch', message);
}

/** The reader pressed Cancel while the page (or its pictures) was being fetched: nothing is stored. */
export function webImportCancelled(): LectioError {
  return new LectioError('cancelled', 'Saving the page was cancelled; nothing was stored.');
}

/** What a fetch is for: the page itself, or one of its pictures (a different Accept, cap message and budget). */
export interface FetchOptions {
  /** The reader's Cancel: aborts the exchange at once, failing with webImportCancelled. */
  signal?: AbortSignal;
  accept?: string;
  /** "page" or "image", for messages. */
  what?: string;
  /** Called with each chunk's size as the body streams in; returning false stops reading (an article-wide budget). */
  onChunk?: (bytes: number) => boolean;
}

export interface FetchLimits {
  /** For the whole exchange, redirects and body included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** The cap for a body the server says is a PDF, which runs larger than a page's HTML; maxBytes when absent. */
  maxPdfBytes?: number;
}

/** A PDF may be as large as the PDF file import accepts (24 MB: MAX_PDF_BYTES in the contract). */
export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  maxPdfBytes: 24_000_000,
};

export interface FetchedPage {
  /** The address the page finally came from, after redirects. */
  url: string;
  /** The media type alone, lower-cased ("text/html"), or '' when the server gave none. */
  mediaType: string;
  /** The charset the Content-Type names, or ''. */
  charset: string;
  bytes: Uint8Array;
}

/** The address as a URL when it is one Lectio may fetch; throws pageFetchError saying why not. */
export function checkWebAddress(raw: string, redirected = false): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw pageFetchError(
      `“${raw.trim().slice(0, 200)}” is not a web address. Paste the whole address, starting with https://.`,
    );
  }
  const where = redirected ? 'The page redirected to an address that' : 'The address';
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw pageFetchError(
      `${where} is not a web page (${url.protocol.replace(/:$/, '')}): only http and https addresses can be saved.`,
    );
  if (url.username || url.password)
    throw pageFetchError(
      `${where} contains a user name or password; Lectio does not send those. Remove them and try again.`,
    );
  return url;
}

function statusMessage(status: number, url: URL): string {
  if (status === 401 || status === 403)
    return `${url.host} asks for a login or refuses access (HTTP ${status}), so there is no article to save. Open the page in your browser, copy the article’s text and paste it here.`;
  if (status === 404 || status === 410)
    return `There is no page at this address (HTTP ${status}, not found). Check the address.`;
  if (status >= 500) return `${url.host} failed to send the page (HTTP ${status}, a server error). Try again later.`;
  return `${url.host} did not send the page (HTTP ${status}).`;
}

/** Why the network request failed, from undici's error and its cause. */
function networkMessage(error: unknown, url: URL): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `Could not find ${url.hostname}: there may be no network connection, or the address is misspelt.`;
  if (code === 'ECONNREFUSED') return `${url.host} refused the connection: nothing answers at that address.`;
  return `Could not reach ${url.host}: there may be no network connection (${code || (error instanceof Error ? error.message : String(error))}).`;
}

function parseContentType(header: string | null): { mediaType: string; charset: string } {
  const [type = '', ...params] = (header ?? '').split(';');
  const charset = params.map((param) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param)?.[1] ?? '').find(Boolean) ?? '';
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** Reads the body up to `maxBytes`; beyond it, cancels the stream (the rest is never downloaded) and refuses. */
async function readCapped(response: Response, maxBytes: number, options: FetchOptions = {}): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const tooLarge = () =>
    pageFetchError(
      `The ${options.what ?? 'page'} is too large to save (over ${Math.round(maxBytes / 1024 / 1024)} MB).`,
    );
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes || (options.onChunk && !options.onChunk(value.byteLength))) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function exchange(
  start: URL,
  limits: FetchLimits,
  signal: AbortSignal,
  options: FetchOptions,
): Promise<FetchedPage> {
  let url = start;
  const seen = new Set<string>([url.href]);
  for (let hop = 0; ; hop += 1) {
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { accept: options.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw pageFetchError(networkMessage(error, url));
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel().catch(() => undefined);
      if (hop >= limits.maxRedirects)
        throw pageFetchError(
          `The page redirected more than ${limits.maxRedirects} times, so Lectio stopped following it.`,
        );
      const next = checkWebAddress(new URL(response.headers.get('location') ?? '', url).href, true);
      if (seen.has(next.href))
        throw pageFetchError(
          'The page redirects in a loop and never arrives. Open it in your browser to check the address.',
        );
      seen.add(next.href);
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw pageFetchError(statusMessage(response.status, url));
    }
    const { mediaType, charset } = parseContentType(response.headers.get('content-type'));
    const cap = mediaType === 'application/pdf' ? (limits.maxPdfBytes ?? limits.maxBytes) : limits.maxBytes;
    return { url: url.href, mediaType, charset, bytes: await readCapped(response, cap, options) };
  }
}

/**
 * Fetches the page at `raw` within `limits`; throws pageFetchError with a reader's message on every failure, and
 * webImportCancelled when `options.signal` aborts. The same rules (schemes, redirects, deadline, streamed cap)
 * fetch a page's pictures, with their own Accept and cap.
 */
export async function fetchWebPage(
  raw: string,
  limits: FetchLimits = DEFAULT_LIMITS,
  options: FetchOptions = {},
): Promise<FetchedPage> {
  const start = checkWebAddress(raw);
  if (options.signal?.aborted) throw webImportCancelled();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await exchange(start, limits, controller.signal, options);
  } catch (error) {
    if (options.signal?.aborted) throw webImportCancelled();
    if (isLectioError(error, 'page-fetch')) throw error;
    if (controller.signal.aborted)
      throw pageFetchError(
        `${start.host} took too long to answer (over ${Math.round(limits.timeoutMs / 1000)} s), so Lectio gave up. Try again later.`,
      );
    throw pageFetchError(networkMessage(error, start));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}
