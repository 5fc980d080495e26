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
  DESKTOP_METHOD_NAMES.map((method) => [method, () => ipcRenderer.invoke(desktopChannel(method))]),
) as unknown as PreloadBridge['desktop'];

const bridge: PreloadBridge = { host: 'electron', invoke, desktop };
contextBridge.exposeInMainWorld('lectio', bridge);
