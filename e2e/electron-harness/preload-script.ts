/**
 * Builds the script a harness window injects into each of its documents: the page-side stand-in (page/, bundled) and
 * the window's preload file. Like Electron's browser process, it reads the preload named in webPreferences; like
 * Electron's renderer, it compiles the file as a function body, so an ES module preload fails with V8's SyntaxError.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { buildSync } from 'esbuild';
import type { PreloadWorldConfig } from './page/preload-world';
import { preloadWrapperSource } from './page/sandboxed-preload';

const PAGE_ENTRY = path.join(__dirname, 'page', 'preload-world.ts');

let pageBundle: string | undefined;

/** The page-side modules as one classic script that defines `preloadWorld` in its own scope. */
function bundlePageSide(): string {
  // esbuild (already the toolchain's TypeScript compiler, via tsx and Vite) bundles page/ once per process; functions
  // serialised from this tsx-compiled process would carry its `__name` helpers, which do not exist in the page.
  pageBundle ??= buildSync({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'preloadWorld',
    target: 'es2022',
    platform: 'browser',
  }).outputFiles[0]?.text;
  if (!pageBundle) throw new Error('harness: could not bundle the page-side stand-in');
  return pageBundle;
}

export interface PreloadLoad {
  /** The wrapper's source, or null when reading or compiling the preload failed. */
  wrapper: string | null;
  error: { name: string; message: string } | null;
}

/** Returns the compiled wrapper, or the error Electron would report for this file. */
export function loadPreload(preloadPath: string): PreloadLoad {
  let source: string;
  try {
    source = readFileSync(preloadPath, 'utf8');
  } catch (error) {
    return { wrapper: null, error: { name: 'Error', message: error instanceof Error ? error.message : String(error) } };
  }
  const wrapper = preloadWrapperSource(source);
  try {
    // Compile only (never run) in Node's V8: the same parser rules the renderer's V8 applies to the wrapper.
    new vm.Script(wrapper, { filename: preloadPath });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { wrapper: null, error: { name: failure.name, message: failure.message } };
  }
  return { wrapper, error: null };
}

export interface WindowScriptOptions {
  bindingName: string;
  preloadPath: string | null;
  contextIsolation: boolean;
  sandboxed: boolean;
  nodeIntegrationInSubFrames: boolean;
}

/** The init script for one window, and the preload load result (so the caller can record a failure). */
export function windowInitScript(options: WindowScriptOptions): { script: string; load: PreloadLoad | null } {
  const load = options.preloadPath ? loadPreload(options.preloadPath) : null;
  const config: PreloadWorldConfig = {
    bindingName: options.bindingName,
    preloadPath: options.preloadPath,
    loadError: load?.error ?? null,
    contextIsolation: options.contextIsolation,
    sandboxed: options.sandboxed,
    nodeIntegrationInSubFrames: options.nodeIntegrationInSubFrames,
    platform: process.platform,
  };
  // One outer function keeps every name the bundle declares out of the page's global scope.
  const script = `(() => {\n${bundlePageSide()}\npreloadWorld.installPreloadWorld(${JSON.stringify(config)}, ${load?.wrapper ?? 'null'});\n})();`;
  return { script, load };
}
