/**
 * Converts a copied scale library's old `reviews.json` to the segmented review log, in a process of its own so its
 * time and memory are its own (the card store does it on its first opening: review-log-migration.ts). Prints
 * {ms, peakRssMb, segments} as JSON.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CardStore } from '@main/storage/card-store';

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? '';
  const started = performance.now();
  const store = new CardStore(dataDir, () => new Date());
  await store.open();
  const ms = performance.now() - started;
  const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
  const segments = readdirSync(path.join(dataDir, 'reviews')).filter((name) => /^\d{6}\.jsonl$/.test(name)).length;
  process.stdout.write(JSON.stringify({ ms, peakRssMb: Math.round(peak / 1024), segments }));
}

void main();
