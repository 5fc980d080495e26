/** Sizing helpers shared by the library generators (bench/generate.ts, scale-library.ts). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bytes on disk under `dir`, every file of every subfolder: the size a generated library reports in its manifest. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

/** `total` split over `parts` as evenly as whole numbers allow (the first ones get the remainder). */
export function shares(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}
