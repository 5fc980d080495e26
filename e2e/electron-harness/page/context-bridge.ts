/**
 * The stand-in's `contextBridge`: what a context-isolated preload hands the page goes through Electron's copy rules
 * (https://www.electronjs.org/docs/latest/api/context-bridge#parameter--error--return-type-support): plain objects
 * and arrays are copied key by key and frozen, functions and promises are proxied (their arguments and results copied
 * again on every crossing), errors keep only their message, other values must survive the structured clone algorithm
 * or the call throws "An object could not be cloned.", symbols are dropped. Runs in the page (and in Node for tests).
 */

const NOT_CLONEABLE = 'An object could not be cloned.';

type Copier = (value: unknown) => unknown;

function isPlainObject(value: object): boolean {
  // Electron proxies any object that is not one of the structured-clone types; it drops the prototype.
  const tag = Object.prototype.toString.call(value);
  return tag === '[object Object]' || tag === '[object Arguments]';
}

/** Copies one value across the bridge; throws Electron's error for what cannot cross. */
export function copyAcrossWorlds(value: unknown, seen: Map<object, unknown> = new Map()): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'symbol') return undefined;
  if (typeof value !== 'object' && typeof value !== 'function') return value;
  const cached = seen.get(value);
  if (cached !== undefined) return cached;
  const copy: Copier = (inner) => copyAcrossWorlds(inner, seen);
  if (typeof value === 'function') return proxyFunction(value as (...args: unknown[]) => unknown);
  if (value instanceof Promise) return proxyPromise(value);
  if (value instanceof Error) return new Error(value.message);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(copy(item));
    return Object.freeze(out);
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return Object.freeze(out);
  }
  try {
    const cloned = structuredClone(value);
    seen.set(value, cloned);
    return cloned;
  } catch {
    throw new Error(NOT_CLONEABLE);
  }
}

function proxyPromise(promise: Promise<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    promise.then(
      (result) => {
        try {
          resolve(copyAcrossWorlds(result));
        } catch (error) {
          reject(error);
        }
      },
      (error: unknown) => reject(copyAcrossWorlds(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

function proxyFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  // Each call crosses twice: the page's arguments into the preload's world, the result back out.
  return (...args: unknown[]) => {
    const inbound = args.map((arg) => copyAcrossWorlds(arg));
    let result: unknown;
    try {
      result = fn(...inbound);
    } catch (error) {
      throw copyAcrossWorlds(error instanceof Error ? error : new Error(String(error)));
    }
    return copyAcrossWorlds(result);
  };
}

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/** `mainWorld` is the page's global object; returns the bridge the preload sees. */
export function createContextBridge(mainWorld: object, contextIsolation: boolean): ContextBridge {
  return {
    exposeInMainWorld(apiKey: string, api: unknown): void {
      if (!contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (Object.prototype.hasOwnProperty.call(mainWorld, apiKey)) {
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      }
      // Electron defines the key read-only and non-configurable, so the page cannot swap the API out.
      Object.defineProperty(mainWorld, apiKey, {
        value: copyAcrossWorlds(api),
        writable: false,
        configurable: false,
        enumerable: true,
      });
    },
  };
}
