/**
 * Browser mode from a cold start: the server process is spawned, prints its address, the page opens it, the Library
 * lists the sample article, it is opened at once, and its text is painted. On a new library and on the large one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from '../result';
import { median } from '../stats';
import { newPage } from './chromium';
import type { BrowserEnv } from './env';
import { watchStartup, type WatchTimes } from './page-watch';
import { startServer } from './serve';

interface Start {
  totalMs: number;
  serverMs: number;
  libraryMs: number;
}

const SAMPLE_TITLE = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../assets/sample-article.json'), 'utf8')) as { title: string }
).title;

async function startOnce(env: BrowserEnv, dataDir: string): Promise<Start> {
  const page = await newPage(env.browser);
  await page.addInitScript(watchStartup, { title: SAMPLE_TITLE, id: 'sample' });
  const server = await startServer(env.serveScript, dataDir);
  try {
    await page.goto(server.url);
    const handle = await page.waitForFunction(
      () => {
        const times = (window as unknown as { __benchTimes?: WatchTimes }).__benchTimes;
        return times?.paintedAt !== undefined ? times : false;
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    const times = (await handle.jsonValue()) as Required<WatchTimes>;
    return {
      totalMs: times.paintedAt - server.spawnedAt,
      serverMs: server.readyAt - server.spawnedAt,
      libraryMs: times.libraryAt - server.spawnedAt,
    };
  } finally {
    await page.context().close();
    await server.stop();
  }
}

async function series(env: BrowserEnv, dataDir: () => string): Promise<Start[]> {
  const reps = env.reps({ warmup: 1, runs: 4 }, { warmup: 1, runs: 2 });
  const starts: Start[] = [];
  for (let i = 0; i < reps.warmup + reps.runs; i += 1) {
    const start = await startOnce(env, dataDir());
    if (i >= reps.warmup) starts.push(start);
  }
  return starts;
}

function figure(name: string, starts: Start[], target: number): Figure {
  return {
    name,
    value: median(starts.map((s) => s.totalMs)),
    unit: 'ms',
    better: 'lower',
    target,
    detail: `median of ${starts.length} cold starts: server printed its address at ${median(starts.map((s) => s.serverMs)).toFixed(0)} ms, Library listed the sample at ${median(starts.map((s) => s.libraryMs)).toFixed(0)} ms (then opened at once, from its row or its link).`,
  };
}

export async function startupBenchmark(env: BrowserEnv): Promise<Figure[]> {
  const fresh: string[] = [];
  try {
    const small = await series(env, () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-fresh-'));
      fresh.push(dir);
      return dir;
    });
    const large = await series(env, () => env.dataDir);
    return [
      figure('Browser mode: server start to sample article painted, new library', small, 1000),
      figure(
        `Browser mode: the same with the large library (${env.manifest.documents.toLocaleString('en')} documents)`,
        large,
        1500,
      ),
    ];
  } finally {
    for (const dir of fresh) rmSync(dir, { recursive: true, force: true });
  }
}
