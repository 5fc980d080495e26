/**
 * The typed API client over any transport: the app's (the preload bridge, or HTTP to the local server; see
 * api.svelte.ts) or a test's (the service in the same process). It knows no window, so the screen state classes that
 * take a client run unchanged under unit tests. Arguments are snapshotted first, so Svelte's state proxies never cross
 * the boundary.
 */
import { METHOD_NAMES, TOKEN_HEADER, httpPath, type ApiResult, type LectioApi, type MethodName } from '@contract';
import { fromApiError } from '@core/errors';

/** Sends one call and answers with its typed result; never throws for an API error (that is `ok: false`). */
export type Transport = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/** The call's value; a failed call throws the LectioError it sent, so screens switch on its `code`. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw fromApiError(result.error);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Chromium lets keepalive requests carry 64 KiB in all; a larger body goes as an ordinary request. */
const KEEPALIVE_MAX_BODY = 60_000;

export interface HttpTransportOptions {
  /** The per-launch token the local server requires. */
  token: string;
  /** The server's origin; the page's own (relative addresses) by default. */
  origin?: string;
  /** True while the page is going away: the call then goes as a keepalive request, which outlives its page. */
  keepalive?: () => boolean;
}

/** Browser mode's transport: a POST to the local server; a server that does not answer is an `internal` error. */
export function httpTransport({ token, origin = '', keepalive = () => false }: HttpTransportOptions): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      const body = JSON.stringify(input);
      response = await fetch(origin + httpPath(method), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body,
        keepalive: keepalive() && new TextEncoder().encode(body).length < KEEPALIVE_MAX_BODY,
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Lectio’s local server is not answering. Is `npm run serve` still running?',
        },
      };
    }
    if (response.status === 403) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'This page has no valid access token. Open the address that `npm run serve` printed.',
        },
      };
    }
    return (await response.json()) as ApiResult<unknown>;
  };
}

/** The client's listeners for answered calls: each hears the method's name once its call is answered or failed. */
export class SettledCalls {
  readonly #listeners = new Set<(method: MethodName) => void>();

  /** Calls `listener` after each call; returns the unsubscribe. */
  listen(listener: (method: MethodName) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(method: MethodName): void {
    for (const listener of this.#listeners) listener(method);
  }
}

/** One function per contract method: each rejects with the LectioError the service sent. */
export function createApiClient(transport: Transport, settled?: SettledCalls): LectioApi {
  const call = async (method: MethodName, input: unknown) => {
    const plain = $state.snapshot(input ?? {});
    try {
      return unwrap(await transport(method, plain));
    } finally {
      settled?.notify(method);
    }
  };
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (input: unknown) => call(method, input)]),
  ) as unknown as LectioApi;
}
