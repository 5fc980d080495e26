/**
 * The page side of the stand-in, injected into every document of a harness window before the page's own scripts:
 * it takes the window's private binding to the main process out of the page's reach, then (top-level frame only,
 * as Electron does without nodeIntegrationInSubFrames) runs the built preload with a sandboxed `require` whose only
 * module is `electron` = { contextBridge, ipcRenderer }.
 */
import type { InvokeReply, PageMessage } from '../protocol';
import { createContextBridge } from './context-bridge';
import { createIpcRenderer } from './ipc-renderer';
import { createIsolatedGlobal } from './isolated-global';
import { executeSandboxedPreload, type CompiledPreload, type PreloadFunction } from './sandboxed-preload';

export interface PreloadWorldConfig {
  bindingName: string;
  preloadPath: string | null;
  /** Set when the preload could not be read or compiled (the wrapper is then null). */
  loadError: { name: string; message: string } | null;
  contextIsolation: boolean;
  /** False when webPreferences turn the sandbox off: a Node-enabled preload is beyond this stand-in. */
  sandboxed: boolean;
  nodeIntegrationInSubFrames: boolean;
  platform: string;
}

type Binding = (message: PageMessage) => Promise<unknown>;

function rebuildError(error: { name: string; message: string }): Error {
  return error.name === 'SyntaxError' ? new SyntaxError(error.message) : new Error(error.message);
}

export function installPreloadWorld(config: PreloadWorldConfig, wrapper: PreloadFunction | null): void {
  const page = globalThis as unknown as Record<string, unknown>;
  const binding = page[config.bindingName] as Binding | undefined;
  // The page must reach the main process only through what the preload exposes, never through the raw binding.
  delete page[config.bindingName];
  if (!binding || !config.preloadPath) return;
  if (page.top !== page && !config.nodeIntegrationInSubFrames) return;

  const ipcRenderer = createIpcRenderer(
    (channel, args) => binding({ kind: 'invoke', channel, args }) as Promise<InvokeReply>,
  );
  const contextBridge = createContextBridge(page, config.contextIsolation);
  const compiled: CompiledPreload = !config.sandboxed
    ? { ok: false, error: new Error('harness: only sandboxed preloads can be run (webPreferences.sandbox is false)') }
    : wrapper
      ? { ok: true, run: wrapper }
      : { ok: false, error: rebuildError(config.loadError ?? { name: 'Error', message: 'preload missing' }) };
  executeSandboxedPreload(config.preloadPath, compiled, {
    modules: new Map([['electron', Object.freeze({ contextBridge, ipcRenderer })]]),
    isolatedGlobal: createIsolatedGlobal(page),
    process: Object.freeze({
      type: 'renderer',
      sandboxed: true,
      contextIsolated: config.contextIsolation,
      platform: config.platform,
    }),
    reportError(preloadPath, error) {
      console.error(`Unable to load preload script: ${preloadPath}`);
      console.error(error);
      void binding({ kind: 'preload-error', preloadPath, message: String(error), stack: error.stack ?? '' });
    },
  });
}
