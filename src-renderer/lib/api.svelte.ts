/**
 * The renderer's one typed API client. In Electron it calls the preload bridge; in browser mode it POSTs to the local
 * server with the per-launch token. Arguments are snapshotted first, so Svelte's state proxies never cross the boundary.
 */
import {
  METHOD_NAMES,
  TOKEN_HEADER,
  httpPath,
  type ApiResult,
  type LectioApi,
  type MenuCommand,
  type MethodName,
  type OpenedFile,
  type PreloadBridge,
} from '../../src-main/api/contract';
import { fromApiError } from '../../src-main/core/errors';

declare global {
  interface Window {
    lectio?: PreloadBridge;
  }
}

const TOKEN_KEY = 'lectio-token';

/** Takes the token from the URL fragment once, keeps it for this tab, and removes it from the address bar. */
function browserToken(): string {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The call's value; a failed call throws the LectioError it sent, so screens switch on its `code`. */
function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw fromApiError(result.error);
}

/**
 * True from the moment the page starts to go away (a reload, a closed tab): the calls made then are the last saves of
 * what the reader typed (lib/autosave.svelte.ts), and only a keepalive request outlives its page. Cleared again if
 * the page stays after all.
 */
let leaving = false;
/** Chromium lets keepalive requests carry 64 KiB in all; a larger body goes as an ordinary request. */
const KEEPALIVE_MAX_BODY = 60_000;

function watchLeaving(): void {
  const leave = () => {
    leaving = true;
    setTimeout(() => (leaving = false), 1000);
  };
  // Registered before any saver's listeners (this module loads first), so the flag is set when they save.
  window.addEventListener('beforeunload', leave);
  window.addEventListener('pagehide', leave);
}

async function postJson(method: MethodName, input: unknown, token: string): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    const body = JSON.stringify(input);
    response = await fetch(httpPath(method), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body,
      keepalive: leaving && new TextEncoder().encode(body).length < KEEPALIVE_MAX_BODY,
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Lectio’s local server is not answering. Is `npm run serve` still running?' } };
  }
  if (response.status === 403) {
    return { ok: false, error: { code: 'forbidden', message: 'This page has no valid access token. Open the address that `npm run serve` printed.' } };
  }
  return (await response.json()) as ApiResult<unknown>;
}

const settledListeners = new Set<(method: MethodName) => void>();

/** Calls `listener` with the method's name each time a call has been answered (or failed); returns the unsubscribe. */
export function onCallSettled(listener: (method: MethodName) => void): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

function createClient(): LectioApi {
  const bridge = window.lectio;
  const token = bridge ? '' : browserToken();
  if (!bridge) watchLeaving();
  const call = async (method: MethodName, input: unknown) => {
    const plain = $state.snapshot(input ?? {});
    try {
      const result = bridge
        ? await (bridge.invoke[method] as (arg: unknown) => Promise<ApiResult<unknown>>)(plain)
        : await postJson(method, plain, token);
      return unwrap(result);
    } finally {
      for (const listener of settledListeners) listener(method);
    }
  };
  return Object.fromEntries(METHOD_NAMES.map((method) => [method, (input: unknown) => call(method, input)])) as unknown as LectioApi;
}

export const api: LectioApi = createClient();

export const isDesktop = Boolean(window.lectio);

/** Desktop: the native open dialog (null when cancelled). Browser mode has no such call; the UI uses a file input. */
export async function openTextFileNative(): Promise<OpenedFile | null> {
  if (!window.lectio) return null;
  return unwrap(await window.lectio.desktop.openTextFile());
}

/** Desktop: shows the library folder in the file manager; false where there is no desktop bridge. */
export async function revealDataFolder(): Promise<boolean> {
  if (!window.lectio) return false;
  unwrap(await window.lectio.desktop.revealDataFolder());
  return true;
}

/** Desktop: the files the system asked Lectio to open; none in browser mode. */
export async function takeOpenedFiles(): Promise<OpenedFile[]> {
  if (!window.lectio) return [];
  return unwrap(await window.lectio.desktop.takeOpenedFiles());
}

/** Desktop: calls `listener` with each command of the native application menu; nothing in browser mode. */
export function onMenuCommand(listener: (command: MenuCommand) => void): void {
  window.lectio?.onMenuCommand(listener);
}

/** A command for whichever screen is showing (the Library imports, the Reader exports or undoes). */
export const SCREEN_COMMAND_EVENT = 'lectio-command';

export function sendScreenCommand(command: MenuCommand): void {
  window.dispatchEvent(new CustomEvent<MenuCommand>(SCREEN_COMMAND_EVENT, { detail: command }));
}

/** Listens for screen commands until the returned function is called (use it as an effect's cleanup). */
export function listenScreenCommands(listener: (command: MenuCommand) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<MenuCommand>).detail);
  window.addEventListener(SCREEN_COMMAND_EVENT, handler);
  return () => window.removeEventListener(SCREEN_COMMAND_EVENT, handler);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
