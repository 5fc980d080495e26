/**
 * The import rules of .dependency-cruiser.cjs bite: a small tree that breaks each one fails the check with that
 * rule's name, and the same tree written through the aliases passes. The real `npm run boundaries` is run, on a
 * temporary copy of the house's layout.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const cli = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (path -> source) into a fresh folder with a tsconfig.json that has the house's aliases. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-boundaries-'));
  dirs.push(dir);
  const paths = {
    '@core/*': ['./src-main/core/*'],
    '@contract': ['./src-main/api/contract'],
    '@main/*': ['./src-main/*'],
  };
  files['tsconfig.json'] = JSON.stringify({
    compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', paths },
  });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/**
 * Runs the check on `dir` as `npm run boundaries` does, for its exit status, and again for the rules broken (only the
 * plain report sets the exit status; the JSON one names the rules).
 */
function cruise(dir: string): { status: number | null; violations: Violation[] } {
  const args = [cli, '--config', config, 'src-main', 'src-renderer', 'scripts'];
  const check = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  const json = spawnSync(process.execPath, [...args, '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  if (!json.stdout) throw new Error(`dependency-cruiser gave no report: ${json.stderr}`);
  const report = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
  return { status: check.status, violations: report.summary.violations };
}

const broken = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();

// Each case starts dependency-cruiser twice, a few seconds each on a busy machine.
describe('the import rules', () => {
  it('fail on a cross-tree relative import, an impure core, a service using lowdb, and a cycle', () => {
    const dir = tree({
      'src-main/core/model.ts': "export const unit = 'word';\n",
      'src-main/core/reads-files.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'src-main/core/uses-storage.ts': "import { store } from '../storage/store';\nexport const kept = store;\n",
      'src-main/core/ping.ts': "import { pong } from './pong';\nexport const ping = () => pong;\n",
      'src-main/core/pong.ts': "import { ping } from './ping';\nexport const pong = () => ping;\n",
      'src-main/storage/store.ts': 'export const store = new Map<string, string>();\n',
      'src-main/api/contract.ts': 'export interface Api { ping(): string }\n',
      'src-main/api/services/notes.ts': "import { Low } from 'lowdb';\nexport const db = Low;\n",
      'src-renderer/screen.ts': "import { unit } from '../src-main/core/model';\nexport const shown = unit;\n",
      'src-renderer/reaches-storage.ts': "import { store } from '@main/storage/store';\nexport const peek = store;\n",
      'scripts/tool.ts': "import { unit } from '../src-main/core/model';\nexport const used = unit;\n",
    });
    const { status, violations } = cruise(dir);
    expect(status).not.toBe(0);
    expect(broken(violations)).toEqual([
      'core-is-pure: src-main/core/uses-storage.ts -> src-main/storage/store.ts',
      'core-no-node-builtins: src-main/core/reads-files.ts -> fs',
      'no-circular: src-main/core/ping.ts -> src-main/core/pong.ts',
      'no-cross-tree-relative: scripts/tool.ts -> src-main/core/model.ts',
      'no-cross-tree-relative: src-renderer/screen.ts -> src-main/core/model.ts',
      'renderer-only-core-and-contract: src-renderer/reaches-storage.ts -> src-main/storage/store.ts',
      'services-no-lowdb: src-main/api/services/notes.ts -> lowdb',
    ]);
  }, 120_000);

  it('pass the same tree written through the aliases and kept pure', () => {
    const dir = tree({
      'src-main/core/model.ts': "export const unit = 'word';\n",
      'src-main/core/uses-model.ts': "import { unit } from './model';\nexport const twice = unit + unit;\n",
      'src-main/storage/store.ts':
        "import { unit } from '../core/model';\nexport const store = new Map<string, string>([[unit, unit]]);\n",
      'src-main/api/contract.ts':
        "import type { unit } from '../core/model';\nexport interface Api { ping(): typeof unit }\n",
      'src-renderer/screen.ts':
        "import { unit } from '@core/model';\nimport type { Api } from '@contract';\nexport const shown: Api | string = unit;\n",
      'scripts/tool.ts': "import { store } from '@main/storage/store';\nexport const used = store;\n",
    });
    const { status, violations } = cruise(dir);
    expect(broken(violations)).toEqual([]);
    expect(status).toBe(0);
  }, 120_000);
});
