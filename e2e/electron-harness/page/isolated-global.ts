/**
 * The preload's own global object. With context isolation Electron runs the preload in a separate JavaScript world:
 * it shares the page's DOM but not its globals, so what the preload assigns to `window` never reaches the page.
 * This stand-in runs in the page's world, so it gives the preload a shadow: reads fall through to the page's global
 * (methods bound to it, so `window.addEventListener` still works), writes stay in the shadow.
 */
export function createIsolatedGlobal(pageGlobal: object): object {
  const own = new Map<PropertyKey, unknown>();
  return new Proxy(pageGlobal, {
    get(target, key) {
      if (own.has(key)) return own.get(key);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' && !isConstructor(value) ? value.bind(target) : value;
    },
    set(_target, key, value: unknown) {
      own.set(key, value);
      return true;
    },
    has(target, key) {
      return own.has(key) || Reflect.has(target, key);
    },
    defineProperty(_target, key, descriptor) {
      own.set(key, descriptor.value);
      return true;
    },
    deleteProperty(_target, key) {
      return own.delete(key);
    },
  });
}

function isConstructor(fn: object): boolean {
  // Bound copies of classes such as URL or Event would lose their statics; leave anything with a prototype alone.
  return Object.prototype.hasOwnProperty.call(fn, 'prototype');
}
