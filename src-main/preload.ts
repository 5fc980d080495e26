/**
 * The sandboxed preload: one CommonJS file that exposes named, typed functions on `window.lectio` through the context
 * bridge. It never exposes ipcRenderer itself, so the page can reach only the contract's channels.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_METHOD_NAMES, METHOD_NAMES, desktopChannel, ipcChannel, type PreloadBridge } from './api/contract';

const invoke = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input ?? {})]),
) as PreloadBridge['invoke'];

const desktop = Object.fromEntries(
  DESKTOP_METHOD_NAMES.filter((method) => method !== 'nextMenuCommand').map((method) => [
    method,
    () => ipcRenderer.invoke(desktopChannel(method)),
  ]),
) as unknown as PreloadBridge['desktop'];

/** Keeps one `nextMenuCommand` call open and hands each command to the page; stops if main stops answering. */
function onMenuCommand(listener: Parameters<PreloadBridge['onMenuCommand']>[0]): void {
  const wait = (): void => {
    ipcRenderer.invoke(desktopChannel('nextMenuCommand')).then(
      (result: { ok: boolean; value?: unknown }) => {
        if (!result?.ok) return;
        listener(result.value as Parameters<typeof listener>[0]);
        wait();
      },
      () => undefined,
    );
  };
  wait();
}

const bridge: PreloadBridge = { host: 'electron', invoke, desktop, onMenuCommand };
contextBridge.exposeInMainWorld('lectio', bridge);
