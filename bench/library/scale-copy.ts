/**
 * Working copies of the cached scale library that the app may write to. The cache is never opened in place: a copy is
 * made of hard links (the app replaces its JSON files by renaming, which leaves the cache's copy alone), an old
 * `reviews.json` is converted to the segmented log in the copy (new files only; the copy's link is removed, not the
 * cache's file), and the files the app appends to in place (the open review segment, the drops file) are then copied
 * for real, so a grade never writes into the cache.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface Conversion {
  ms: number;
  peakRssMb: number;
  segments: number;
}

/** A hard-linked copy of `cached` at `target` with its review log converted; the conversion's cost, or null if none. */
export function convertedCopy(cached: string, target: string): Conversion | null {
  execFileSync('cp', ['-al', cached, target]);
  if (!existsSync(path.join(target, 'reviews.json'))) return null;
  const child = path.join(__dirname, 'convert-log-child.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, target], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as Conversion;
}

/** A copy of `base` (a converted copy) a server may run on: hard links, except the files appended to in place. */
export function writableCopy(base: string, target: string): void {
  execFileSync('cp', ['-al', base, target]);
  const folder = path.join(target, 'reviews');
  if (!existsSync(folder)) return;
  const segments = readdirSync(folder)
    .filter((name) => /^\d{6}\.jsonl$/.test(name))
    .sort();
  for (const name of [segments.at(-1), 'drops.jsonl']) {
    if (!name || !existsSync(path.join(folder, name))) continue;
    // Unlink first: copyFileSync onto a hard link would write through it into the base (and the cache).
    rmSync(path.join(folder, name));
    copyFileSync(path.join(base, 'reviews', name), path.join(folder, name));
  }
}
