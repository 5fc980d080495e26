/** The stand-in's contextBridge copy rules, checked against Electron's documented table. */
import { describe, expect, it } from 'vitest';
import { createContextBridge } from './context-bridge';

function exposed(api: unknown): unknown {
  const world: Record<string, unknown> = {};
  createContextBridge(world, true).exposeInMainWorld('api', api);
  return world.api;
}

describe('contextBridge.exposeInMainWorld', () => {
  it('exposes a frozen deep copy on a read-only, non-configurable key', () => {
    const world: Record<string, unknown> = {};
    const inner = { list: [1, 2] };
    createContextBridge(world, true).exposeInMainWorld('api', { host: 'electron', inner });
    const api = world.api as { host: string; inner: { list: number[] } };
    expect(api).toEqual({ host: 'electron', inner: { list: [1, 2] } });
    expect(api.inner).not.toBe(inner);
    expect(Object.isFrozen(api) && Object.isFrozen(api.inner) && Object.isFrozen(api.inner.list)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(world, 'api')).toMatchObject({ writable: false, configurable: false });
    inner.list.push(3);
    expect(api.inner.list).toEqual([1, 2]);
  });

  it('proxies functions, copying arguments in and results (and promised results) out', async () => {
    const seen: unknown[] = [];
    const argument = { a: 1 };
    const result = { b: 2 };
    const api = exposed({ call: (input: unknown) => (seen.push(input), result), later: async () => result }) as {
      call(input: unknown): unknown;
      later(): Promise<unknown>;
    };
    const returned = api.call(argument);
    expect(seen[0]).toEqual(argument);
    expect(seen[0]).not.toBe(argument);
    expect(returned).toEqual(result);
    expect(returned).not.toBe(result);
    const promised = await api.later();
    expect(promised).toEqual(result);
    expect(promised).not.toBe(result);
  });

  it('drops prototypes and keeps only an error’s message', () => {
    class Point {
      constructor(readonly x: number) {}
      norm() {
        return this.x;
      }
    }
    const api = exposed({ point: new Point(3), failure: new TypeError('bad') }) as { point: object; failure: Error };
    expect(Object.getPrototypeOf(api.point)).toBe(Object.prototype);
    expect(api.point).toEqual({ x: 3 });
    expect(api.failure).toBeInstanceOf(Error);
    expect(api.failure.message).toBe('bad');
  });

  it('throws for a value that cannot be cloned', () => {
    expect(() => exposed({ cache: new WeakMap() })).toThrow('An object could not be cloned.');
  });

  it('refuses to replace an existing property, and works only with context isolation', () => {
    const world: Record<string, unknown> = { api: 1 };
    expect(() => createContextBridge(world, true).exposeInMainWorld('api', {})).toThrow(
      'Cannot bind an API on top of an existing property on the window object',
    );
    expect(() => createContextBridge({}, false).exposeInMainWorld('api', {})).toThrow(
      'contextBridge API can only be used when contextIsolation is enabled',
    );
  });
});
