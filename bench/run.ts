/**
 * `npm run bench [-- --quick] [-- --only id,id] [-- --no-build]`: builds the app, generates (or reuses) the benchmark
 * library, runs the Node benchmarks in this process and the renderer ones in Chromium (a child process), and writes
 * bench/results.json and bench/results.md.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext, Benchmark } from './context';
import { ensureLibrary } from './generate';
import { FULL_SPEC, type LibraryManifest } from './library/spec';
import { anchoringBenchmark } from './node/anchoring';
import { epubBenchmark } from './node/epub';
import { extractionBenchmark } from './node/extraction';
import { pdfImportBenchmark } from './node/pdf-import';
import { quizBenchmark } from './node/quiz';
import { libraryQueryBenchmark } from './node/library-query';
import { dossierBenchmark } from './node/dossier';
import { libraryTimelineBenchmark } from './node/library-timeline';
import { saveBenchmark } from './node/save';
import { syncBenchmark } from './node/sync';
import { webImagesBenchmark } from './node/web-images';
import { scaleBenchmark } from './node/scale';
import type { ScaleSize } from './library/scale-spec';
import { writeResults } from './report';
import { toRow, type Figure, type ResultRow } from './result';

const BENCH_DIR = __dirname;
/** The size of the scale library (`--scale full|small|tiny`; --quick means small unless told). */
let scaleSize: ScaleSize = 'full';
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const DATA_DIR = path.join(BENCH_DIR, '.data');
// The save benchmark runs last: it holds the whole library in memory for its baseline, and the GC pressure it leaves would slow the others.
const NODE_BENCHMARKS: Benchmark[] = [
  anchoringBenchmark,
  quizBenchmark,
  extractionBenchmark,
  webImagesBenchmark,
  pdfImportBenchmark,
  epubBenchmark,
  libraryQueryBenchmark,
  dossierBenchmark,
  scaleBenchmark(() => scaleSize),
  libraryTimelineBenchmark,
  saveBenchmark,
  syncBenchmark,
];
const BROWSER_IDS = ['drawing', 'lookup', 'startup', 'library-screen', 'library-organised', 'memory', 'scale-screen'];
const SCALE_IDS = ['scale', 'scale-screen'];
/** What the summary line says when only the scale benchmarks ran (their library is described in their rows). */
const SCALE_ONLY_MANIFEST: LibraryManifest = {
  spec: FULL_SPEC,
  generator: 0,
  documents: 0,
  highlights: 0,
  cards: 0,
  cardsNote: 'see the scale rows',
  bytes: 0,
  longSpans: { few: [], many: [] },
};

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** Builds the app and copies out/ aside, so a concurrent rebuild cannot change the bundle under a running benchmark. */
function buildApp(skip: boolean): string {
  if (!skip)
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const copy = path.join(DATA_DIR, 'out');
  rmSync(copy, { recursive: true, force: true });
  cpSync(path.join(REPO_ROOT, 'out'), copy, { recursive: true });
  return path.join(copy, 'main', 'serve.js');
}

function runBrowser(
  serveScript: string,
  dataDir: string,
  manifestFile: string,
  quick: boolean,
  only: string[] | undefined,
): Figure[] {
  const out = path.join(os.tmpdir(), `lectio-bench-browser-${process.pid}.json`);
  const args = [
    '--import',
    'tsx',
    path.join(BENCH_DIR, 'browser/main.ts'),
    '--serve',
    serveScript,
    '--data-dir',
    dataDir,
    '--manifest',
    manifestFile,
    '--out',
    out,
  ];
  if (quick) args.push('--quick');
  if (only) args.push('--only', only.join(','));
  execFileSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  const figures = JSON.parse(readFileSync(out, 'utf8')) as Figure[];
  rmSync(out, { force: true });
  return figures;
}

/** With --only, the re-run benchmarks' rows replace theirs in the previous results.json; the others are kept. */
function mergeWithPrevious(rows: ResultRow[], only: string[] | undefined): ResultRow[] {
  const file = path.join(BENCH_DIR, 'results.json');
  if (!only || !existsSync(file)) return rows;
  const previous = JSON.parse(readFileSync(file, 'utf8')) as ResultRow[];
  const order = [...BROWSER_IDS, ...NODE_BENCHMARKS.map((b) => b.id)];
  return [...previous.filter((row) => !only.includes(row.group)), ...rows].sort(
    (a, b) => order.indexOf(a.group) - order.indexOf(b.group),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      scale: { type: 'string' },
    },
  });
  const size = values.scale ?? (values.quick ? 'small' : 'full');
  if (size !== 'full' && size !== 'small' && size !== 'tiny') throw new Error('--scale is full, small or tiny');
  scaleSize = size;
  const quick = values.quick ?? false;
  const only = values.only?.split(',');
  const wanted = (id: string) => !only || only.includes(id);
  const started = performance.now();
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const load = os.loadavg()[0] ?? 0;

  // The scale benchmarks bring their own library (in the cache folder); the 1,000-document one is made only if needed.
  const scaleOnly = only !== undefined && only.every((id) => SCALE_IDS.includes(id));
  process.env.LECTIO_BENCH_SCALE = size;
  const { dataDir, manifest, generatedMs } = scaleOnly
    ? { dataDir: '', manifest: SCALE_ONLY_MANIFEST, generatedMs: null }
    : await ensureLibrary(DATA_DIR);
  if (!scaleOnly)
    log(
      generatedMs === null
        ? `library reused: ${dataDir}`
        : `library generated in ${(generatedMs / 1000).toFixed(1)} s: ${dataDir}`,
    );
  const ctx: BenchContext = {
    quick,
    dataDir,
    manifest,
    reps: (full, short) => (quick ? short : full),
    log: (m) => log(`  ${m}`),
  };

  const figures: Figure[] = [];
  const browserIds = BROWSER_IDS.filter(wanted);
  if (browserIds.length > 0) {
    const serveScript = buildApp(values['no-build'] ?? false);
    log(`renderer benchmarks in Chromium: ${browserIds.join(', ')}`);
    const manifestFile = path.join(DATA_DIR, `${path.basename(dataDir)}.manifest.json`);
    figures.push(
      ...runBrowser(
        serveScript,
        dataDir,
        manifestFile,
        quick,
        browserIds.length === BROWSER_IDS.length ? undefined : browserIds,
      ),
    );
  }
  for (const benchmark of NODE_BENCHMARKS.filter((b) => wanted(b.id))) {
    const t = performance.now();
    figures.push(...(await benchmark.run(ctx)).map((figure) => ({ ...figure, group: benchmark.id })));
    log(`${benchmark.id}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const rows = mergeWithPrevious(figures.map(toRow), only);
  const seconds = (performance.now() - started) / 1000;
  const cards = `${manifest.cards.toLocaleString('en')} cards with ${manifest.cardsNote}`;
  const library = `${manifest.documents.toLocaleString('en')} documents, ${manifest.highlights.toLocaleString('en')} highlights, ${cards}, ${(manifest.bytes / 1e6).toFixed(0)} MB; load average ${load.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end`;
  writeResults(BENCH_DIR, rows, { quick, startedAt, seconds, library, rerun: only ?? null });
  for (const row of rows)
    log(
      `${row.met === false ? 'MISS' : row.met ? 'ok  ' : '    '} ${row.name}: ${row.value} ${row.unit}${row.ratio === null ? '' : ` (${row.ratio}× baseline)`}`,
    );
  log(`wrote bench/results.json and bench/results.md in ${seconds.toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
