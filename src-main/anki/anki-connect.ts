/**
 * A client of AnkiConnect, the Anki add-on that answers JSON over HTTP on 127.0.0.1:8765 (API version 6: every call
 * is a POST of `{ action, version, params }`, answered `{ result, error }`). Lectio calls it from the main process, so
 * the renderer's Content-Security-Policy and AnkiConnect's CORS list never come into it. Failures become an
 * 'anki-unavailable' LectioError whose message says what to do: start Anki, install the add-on, update it.
 */
import { LectioError } from '../core/errors';

export const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';
export const ANKI_CONNECT_VERSION = 6;
/** AnkiConnect's add-on code on AnkiWeb, for Tools › Add-ons › Get Add-ons. */
export const ANKI_CONNECT_CODE = '2055492159';

/** A status check should be quick: Anki answers at once or is not there. A push of many notes may take longer. */
const CHECK_TIMEOUT_MS = 3_000;
const CALL_TIMEOUT_MS = 60_000;

export const NOT_RUNNING = `Anki is not running, or AnkiConnect is not installed in it. Start Anki; if it is running, install AnkiConnect (Tools › Add-ons › Get Add-ons…, code ${ANKI_CONNECT_CODE}) and restart Anki.`;

export class AnkiConnect {
  constructor(
    readonly url: string = ANKI_CONNECT_URL,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** `action`'s result; throws an 'anki-unavailable' LectioError when nothing answers or AnkiConnect reports an error. */
  async invoke<T>(action: string, params: Record<string, unknown> = {}, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action, version: ANKI_CONNECT_VERSION, params }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new LectioError('anki-unavailable', NOT_RUNNING, { cause: error });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new LectioError(
        'anki-unavailable',
        `Something other than AnkiConnect answers at ${this.url}, so Lectio cannot send cards there.`,
        { cause: error },
      );
    }
    if (!body || typeof body !== 'object' || !('error' in body) || !('result' in body))
      throw new LectioError(
        'anki-unavailable',
        `What answers at ${this.url} does not speak AnkiConnect's version ${ANKI_CONNECT_VERSION}: update AnkiConnect in Anki (Tools › Add-ons › Check for Updates).`,
      );
    const { error, result } = body as { error: unknown; result: unknown };
    if (error !== null && error !== undefined) {
      const text = String(error);
      const hint = /api key/i.test(text)
        ? ' AnkiConnect is set to require an API key; Lectio does not send one, so clear "apiKey" in its settings.'
        : '';
      throw new LectioError('anki-unavailable', `Anki refused "${action}": ${text}.${hint}`);
    }
    return result as T;
  }

  /** AnkiConnect's API version; throws with a plain message when it is missing or older than version 6. */
  async version(): Promise<number> {
    const version = await this.invoke<number>('version', {}, CHECK_TIMEOUT_MS);
    if (typeof version !== 'number' || version < ANKI_CONNECT_VERSION)
      throw new LectioError(
        'anki-unavailable',
        `AnkiConnect in Anki is too old (API version ${String(version)}; Lectio needs ${ANKI_CONNECT_VERSION}): update it with Tools › Add-ons › Check for Updates.`,
      );
    return version;
  }
}

/**
 * The AnkiConnect address a host was given (`--anki-connect` or LECTIO_ANKI_CONNECT_URL): AnkiConnect's port can be
 * changed in its settings. Only an http address on this machine is accepted, so Lectio never sends cards elsewhere;
 * throws an Error naming the problem otherwise.
 */
export function ankiConnectAddress(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`The AnkiConnect address "${raw}" is not a web address (e.g. http://127.0.0.1:8765).`);
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error(`The AnkiConnect address must be http:// on this machine (127.0.0.1), not "${raw}".`);
  return url.origin;
}
