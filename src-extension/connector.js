/*
 * Talking to the Lectio app: its connector listens on 127.0.0.1 (port 23131 unless the options say otherwise). Every
 * request carries the X-Lectio-Connector header (the app refuses requests without it, so web pages cannot call it) and
 * the pairing token made in Lectio's Settings. The extension's host permission for http://127.0.0.1/* is what lets it
 * call the app: the app sends no CORS headers. Shared by the background and the options page.
 */
/* exported lectioCall, lectioSettings, LECTIO_DEFAULT_PORT, LECTIO_NOT_RUNNING */
const LECTIO_DEFAULT_PORT = 23131;
const LECTIO_NOT_RUNNING = 'Lectio is not running. Open Lectio and try again.';
const LECTIO_PAIRING_NEEDED =
  'Pairing needed: in Lectio, open Settings › Browser extension, make a token and paste it into this extension’s options.';

/** The saved token and port. */
async function lectioSettings() {
  const ext = globalThis.browser ?? globalThis.chrome;
  const stored = await ext.storage.local.get(['token', 'port']);
  return {
    token: typeof stored.token === 'string' ? stored.token : '',
    port: Number(stored.port) || LECTIO_DEFAULT_PORT,
  };
}

/**
 * Calls `/connector/<path>`; resolves (never rejects) with { kind, message, answer }: kind is 'ok', 'not-running',
 * 'pairing-needed' or 'error'.
 */
async function lectioCall(path, body, settings) {
  const { token, port } = settings ?? (await lectioSettings());
  const headers = { 'x-lectio-connector': '1' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/connector/${path}`, {
      method: 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'not-running', message: LECTIO_NOT_RUNNING };
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // Not Lectio's JSON: something else holds the port.
  }
  if (response.status === 401) return { kind: 'pairing-needed', message: LECTIO_PAIRING_NEEDED };
  if (!answer || answer.ok !== true) {
    return {
      kind: 'error',
      message:
        answer?.error?.message ?? `Something other than Lectio answers on port ${port} (HTTP ${response.status}).`,
    };
  }
  return { kind: 'ok', message: '', answer };
}
