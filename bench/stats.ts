/** Repetition and summary statistics for the benchmarks: warm-up then N timed runs, median and nearest-rank p95. */

export interface Repetitions {
  warmup: number;
  runs: number;
}

/** The q-quantile (0..1) by nearest rank; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => quantile(samples, 0.95);
export const max = (samples: readonly number[]): number =>
  samples.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);

/** Times `work` (milliseconds per call) after `warmup` untimed calls; returns one sample per run. */
export function timeSync(work: () => unknown, { warmup, runs }: Repetitions): number[] {
  for (let i = 0; i < warmup; i += 1) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The async counterpart of timeSync: each sample is the time until the returned promise settles. */
export async function timeAsync(
  work: (run: number) => Promise<unknown>,
  { warmup, runs }: Repetitions,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await work(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}
