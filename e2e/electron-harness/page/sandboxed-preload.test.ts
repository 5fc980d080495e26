/** The stand-in's sandboxed preload: one CommonJS function body, `require('electron')` only, Electron's failure report. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadPreload, windowInitScript } from '../preload-script';
import { createIsolatedGlobal } from './isolated-global';
import { executeSandboxedPreload, type CompiledPreload, type PreloadFunction } from './sandboxed-preload';

function preloadFile(source: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'harness-preload-')), 'preload.cjs');
  writeFileSync(file, source);
  return file;
}

/** Loads a preload as the harness does and runs it; returns what it reported and what it reached. */
function run(source: string) {
  const file = preloadFile(source);
  const load = loadPreload(file);
  const compiled: CompiledPreload = load.wrapper
    ? { ok: true, run: vm.runInThisContext(load.wrapper) as PreloadFunction }
    : { ok: false, error: Object.assign(new Error(load.error?.message), { name: load.error?.name ?? 'Error' }) };
  const page: Record<string, unknown> = {};
  const reports: string[] = [];
  const electron = { marker: 'electron' };
  const ran = executeSandboxedPreload(file, compiled, {
    modules: new Map([['electron', electron]]),
    isolatedGlobal: createIsolatedGlobal(page),
    process: {},
    reportError: (preloadPath, error) =>
      reports.push(`Unable to load preload script: ${preloadPath}\n${String(error)}`),
  });
  return { file, ran, reports, page, load };
}

describe('sandboxed preload', () => {
  it('runs a CommonJS preload whose require offers electron', () => {
    const { ran, reports } = run(
      "const { marker } = require('electron'); if (marker !== 'electron') throw new Error('wrong module');",
    );
    expect(reports).toEqual([]);
    expect(ran).toBe(true);
  });

  it('refuses any other module as Electron’s sandbox does', () => {
    for (const id of ['fs', 'node:path', 'events', './other.cjs']) {
      const { file, ran, reports } = run(`require(${JSON.stringify(id)});`);
      expect(ran).toBe(false);
      expect(reports).toEqual([`Unable to load preload script: ${file}\nError: module not found: ${id}`]);
    }
  });

  it('fails an ES module preload at compile time, as sandboxed Electron does', () => {
    const { file, ran, reports, load } = run(
      "import { contextBridge } from 'electron';\ncontextBridge.exposeInMainWorld('x', {});",
    );
    expect(load.error).toEqual({ name: 'SyntaxError', message: 'Cannot use import statement outside a module' });
    expect(ran).toBe(false);
    expect(reports[0]).toBe(
      `Unable to load preload script: ${file}\nSyntaxError: Cannot use import statement outside a module`,
    );
    expect(run('export const x = 1;').load.error?.name).toBe('SyntaxError');
  });

  it('reports a missing preload file', () => {
    const load = loadPreload('/nonexistent/preload.cjs');
    expect(load.wrapper).toBeNull();
    expect(load.error?.message).toContain('ENOENT');
  });

  it('keeps what the preload assigns to window out of the page', () => {
    const { page, ran } = run('window.leaked = 1; global.alsoLeaked = 2; globalThis.third = 3;');
    expect(ran).toBe(true);
    expect(page).toEqual({});
  });

  it('builds a window script that parses as one classic script', () => {
    const { script } = windowInitScript({
      bindingName: '__b',
      preloadPath: preloadFile('void 0;'),
      contextIsolation: true,
      sandboxed: true,
      nodeIntegrationInSubFrames: false,
    });
    expect(() => new vm.Script(script)).not.toThrow();
    expect(script).not.toContain('__name(');
  });
});
