/**
 * What the hosts load before the first screen: both start in open-library.ts, and every module reached from there by a
 * static import is parsed and run before the server answers. pdf.js (3 MB), compromise's lexicon (behind the quiz
 * generators and the in-process engine) and PouchDB with its HTTP stack cost a launch about a second between them on a
 * busy machine, and none is needed until a PDF is imported, a quiz is made or sync runs: they are loaded by import()
 * where they are used. This walks the static imports from the entry files and fails if one of them is reached again.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const HOSTS = ['src-main/serve.ts', 'src-main/main.ts'];
/** The renderer's first bundle: the Library and what every screen shares (other screens may come by import()). */
const RENDERER = ['src-renderer/main.ts'];
/** Packages that must not load at start-up, with why each can wait. */
const LATER = ['pdfjs-dist', 'compromise', 'pouchdb-core', 'pouchdb-adapter-leveldb', 'pouchdb-adapter-http'];
const ALIASES: [string, string][] = [
  ['@core/', 'src-main/core/'],
  ['@main/', 'src-main/'],
  ['@contract', 'src-main/api/contract'],
];

/** The specifiers a module imports statically: not `import type`, not `import()`, with re-exports included. */
function staticImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of code.matchAll(pattern)) if (!match[1] && match[2]) found.push(match[2]);
  return found;
}

/** The file a specifier names (a .ts or .svelte.ts module, or a folder's index.ts); null for a package or asset. */
function resolve(from: string, specifier: string): string | null {
  let base: string | null = null;
  if (specifier.startsWith('.')) base = path.join(path.dirname(from), specifier);
  for (const [alias, target] of ALIASES)
    if (specifier === alias || specifier.startsWith(alias))
      base = path.join(ROOT, target + specifier.slice(alias.length));
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')])
    if (/\.(ts|svelte)$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** Every package reached from the entry files by static imports, each with the chain of modules that reaches it. */
function packagesAtStart(entries: readonly string[]): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Map<string, string[]>();
  const queue = entries.map((entry) => path.join(ROOT, entry));
  for (const entry of queue) seen.set(entry, [path.relative(ROOT, entry)]);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const chain = seen.get(file) ?? [];
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      const target = resolve(file, specifier);
      if (target) {
        if (!seen.has(target)) {
          seen.set(target, [...chain, path.relative(ROOT, target)]);
          queue.push(target);
        }
      } else if (!specifier.startsWith('.') && !specifier.startsWith('@assets') && !specifier.startsWith('node:')) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (name && !packages.has(name)) packages.set(name, [...chain, specifier]);
      }
    }
  }
  return packages;
}

describe('what the app loads at start-up', () => {
  const packages = packagesAtStart(HOSTS);

  it('reaches the storage and service code (the walk follows imports)', () => {
    expect(packages.has('lowdb')).toBe(true);
    expect(packages.has('zod')).toBe(true);
  });

  it.each(LATER)('does not load %s until it is used', (name) => {
    expect(packages.get(name)?.join(' -> ') ?? null).toBeNull();
  });
});

describe("what the renderer's first bundle holds", () => {
  const packages = packagesAtStart(RENDERER);

  it('reaches the screens it starts with (the walk follows .svelte imports)', () => {
    expect(packages.has('svelte')).toBe(true);
  });

  it('leaves compromise (behind the Quiz and Today screens) to be loaded when they are shown', () => {
    expect(packages.get('compromise')?.join(' -> ') ?? null).toBeNull();
  });
});
