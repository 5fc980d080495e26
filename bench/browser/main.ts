/**
 * The renderer benchmarks' own process (they need DOM types, and Chromium is best kept apart from the Node timings):
 * `tsx bench/browser/main.ts --serve S --data-dir D --manifest M --out F [--quick] [--only a,b]` writes Figure[] to F.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LibraryManifest } from '../library/spec';
import type { Figure } from '../result';
import { launchChromium } from './chromium';
import { drawingBenchmark } from './drawing';
import type { BrowserEnv } from './env';
import { libraryScreenBenchmark } from './library-screen';
import { libraryOrganisedBenchmark } from './library-organised';
import { lookupBenchmark } from './lookup';
import { memoryBenchmark } from './memory';
import { startupBenchmark } from './startup';
import { scaleScreenBenchmark } from './scale-screen';

type BrowserBenchmark = (env: BrowserEnv) => Promise<Figure[]>;

const BENCHMARKS: Record<string, BrowserBenchmark> = {
  drawing: drawingBenchmark,
  lookup: lookupBenchmark,
  startup: startupBenchmark,
  'library-screen': libraryScreenBenchmark,
  'library-organised': libraryOrganisedBenchmark,
  memory: memoryBenchmark,
  'scale-screen': scaleScreenBenchmark,
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      'data-dir': { type: 'string' },
      manifest: { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  if (!values.serve || values['data-dir'] === undefined || !values.manifest || !values.out)
    throw new Error('--serve, --data-dir, --manifest and --out are required');
  // An empty --data-dir: only the scale benchmarks run, on their own library (scale-screen.ts).
  const shared = values['data-dir'] !== '';
  const manifest = (shared ? JSON.parse(readFileSync(values.manifest, 'utf8')) : null) as LibraryManifest;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-browser-'));
  const dataDir = path.join(workDir, 'library');
  if (shared) cpSync(values['data-dir'], dataDir, { recursive: true });
  const browser = await launchChromium();
  const quick = values.quick ?? false;
  const env: BrowserEnv = {
    browser,
    serveScript: values.serve,
    dataDir,
    manifest,
    quick,
    reps: (full, short) => (quick ? short : full),
    log: (message) => console.log(`  ${message}`),
  };
  const only = values.only?.split(',');
  const figures: Figure[] = [];
  try {
    for (const [id, run] of Object.entries(BENCHMARKS)) {
      if (only && !only.includes(id)) continue;
      const started = performance.now();
      figures.push(...(await run(env)).map((figure) => ({ ...figure, group: id })));
      env.log(`${id}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  writeFileSync(values.out, JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
