/**
 * Saving a page with 100 pictures from a local server through the real service (fetch, extraction, 100 downloads with
 * the caps, storing each by hash, the document), against the same page without its pictures in the same run: the
 * baseline is what saving cost before pictures were kept, so the ratio shows what the pictures add. Peak memory is
 * sampled meanwhile (heap and external buffers, where downloaded bytes wait until every download is done).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startArticleServer } from '@main/import/test-article-server';
import { LibraryStorage } from '@main/storage/library-storage';
import { benchService } from './bench-service';
import type { BenchContext, Benchmark } from '../context';
import type { Figure } from '../result';
import { median } from '../stats';

const PICTURES = 100;
/** About what a web photograph weighs after a CDN's compression. */
const PICTURE_BYTES = 120 * 1024;

interface Run {
  ms: number;
  /** Peak of heap used plus external memory above the level before the save, in MB. */
  peakMb: number;
  images: number;
}

async function saveOnce(url: string): Promise<Run> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-web-'));
  const storage = await LibraryStorage.open({ dataDir, now: () => new Date() });
  try {
    let n = 0;
    const api = benchService(storage, { newId: () => `web-${++n}` });
    const used = () => {
      const memory = process.memoryUsage();
      return memory.heapUsed + memory.external;
    };
    const before = used();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, used())), 10);
    const started = performance.now();
    const saved = await api.importFromUrl({ url });
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, used());
    const doc = await api.getDocument({ id: saved.id });
    return {
      ms,
      peakMb: (peak - before) / 1024 / 1024,
      images: doc.body.blocks.filter((block) => block.kind === 'image').length,
    };
  } finally {
    storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const webImagesBenchmark: Benchmark = {
  id: 'web-images',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const site = await startArticleServer({ gallerySize: 320, galleryPadding: PICTURE_BYTES });
    try {
      const reps = ctx.quick ? 2 : 5;
      // One warm-up of each, so jsdom's first load is not charged to either side.
      await saveOnce(`${site.base}/gallery?n=${PICTURES}&images=none`);
      await saveOnce(`${site.base}/gallery?n=${PICTURES}`);
      const withPictures: Run[] = [];
      const withoutPictures: Run[] = [];
      for (let i = 0; i < reps; i += 1) {
        withoutPictures.push(await saveOnce(`${site.base}/gallery?n=${PICTURES}&images=none`));
        withPictures.push(await saveOnce(`${site.base}/gallery?n=${PICTURES}`));
      }
      const stored = Math.min(...withPictures.map((run) => run.images));
      if (stored !== PICTURES) throw new Error(`only ${stored} of ${PICTURES} pictures were stored`);
      const ms = median(withPictures.map((run) => run.ms));
      const peak = Math.max(...withPictures.map((run) => run.peakMb));
      const basePeak = Math.max(...withoutPictures.map((run) => run.peakMb));
      ctx.log(`page with ${PICTURES} pictures: median ${ms.toFixed(0)} ms, peak memory +${peak.toFixed(0)} MB`);
      return [
        {
          name: `Save a page with ${PICTURES} pictures from a local server, median`,
          value: ms,
          unit: 'ms',
          better: 'lower',
          target: 5000,
          baseline: { name: 'the same page without its pictures', value: median(withoutPictures.map((run) => run.ms)) },
          detail: `${reps} saves each, alternating; ${PICTURES} PNGs of ~${Math.round(PICTURE_BYTES / 1024)} KB (${((PICTURES * PICTURE_BYTES) / 1e6).toFixed(0)} MB), 6 downloads at a time, each stored by hash.`,
        },
        {
          name: `Save a page with ${PICTURES} pictures: peak memory above the start`,
          value: peak,
          unit: 'MB',
          better: 'lower',
          detail: `heapUsed + external, sampled every 10 ms (the same page without its pictures: ${basePeak.toFixed(1)} MB); the downloaded bytes are held until every download is done, so a Cancel writes nothing.`,
        },
      ];
    } finally {
      await site.close();
    }
  },
};
