/**
 * Runs a preload the way Electron's sandboxed renderer does (lib/sandboxed_renderer/init.ts): the file's text as the
 * body of one function taking `require, process, Buffer, global, setImmediate, clearImmediate, exports, module`, a
 * `require` that knows only `electron` ("module not found: <name>" otherwise), and any failure reported as
 * "Unable to load preload script: <path>" followed by the error, after which the page loads without the preload.
 */

/** The compiled wrapper, or the error compiling it raised (an ES module preload is a SyntaxError). */
export type CompiledPreload = { ok: true; run: PreloadFunction } | { ok: false; error: Error };

export type PreloadFunction = (
  require: (id: string) => unknown,
  process: object,
  buffer: undefined,
  global: object,
  setImmediate: (fn: () => void) => unknown,
  clearImmediate: (handle: unknown) => void,
  exports: object,
  module: { exports: object },
  window: object,
  globalThis: object,
  self: object,
) => void;

/**
 * The parameters the wrapper declares. Electron's sandbox passes the first eight; `window`, `globalThis` and `self`
 * stand for the isolated world's own global, which this stand-in emulates with a shadow object (see preload-world.ts).
 */
export const PRELOAD_PARAMETERS = [
  'require',
  'process',
  'Buffer',
  'global',
  'setImmediate',
  'clearImmediate',
  'exports',
  'module',
  'window',
  'globalThis',
  'self',
] as const;

/** The wrapper's source text: a function expression whose body is the preload file, byte for byte. */
export function preloadWrapperSource(preloadSource: string): string {
  return `(function (${PRELOAD_PARAMETERS.join(', ')}) {\n${preloadSource}\n})`;
}

export interface PreloadEnvironment {
  modules: ReadonlyMap<string, unknown>;
  /** The preload's own global: reads fall through to the page, writes stay in the preload's world. */
  isolatedGlobal: object;
  process: object;
  /** Electron logs the failure in the page's console and emits 'preload-error' on the web contents. */
  reportError(preloadPath: string, error: Error): void;
}

/** Returns true when the preload ran to its end. */
export function executeSandboxedPreload(
  preloadPath: string,
  compiled: CompiledPreload,
  env: PreloadEnvironment,
): boolean {
  const preloadRequire = (id: string): unknown => {
    if (env.modules.has(id)) return env.modules.get(id);
    throw new Error(`module not found: ${id}`);
  };
  try {
    if (!compiled.ok) throw compiled.error;
    const exports = {};
    const global = env.isolatedGlobal;
    const setImmediate = (fn: () => void) => setTimeout(fn, 0);
    const clearImmediate = (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>);
    compiled.run(
      preloadRequire,
      env.process,
      undefined,
      global,
      setImmediate,
      clearImmediate,
      exports,
      { exports },
      global,
      global,
      global,
    );
    return true;
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    env.reportError(preloadPath, error);
    return false;
  }
}
