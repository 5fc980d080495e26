/**
 * `npx tsx scripts/eval-perf.ts`: times extract() on 1,000 and 50,000 words built from the sample and held-out
 * articles (budget: < 50 ms and < 1 s). Prints the median and worst of five runs after one warm-up.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '@core/extract/index';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(ROOT, 'eval', 'fixtures', 'heldout');
const pool = [
  readFileSync(join(ROOT, 'assets', 'sample-article.txt'), 'utf8'),
  ...readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8')),
].join('\n');
const words = pool.split(/\s+/);

function text(n: number): string {
  const out: string[] = [];
  while (out.length < n) out.push(...words);
  return out.slice(0, n).join(' ');
}

for (const n of [1000, 50000]) {
  const t = text(n);
  extract(t, { referenceDate: '2024-01-22' });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    extract(t, { referenceDate: '2024-01-22' });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`${n} words: median ${(times[2] ?? 0).toFixed(1)} ms, max ${(times[4] ?? 0).toFixed(1)} ms\n`);
}
