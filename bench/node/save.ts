/**
 * Saving one highlight through the real service (createHighlight: describe, per-document annotations file, library
 * index count, each a durable write) on a copy of the ~50 MB library, against the same save when everything lives in
 * one lowdb file (same durable adapter, so only the file layout differs). Also the longest event-loop stall.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Low } from 'lowdb';
import type { Highlight } from '@core/annotations/highlight';
import { describe } from '@core/anchoring/describe';
import { DurableJsonFile } from '@main/storage/durable-file';
import { LibraryStorage } from '@main/storage/library-storage';
import { benchService } from './bench-service';
import { readDocument, type BenchContext, type Benchmark } from '../context';
import { LONG_IDS } from '../library/spec';
import type { Figure } from '../result';
import { max, median, p95 } from '../stats';

interface Timed {
  latencies: number[];
  /** Longest event-loop stall seen while saving, in ms. */
  stall: number;
}

/** Runs `save` `runs` times after `warmup`, recording each latency and the event loop's worst delay meanwhile. */
async function timeSaves(save: (i: number) => Promise<unknown>, warmup: number, runs: number): Promise<Timed> {
  for (let i = 0; i < warmup; i += 1) await save(-1 - i);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const latencies: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await save(i);
    latencies.push(performance.now() - started);
    // Let the monitor's timer run between saves, as the app's other work would.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  histogram.disable();
  return { latencies, stall: histogram.max / 1e6 };
}

/** A highlight span inside the document for the i-th save: a different 6-word stretch each time. */
function spanFor(text: string, i: number): { start: number; end: number } {
  const words = [...text.matchAll(/\S+/g)];
  const first = (Math.abs(i) * 37) % Math.max(1, words.length - 6);
  const a = words[first];
  const b = words[first + 5] ?? a;
  return { start: a?.index ?? 0, end: (b?.index ?? 0) + (b?.[0].length ?? 1) };
}

async function lectioSaves(dataDir: string, documentId: string, warmup: number, runs: number): Promise<Timed> {
  const storage = await LibraryStorage.open({ dataDir, now: () => new Date() });
  try {
    let n = 0;
    const api = benchService(storage, { newId: () => `bench-${++n}` });
    const { text } = readDocument(dataDir, documentId);
    await api.getAnnotations({ documentId }); // open the files, as the Reader has before anyone highlights
    return await timeSaves((i) => api.createHighlight({ documentId, ...spanFor(text, i), color: 1 }), warmup, runs);
  } finally {
    storage.close();
  }
}

interface Everything {
  schemaVersion: number;
  /** Every top-level file (library.json, settings.json, cards.json, reviews.json, ...) by name. */
  files: Record<string, unknown>;
  documents: Record<string, unknown>;
  annotations: Record<string, { highlights: Highlight[] }>;
  analysis: Record<string, unknown>;
}

function readFolder(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')))
    out[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  return out;
}

/** The baseline: the whole library as one lowdb document; saving a highlight rewrites all of it. */
async function singleFileSaves(
  dataDir: string,
  workDir: string,
  documentId: string,
  warmup: number,
  runs: number,
): Promise<Timed & { bytes: number }> {
  const data: Everything = {
    schemaVersion: 1,
    files: readFolder(dataDir),
    documents: readFolder(path.join(dataDir, 'documents')),
    annotations: readFolder(path.join(dataDir, 'annotations')) as Everything['annotations'],
    analysis: readFolder(path.join(dataDir, 'analysis')),
  };
  const file = path.join(workDir, 'everything.json');
  const db = new Low<Everything>(new DurableJsonFile<Everything>(file), data);
  await db.write();
  const { text } = readDocument(dataDir, documentId);
  const timed = await timeSaves(
    async (i) => {
      const at = new Date().toISOString();
      const highlight: Highlight = {
        id: `bench-${i}`,
        documentId,
        color: 1,
        selectors: describe(text, spanFor(text, i).start, spanFor(text, i).end),
        note: '',
        tags: [],
        createdAt: at,
        updatedAt: at,
      };
      db.data.annotations[documentId]?.highlights.push(highlight);
      await db.write();
    },
    warmup,
    runs,
  );
  return { ...timed, bytes: Buffer.byteLength(readFileSync(file)) };
}

export const saveBenchmark: Benchmark = {
  id: 'save',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-save-'));
    const copy = path.join(workDir, 'library');
    try {
      cpSync(ctx.dataDir, copy, { recursive: true });
      const typical = 'doc-0500';
      const reps = ctx.reps({ warmup: 5, runs: 60 }, { warmup: 2, runs: 20 });
      const lectio = await lectioSaves(copy, typical, reps.warmup, reps.runs);
      const heavy = await lectioSaves(copy, LONG_IDS.many, reps.warmup, Math.ceil(reps.runs / 2));
      const baseReps = ctx.reps({ warmup: 1, runs: 5 }, { warmup: 1, runs: 2 });
      const single = await singleFileSaves(copy, workDir, typical, baseReps.warmup, baseReps.runs);
      const mb = (ctx.manifest.bytes / 1e6).toFixed(0);
      const baseName = `one ${(single.bytes / 1e6).toFixed(0)} MB lowdb file`;
      return [
        {
          name: `Save one highlight, ${mb} MB library, p95`,
          value: p95(lectio.latencies),
          unit: 'ms',
          better: 'lower',
          target: 16,
          baseline: { name: baseName, value: p95(single.latencies) },
          ratioTarget: 20,
          detail: `createHighlight on a document with ~${Math.round(ctx.manifest.highlights / ctx.manifest.documents)} highlights, ${lectio.latencies.length} saves (median ${median(lectio.latencies).toFixed(1)} ms), each fsynced; baseline: ${single.latencies.length} saves, median ${median(single.latencies).toFixed(0)} ms. On the 5,000-highlight article: p95 ${p95(heavy.latencies).toFixed(1)} ms, stall ${heavy.stall.toFixed(1)} ms.`,
        },
        {
          name: 'Save one highlight: longest event-loop stall',
          value: lectio.stall,
          unit: 'ms',
          better: 'lower',
          target: 16,
          baseline: { name: baseName, value: single.stall },
          ratioTarget: 20,
          detail: `monitorEventLoopDelay (1 ms resolution) max while saving; max single save ${max(lectio.latencies).toFixed(1)} ms.`,
        },
      ];
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  },
};
