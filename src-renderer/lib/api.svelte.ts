/**
 * The renderer's one typed API client. In Electron it calls the preload bridge; in browser mode it POSTs to the local
 * server with the per-launch token. The client itself (snapshots, typed errors) is api-client.svelte.ts's.
 */
import {
  type ApiResult,
  type LectioApi,
  type MenuCommand,
  type MethodName,
  type OpenedFile,
  type PreloadBridge,
} from '@contract';
import { SettledCalls, createApiClient, httpTransport, unwrap, type Transport } from './api-client.svelte';

export { errorMessage } from './api-client.svelte';

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

/**
 * True from the moment the page starts to go away (a reload, a closed tab): the calls made then are the last saves of
 * what the reader typed (lib/autosave.svelte.ts), and only a keepalive request outlives its page. Cleared again if
 * the page stays after all.
 */
let leaving = false;
function watchLeaving(): void {
  const leave = () => {
    leaving = true;
    setTimeout(() => (leaving = false), 1000);
  };
  // Registered before any saver's listeners (this module loads first), so the flag is set when they save.
  window.addEventListener('beforeunload', leave);
  window.addEventListener('pagehide', leave);
}

const settled = new SettledCalls();

/** Calls `listener` with the method's name each time a call has been answered (or failed); returns the unsubscribe. */
export function onCallSettled(listener: (method: MethodName) => void): () => void {
  return settled.listen(listener);
}

function appTransport(): Transport {
  const bridge = window.lectio;
  if (bridge) return (method, input) => (bridge.invoke[method] as (arg: unknown) => Promise<ApiResult<unknown>>)(input);
  const token = browserToken();
  watchLeaving();
  return httpTransport({ token, keepalive: () => leaving });
}

export const api: LectioApi = createApiClient(appTransport(), settled);

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
